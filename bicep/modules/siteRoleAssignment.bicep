// Website Contributor on one monitored App Service site, deployed into that site's resource group.
// Scope is the site, which covers its deployment slots: enough to read slot state and swap slots.

@description('Name of the monitored site (in this deployment\'s resource group).')
param siteName string

@description('Object id of the monitor identity\'s service principal.')
param principalId string

@description('Resource id of the monitor identity; part of the assignment name.')
param identityResourceId string

var websiteContributorRoleId = 'de139f84-1756-47ae-9be6-808fbbe84772'

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource websiteContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: site
  name: guid(site.id, identityResourceId, websiteContributorRoleId)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', websiteContributorRoleId)
    description: 'ModelMonitor: slot swaps for model rollback.'
  }
}
