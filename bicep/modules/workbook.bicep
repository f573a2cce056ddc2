// The ModelMonitor workbook (infra/dashboards/modelmonitor-workbook.json), shared in the resource group
// and bound to the Application Insights component.
import { tagsType } from 'types.bicep'

@description('Display name of the workbook.')
param displayName string

@description('Azure region.')
param location string

@description('Resource id of the Application Insights component the workbook queries.')
param appInsightsId string

@description('Tags applied to the workbook.')
param tags tagsType

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // Workbook names must be GUIDs; this one is stable per resource group and display name.
  name: guid(resourceGroup().id, 'modelmonitor-workbook', displayName)
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: appInsightsId
    version: 'Notebook/1.0'
    serializedData: loadTextContent('../../infra/dashboards/modelmonitor-workbook.json')
  }
}
