// The one user-assigned identity the function app runs as. Every data-plane connection
// (host storage, data storage, Event Hubs, Key Vault references, ARM slot swaps) uses it.
import { tagsType } from 'types.bicep'

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the identity.')
param tags tagsType

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity (for `identity.userAssignedIdentities` and `keyVaultReferenceIdentity`).')
output resourceId string = identity.id

@description('Client (application) id: the `__clientId` of every identity-based connection.')
output clientId string = identity.properties.clientId

@description('Object id of the identity\'s service principal: the principal of its role assignments.')
output principalId string = identity.properties.principalId
