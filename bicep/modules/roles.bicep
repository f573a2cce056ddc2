// Least-privilege data-plane roles for the app's user-assigned identity. Built-in role definition GUIDs;
// assignment names are guid(scope, identity, role), so reruns are idempotent.
//
//   data account        Storage Blob Data Owner, Storage Table Data Contributor
//   host account        Storage Blob Data Owner (host leases, checkpoints, Flex deployment package),
//                       Storage Queue Data Contributor and Storage Table Data Contributor (Durable Functions task hub)
//   event hub           Azure Event Hubs Data Receiver (the hub only, not the namespace)
//   key vault           Key Vault Secrets User (Key Vault references)
//   each monitored site Website Contributor (slot swaps for rollback), assigned in the site's own resource group

@description('Object id of the identity\'s service principal.')
param principalId string

@description('Resource id of the identity; part of each assignment name, so names are known before deployment.')
param identityResourceId string

@description('Name of the data storage account.')
param dataStorageAccountName string

@description('Name of the host storage account.')
param hostStorageAccountName string

@description('Name of the Event Hubs namespace.')
param eventHubsNamespaceName string

@description('Name of the event hub.')
param eventHubName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Resource ids of the App Service sites whose slots the monitor may swap. Sites may live in other resource groups and subscriptions.')
param monitoredSiteIds string[]

// Built-in role definition ids (the same in every tenant).
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  eventHubsDataReceiver: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: dataStorageAccountName
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: hostStorageAccountName
}

resource eventHubsNamespace 'Microsoft.EventHub/namespaces@2026-01-01' existing = {
  name: eventHubsNamespaceName

  resource hub 'eventhubs' existing = {
    name: eventHubName
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: keyVaultName
}

resource dataBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage
  name: guid(dataStorage.id, identityResourceId, roleIds.storageBlobDataOwner)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
    description: 'ModelMonitor: window, dead-letter, reference and check-result blobs.'
  }
}

resource dataTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage
  name: guid(dataStorage.id, identityResourceId, roleIds.storageTableDataContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.storageTableDataContributor
    )
    description: 'ModelMonitor: alerts, config, blocklist, reputation, audit and versions tables.'
  }
}

resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hostStorage
  name: guid(hostStorage.id, identityResourceId, roleIds.storageBlobDataOwner)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
    description: 'Functions host: leases, timers, Event Hubs checkpoints, Flex deployment package.'
  }
}

resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hostStorage
  name: guid(hostStorage.id, identityResourceId, roleIds.storageQueueDataContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.storageQueueDataContributor
    )
    description: 'Durable Functions task hub queues.'
  }
}

resource hostTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hostStorage
  name: guid(hostStorage.id, identityResourceId, roleIds.storageTableDataContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.storageTableDataContributor
    )
    description: 'Durable Functions task hub history and instances tables.'
  }
}

resource eventHubReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: eventHubsNamespace::hub
  name: guid(eventHubsNamespace::hub.id, identityResourceId, roleIds.eventHubsDataReceiver)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.eventHubsDataReceiver)
    description: 'ModelMonitor ingestion trigger.'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identityResourceId, roleIds.keyVaultSecretsUser)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    description: 'Key Vault references for notification webhooks.'
  }
}

// A role assignment's scope must be in the deployment's own resource group, so each monitored site gets a
// small deployment in the site's resource group (and subscription). Site ids look like
// /subscriptions/{2}/resourceGroups/{4}/providers/Microsoft.Web/sites/{8}.
module siteContributors 'siteRoleAssignment.bicep' = [
  for (siteId, i) in monitoredSiteIds: {
    name: take('mm-site-role-${i}-${uniqueString(siteId, identityResourceId)}', 64)
    scope: resourceGroup(split(siteId, '/')[2], split(siteId, '/')[4])
    params: {
      siteName: split(siteId, '/')[8]
      principalId: principalId
      identityResourceId: identityResourceId
    }
  }
]
