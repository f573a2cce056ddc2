// Key Vault for notification secrets. RBAC authorization (no access policies), soft delete always on,
// purge protection by parameter. Secrets are created only when a value is supplied; the app reads them
// through Key Vault references resolved with its user-assigned identity.
import { tagsType } from 'types.bicep'

@description('Vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Turn on purge protection. It cannot be turned off again, and a purge-protected vault name stays taken for the soft-delete period after deletion.')
param enablePurgeProtection bool

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Name of the Teams webhook secret.')
param teamsWebhookSecretName string

@description('Teams Workflows webhook URL. Empty: no secret is written.')
@secure()
param teamsWebhookUrl string

@description('Name of the Slack webhook secret.')
param slackWebhookSecretName string

@description('Slack incoming-webhook URL. Empty: no secret is written.')
@secure()
param slackWebhookUrl string

@description('Log Analytics workspace that receives the vault diagnostics.')
param logAnalyticsWorkspaceId string

@description('Tags applied to the vault.')
param tags tagsType

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service accepts only true or an absent value here, never false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource teamsSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: teamsWebhookSecretName
  properties: {
    value: teamsWebhookUrl
    contentType: 'text/uri'
  }
}

resource slackSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (!empty(slackWebhookUrl)) {
  parent: vault
  name: slackWebhookSecretName
  properties: {
    value: slackWebhookUrl
    contentType: 'text/uri'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Vault URI, e.g. https://<name>.vault.azure.net/ (read from the resource, so cloud-neutral).')
output vaultUri string = vault.properties.vaultUri
