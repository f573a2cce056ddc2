// Shared user-defined types, imported by main.bicep and the modules that need them.

@export()
@description('Resource tags: string values only.')
type tagsType = {
  *: string
}

@export()
@description('One Flex Consumption always-ready entry: a group (`http`, `blob`, `durable`) or `function:<name>`, and how many instances stay warm.')
type alwaysReadyType = {
  @description('`http`, `blob`, `durable` or `function:<FunctionName>`.')
  name: string

  @description('Instances kept ready for this group or function.')
  @minValue(0)
  instanceCount: int
}
