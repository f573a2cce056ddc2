// ModelMonitor infrastructure: one resource group holding the monitoring Function App and everything it uses.
// Deploy with infra/deploy.sh (what-if, then create), parameters in main.<env>.bicepparam.
//
// API versions: the newest GA version in the Bicep CLI's bundled type library that is at least six months
// old, so every property is type-checked offline (an unknown type, BCP081, fails the Infra tests).
// diagnosticSettings stays on 2021-05-01-preview: the only version with categoryGroup.
metadata description = 'ModelMonitor: Event Hubs ingestion, window-summary storage, checks, alerts and rollback for ML models.'

import { alwaysReadyType, tagsType } from 'modules/types.bicep'

// ---------------------------------------------------------------- general

@description('Environment; part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Resource name prefix: 3-8 lowercase letters or digits (it is part of storage account names).')
@minLength(3)
@maxLength(8)
param baseName string = 'modelmon'

@description('Azure region for all resources. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Extra tags for every resource (app and environment tags are always added).')
param tags tagsType = {}

// ---------------------------------------------------------------- hosting

@description('Function App hosting plan. FlexConsumption (FC1) scales to zero and per function; ElasticPremium (EP1-EP3) keeps warm instances.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string = 'FlexConsumption'

@description('Elastic Premium SKU, used when hostingPlan is ElasticPremium.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param elasticPremiumSku string = 'EP1'

@description('Elastic Premium: maximum burst instances.')
@minValue(1)
@maxValue(100)
param elasticPremiumMaximumWorkerCount int = 20

@description('Flex Consumption: maximum instances for the app. The Event Hubs function uses at most one per partition.')
@minValue(1)
@maxValue(1000)
param flexMaximumInstanceCount int = 100

@description('Flex Consumption: instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int = 2048

@description('Flex Consumption: always-ready instances, e.g. [{ name: \'function:RunChecks\', instanceCount: 1 }]. Empty: scale to zero.')
param flexAlwaysReady alwaysReadyType[] = []

// ---------------------------------------------------------------- storage

@description('Replication for both storage accounts.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days to keep base 5-minute windows (container windows, prefix 5m/).')
@minValue(1)
param windows5mRetentionDays int = 14

@description('Days to keep hourly roll-ups (container windows, prefix 1h/).')
@minValue(1)
param windows1hRetentionDays int = 90

@description('Days to keep daily roll-ups (container windows, prefix 1d/).')
@minValue(1)
param windows1dRetentionDays int = 730

@description('Days after which daily roll-ups move to the cool tier (below windows1dRetentionDays).')
@minValue(1)
param windows1dCoolAfterDays int = 30

@description('Days to keep dead-lettered events (container deadletters).')
@minValue(1)
param deadLetterRetentionDays int = 30

@description('Days to keep check results (container checkresults).')
@minValue(1)
param checkResultRetentionDays int = 180

// ---------------------------------------------------------------- event hubs

@description('Event Hubs tier.')
@allowed([
  'Standard'
  'Premium'
])
param eventHubsSku string = 'Standard'

@description('Throughput units (Standard; 1 TU = 1 MB/s or 1,000 events/s ingress) or processing units (Premium: 1, 2, 4, 8, 16).')
@minValue(1)
@maxValue(40)
param eventHubsCapacity int = 1

@description('Standard: auto-inflate ceiling in throughput units; at or below eventHubsCapacity turns auto-inflate off.')
@minValue(0)
@maxValue(40)
param eventHubsMaximumThroughputUnits int = 4

@description('Name of the event hub the models publish to.')
param eventHubName string = 'model-events'

@description('Partitions of the hub: the ceiling on parallel consumers. Standard allows up to 32 and cannot change it later.')
@minValue(1)
@maxValue(100)
param eventHubPartitionCount int = 8

@description('Days the hub keeps events (Standard 1-7, Premium up to 90): the replay window after an outage.')
@minValue(1)
@maxValue(90)
param eventHubRetentionDays int = 7

// ---------------------------------------------------------------- observability and secrets

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logAnalyticsRetentionDays int = 30

@description('Turn on Key Vault purge protection (irreversible; keep it on in production).')
param keyVaultPurgeProtection bool = true

@description('Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionDays int = 90

@description('Teams Workflows webhook URL, stored as Key Vault secret teams-webhook-url. Empty: no Teams notifications.')
@secure()
param teamsWebhookUrl string = ''

@description('Slack incoming-webhook URL, stored as Key Vault secret slack-webhook-url. Empty: no Slack notifications.')
@secure()
param slackWebhookUrl string = ''

// ---------------------------------------------------------------- rollback and alerts

@description('Resource ids of the App Service sites (not slots) whose slots the monitor may swap to roll a model back.')
param monitoredSiteIds string[] = []

@description('Object id of an Entra application that secures the alert webhook (secure webhook). Empty: plain webhook.')
param webhookAadObjectId string = ''

@description('Application ID URI of that application. Used only with webhookAadObjectId.')
param webhookAadIdentifierUri string = ''

@description('Dead-letter rate in percent above which the dead-letter alert fires.')
@minValue(0)
@maxValue(100)
param deadLetterRateThresholdPercent int = 1

@description('Evaluation frequency and window of the alert rules.')
@allowed([
  'PT5M'
  'PT10M'
  'PT15M'
  'PT30M'
  'PT1H'
])
param alertEvaluationFrequency string = 'PT15M'

// ---------------------------------------------------------------- app behaviour (app settings)

@description('Monitor__WindowMinutes: base window length in minutes. The lifecycle rules expect base windows under windows/5m/.')
@minValue(1)
@maxValue(60)
param monitorWindowMinutes int = 5

@description('Monitor__MaxEventBytes: events above this size are dead-lettered.')
@minValue(1024)
param monitorMaxEventBytes int = 1048576

@description('Monitor__MaxFutureSkewMinutes: events stamped further ahead than this are dead-lettered.')
@minValue(0)
param monitorMaxFutureSkewMinutes int = 1440

@description('Monitor__IngestParallelism: window blobs of one batch read and written concurrently.')
@minValue(1)
@maxValue(64)
param monitorIngestParallelism int = 8

@description('Checks__LookbackHours: how far back completed windows are re-evaluated when their data changed (late labels).')
@minValue(1)
@maxValue(744)
param checksLookbackHours int = 48

@description('RollupHourlySchedule (NCRONTAB, six fields).')
param rollupHourlySchedule string = '0 5 * * * *'

@description('RollupDailySchedule (NCRONTAB, six fields).')
param rollupDailySchedule string = '0 15 0 * * *'

@description('Rollup__LookbackHours: how far back roll-ups revisit windows.')
@minValue(1)
param rollupLookbackHours int = 48

@description('ChecksSchedule (NCRONTAB, six fields).')
param checksSchedule string = '0 10-59/15 * * * *'

@description('Checks__LabelLookbackDays: days whose model quality is re-evaluated when late outcomes change them.')
@minValue(1)
@maxValue(31)
param checksLabelLookbackDays int = 7

@description('Checks__FeedbackLoopOutcomeDelayHours: hours after a day ends before the feedback-loop check judges it.')
@minValue(0)
@maxValue(168)
param feedbackLoopOutcomeDelayHours int = 24

@description('Rollup__LabelLookbackDays: days over which roll-ups are rebuilt when a source window changed (late outcomes).')
@minValue(1)
@maxValue(31)
param rollupLabelLookbackDays int = 7




// ---------------------------------------------------------------- names

var token = uniqueString(subscription().id, resourceGroup().id, baseName, environmentName)
var shortToken = take(token, 6)
var prefix = toLower(baseName)

var names = {
  identity: 'id-${prefix}-${environmentName}'
  logAnalytics: 'log-${prefix}-${environmentName}'
  appInsights: 'appi-${prefix}-${environmentName}'
  hostStorage: take('st${prefix}h${token}', 24)
  dataStorage: take('st${prefix}d${token}', 24)
  eventHubsNamespace: 'evhns-${prefix}-${environmentName}-${shortToken}'
  keyVault: take('kv-${prefix}-${environmentName}-${shortToken}', 24)
  plan: 'plan-${prefix}-${environmentName}'
  functionApp: 'func-${prefix}-${environmentName}-${shortToken}'
  actionGroup: 'ag-${prefix}-${environmentName}'
  alertRulePrefix: 'alert-${prefix}-${environmentName}'
}

var allTags = union(tags, {
  app: 'modelmonitor'
  environment: environmentName
})

// Known before deployment (unlike the identity module's output), so role assignment names are too.
var identityResourceId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', names.identity)

var consumerGroupName = 'modelmonitor'
var deploymentContainerName = 'app-package'
var teamsWebhookSecretName = 'teams-webhook-url'
var slackWebhookSecretName = 'slack-webhook-url'

// ---------------------------------------------------------------- resources

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    retentionInDays: logAnalyticsRetentionDays
    tags: allTags
  }
}

module hostStorage 'modules/hostStorage.bicep' = {
  name: 'host-storage'
  params: {
    name: names.hostStorage
    location: location
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    tags: allTags
  }
}

module dataStorage 'modules/dataStorage.bicep' = {
  name: 'data-storage'
  params: {
    name: names.dataStorage
    location: location
    skuName: storageSku
    windows5mRetentionDays: windows5mRetentionDays
    windows1hRetentionDays: windows1hRetentionDays
    windows1dRetentionDays: windows1dRetentionDays
    windows1dCoolAfterDays: windows1dCoolAfterDays
    deadLetterRetentionDays: deadLetterRetentionDays
    checkResultRetentionDays: checkResultRetentionDays
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    tags: allTags
  }
}

module eventHubs 'modules/eventHubs.bicep' = {
  name: 'event-hubs'
  params: {
    namespaceName: names.eventHubsNamespace
    eventHubName: eventHubName
    consumerGroupName: consumerGroupName
    location: location
    skuName: eventHubsSku
    capacity: eventHubsCapacity
    maximumThroughputUnits: eventHubsMaximumThroughputUnits
    partitionCount: eventHubPartitionCount
    retentionDays: eventHubRetentionDays
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    tags: allTags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionDays
    teamsWebhookSecretName: teamsWebhookSecretName
    teamsWebhookUrl: teamsWebhookUrl
    slackWebhookSecretName: slackWebhookSecretName
    slackWebhookUrl: slackWebhookUrl
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    tags: allTags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    identityResourceId: identityResourceId
    dataStorageAccountName: names.dataStorage
    hostStorageAccountName: names.hostStorage
    eventHubsNamespaceName: names.eventHubsNamespace
    eventHubName: eventHubName
    keyVaultName: names.keyVault
    monitoredSiteIds: monitoredSiteIds
  }
  // Names are passed as known strings (so assignment names are known before deployment); these
  // dependencies make sure the scopes exist first.
  dependsOn: [
    hostStorage
    dataStorage
    eventHubs
    keyVault
  ]
}

// Read for its connection string once the monitoring module has created it. The string reaches the function
// app module as a secure parameter: it is no module output, so it never shows in deployment outputs.
resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: names.appInsights
  dependsOn: [
    monitoring
  ]
}

// Versionless Key Vault references follow secret rotation; empty when no secret was supplied.
var teamsWebhookUrlSetting = empty(teamsWebhookUrl)
  ? ''
  : '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${teamsWebhookSecretName}/)'
var slackWebhookUrlSetting = empty(slackWebhookUrl)
  ? ''
  : '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${slackWebhookSecretName}/)'

module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    hostingPlan: hostingPlan
    elasticPremiumSku: elasticPremiumSku
    elasticPremiumMaximumWorkerCount: elasticPremiumMaximumWorkerCount
    flexMaximumInstanceCount: flexMaximumInstanceCount
    flexInstanceMemoryMB: flexInstanceMemoryMB
    flexAlwaysReady: flexAlwaysReady
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    hostStorageAccountName: names.hostStorage
    hostStorageBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: hostStorage.outputs.deploymentContainerName
    dataBlobEndpoint: dataStorage.outputs.blobEndpoint
    dataTableEndpoint: dataStorage.outputs.tableEndpoint
    eventHubsFullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace
    eventHubName: eventHubName
    eventHubConsumerGroup: eventHubs.outputs.consumerGroupName
    appInsightsConnectionString: appInsights.properties.ConnectionString
    teamsWebhookUrlSetting: teamsWebhookUrlSetting
    slackWebhookUrlSetting: slackWebhookUrlSetting
    windowMinutes: monitorWindowMinutes
    maxEventBytes: monitorMaxEventBytes
    maxFutureSkewMinutes: monitorMaxFutureSkewMinutes
    ingestParallelism: monitorIngestParallelism
    checksLookbackHours: checksLookbackHours
    rollupHourlySchedule: rollupHourlySchedule
    rollupDailySchedule: rollupDailySchedule
    rollupLookbackHours: rollupLookbackHours
    checksSchedule: checksSchedule
    checksLabelLookbackDays: checksLabelLookbackDays
    feedbackLoopOutcomeDelayHours: feedbackLoopOutcomeDelayHours
    rollupLabelLookbackDays: rollupLabelLookbackDays
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    tags: allTags
  }
  // Roles first, so the host does not start (and fail) before it may read its storage and the hub.
  dependsOn: [
    roles
  ]
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  params: {
    displayName: 'ModelMonitor (${environmentName})'
    location: location
    appInsightsId: monitoring.outputs.appInsightsId
    tags: allTags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    actionGroupName: names.actionGroup
    actionGroupShortName: take('mm-${environmentName}', 12)
    functionAppHostName: functionApp.outputs.defaultHostName
    webhookAadObjectId: webhookAadObjectId
    webhookAadIdentifierUri: webhookAadIdentifierUri
    appInsightsId: monitoring.outputs.appInsightsId
    ruleNamePrefix: names.alertRulePrefix
    location: location
    deadLetterRateThresholdPercent: deadLetterRateThresholdPercent
    evaluationFrequency: alertEvaluationFrequency
    tags: allTags
  }
}

// ---------------------------------------------------------------- outputs (no keys, no connection strings)

@description('Function app name (deploy.sh publishes the package to it).')
output functionAppName string = names.functionApp

@description('Hosting plan the app runs on.')
output hostingPlan string = hostingPlan

@description('Default host name of the function app.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Azure Monitor webhook the action group posts to.')
output alertWebhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/alerts/azure-monitor'

@description('Action group to attach to alert rules on the monitored apps.')
output actionGroupId string = alerts.outputs.actionGroupId

@description('Client id of the app\'s user-assigned identity.')
output identityClientId string = identity.outputs.clientId

@description('Event Hubs namespace host name producers send to.')
output eventHubsFullyQualifiedNamespace string = eventHubs.outputs.fullyQualifiedNamespace

@description('Event hub name producers send to.')
output eventHubName string = eventHubName

@description('Data storage account name.')
output dataStorageAccountName string = names.dataStorage

@description('Key Vault name (notification secrets).')
output keyVaultName string = names.keyVault
