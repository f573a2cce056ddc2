// The monitoring Function App (.NET 10 isolated worker) and its plan.
//
// FlexConsumption (default): serverfarm SKU FC1; the runtime (dotnet-isolated 10.0), scale limits and the
// deployment package container live in functionAppConfig. Flex rejects FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE as app settings, so they are not set there.
// Event Hubs triggers scale per function, target-based: at most one instance per partition.
//
// ElasticPremium (EP1-EP3): the classic Linux plan. The runtime comes from linuxFxVersion plus the
// FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION app settings, and the package runs from
// WEBSITE_RUN_FROM_PACKAGE=1 (zip deploy). No Azure Files content share: it needs a key-based connection
// string and the host account has shared keys turned off. Runtime scale monitoring is on so the Event
// Hubs trigger scales target-based here as well.
//
// App settings: every key the app reads is in the variable `appSettings`, plan-only keys in
// `elasticPremiumOnlyAppSettings`. ModelMonitor.Infra.Tests reads both variables by name from the compiled JSON
// and checks them against local.settings.sample.json. Keep their values free of resource references (runtime
// values arrive as parameters): Bicep inlines a variable that reads a resource, and the test would lose it.
import { alwaysReadyType, tagsType } from 'types.bicep'

@description('Function app name (globally unique: it is the default host name).')
param name string

@description('App Service plan name.')
param planName string

@description('Azure region.')
param location string

@description('Hosting plan.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string

@description('Elastic Premium SKU (ignored on Flex Consumption).')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param elasticPremiumSku string

@description('Elastic Premium: maximum instances the plan may burst to (ignored on Flex Consumption).')
@minValue(1)
@maxValue(100)
param elasticPremiumMaximumWorkerCount int

@description('Flex Consumption: maximum instances for the whole app (the Event Hubs function never uses more than the partition count).')
@minValue(1)
@maxValue(1000)
param flexMaximumInstanceCount int

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int

@description('Flex Consumption: always-ready instances per group or function. Empty: scale to zero.')
param flexAlwaysReady alwaysReadyType[]

@description('Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Client id of that identity (the __clientId of every connection).')
param identityClientId string

@description('Host storage account name (AzureWebJobsStorage__accountName).')
param hostStorageAccountName string

@description('Blob endpoint of the host storage account (for the Flex deployment container URL).')
param hostStorageBlobEndpoint string

@description('Blob container for the Flex deployment package.')
param deploymentContainerName string

@description('Blob endpoint of the data storage account.')
param dataBlobEndpoint string

@description('Table endpoint of the data storage account.')
param dataTableEndpoint string

@description('Event Hubs namespace host name.')
param eventHubsFullyQualifiedNamespace string

@description('Event hub the monitor reads.')
param eventHubName string

@description('Consumer group the monitor reads with.')
param eventHubConsumerGroup string

@description('Application Insights connection string (secure so it stays out of deployment history).')
@secure()
param appInsightsConnectionString string

@description('App setting value for Notifications__TeamsWebhookUrl: a Key Vault reference, or empty for no Teams channel.')
param teamsWebhookUrlSetting string

@description('App setting value for Notifications__SlackWebhookUrl: a Key Vault reference, or empty for no Slack channel.')
param slackWebhookUrlSetting string

@description('App setting value for OpsApi__WebhookSharedSecret: a Key Vault reference to the Azure Monitor webhook secret, or empty to accept only secure-webhook tokens.')
@secure()
param webhookSharedSecretSetting string = ''

@description('OpsApi__WebhookTokenAudience: application id URI or client id of the app registration the secure webhook targets; empty disables tokens.')
param webhookTokenAudience string = ''

@description('OpsApi__WebhookTokenIssuer: expected token issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0.')
param webhookTokenIssuer string = ''

@description('OpsApi__WebhookOpenIdMetadataAddress: OpenID metadata holding the token signing keys.')
param webhookOpenIdMetadataAddress string = ''

@description('Monitor__WindowMinutes: length of a base window in minutes.')
@minValue(1)
@maxValue(60)
param windowMinutes int

@description('Monitor__MaxEventBytes: larger events are dead-lettered.')
@minValue(1024)
param maxEventBytes int

@description('Monitor__MaxFutureSkewMinutes: events stamped further in the future are dead-lettered.')
@minValue(0)
param maxFutureSkewMinutes int

@description('Monitor__IngestParallelism: window blobs of one batch read and written concurrently.')
@minValue(1)
@maxValue(64)
param ingestParallelism int

@description('Checks__LookbackHours: how far back completed windows are re-evaluated when their data changed (late labels).')
@minValue(1)
@maxValue(744)
param checksLookbackHours int

@description('RollupHourlySchedule: NCRONTAB (six fields) for the hourly roll-up timer.')
param rollupHourlySchedule string

@description('RollupDailySchedule: NCRONTAB (six fields) for the daily roll-up timer.')
param rollupDailySchedule string

@description('Rollup__LookbackHours: how far back roll-ups look for late windows.')
@minValue(1)
param rollupLookbackHours int

@description('ChecksSchedule: NCRONTAB (six fields) for RunChecks, the monitoring cycle of every check (statistical, operational, abuse, feedback loop).')
param checksSchedule string

@description('Checks__LabelLookbackDays: how far back whole days are re-evaluated for model quality when their outcomes changed.')
@minValue(1)
@maxValue(31)
param checksLabelLookbackDays int

@description('Checks__FeedbackLoopOutcomeDelayHours: hours after a day ends before the feedback-loop check judges it.')
@minValue(0)
@maxValue(168)
param feedbackLoopOutcomeDelayHours int

@description('Rollup__LabelLookbackDays: how far back roll-ups are rebuilt when a source window changed (late outcomes).')
@minValue(1)
@maxValue(31)
param rollupLabelLookbackDays int




@description('Log Analytics workspace that receives the app diagnostics.')
param logAnalyticsWorkspaceId string

@description('Tags applied to the plan and the app.')
param tags tagsType

var isFlex = hostingPlan == 'FlexConsumption'

// Every key the app reads, for both plans. Connections are identity-based: <Name>__credential=managedidentity
// plus <Name>__clientId selects the user-assigned identity; no keys, no connection strings with secrets.
var appSettings = {
  AzureWebJobsStorage__accountName: hostStorageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  EventHubConnection__fullyQualifiedNamespace: eventHubsFullyQualifiedNamespace
  EventHubConnection__credential: 'managedidentity'
  EventHubConnection__clientId: identityClientId
  EventHubName: eventHubName
  EventHubConsumerGroup: eventHubConsumerGroup
  MonitorStorage__blobServiceUri: dataBlobEndpoint
  MonitorStorage__tableServiceUri: dataTableEndpoint
  MonitorStorage__credential: 'managedidentity'
  MonitorStorage__clientId: identityClientId
  Monitor__WindowMinutes: string(windowMinutes)
  Monitor__MaxEventBytes: string(maxEventBytes)
  Monitor__MaxFutureSkewMinutes: string(maxFutureSkewMinutes)
  Monitor__IngestParallelism: string(ingestParallelism)
  Checks__LookbackHours: string(checksLookbackHours)
  RollupHourlySchedule: rollupHourlySchedule
  RollupDailySchedule: rollupDailySchedule
  Rollup__LookbackHours: string(rollupLookbackHours)
  ChecksSchedule: checksSchedule
  Checks__LabelLookbackDays: string(checksLabelLookbackDays)
  Checks__FeedbackLoopOutcomeDelayHours: string(feedbackLoopOutcomeDelayHours)
  Rollup__LabelLookbackDays: string(rollupLabelLookbackDays)
  Notifications__TeamsWebhookUrl: teamsWebhookUrlSetting
  Notifications__SlackWebhookUrl: slackWebhookUrlSetting
  OpsApi__WebhookSharedSecret: webhookSharedSecretSetting
  OpsApi__WebhookTokenAudience: webhookTokenAudience
  OpsApi__WebhookTokenIssuer: webhookTokenIssuer
  OpsApi__WebhookOpenIdMetadataAddress: webhookOpenIdMetadataAddress
  OpsApi__RequireHttpsMetadata: 'true'
  Rollback__SwapPollInterval: '00:00:05'
  Rollback__SwapTimeout: '00:15:00'
  Rollback__MaxErrorRate: '0.05'
  // Empty: rollback notifications carry no status or approve links (the host name is not known before the site exists).
  Rollback__StatusBaseUrl: ''
  // The identity that calls ARM for slot swaps (it needs Website Contributor on the monitored sites).
  Rollback__ManagedIdentityClientId: identityClientId
}

// Elastic Premium only: on Flex Consumption these are invalid app settings (functionAppConfig.runtime carries the
// worker runtime and version, and Flex always runs from its deployment package).
var elasticPremiumOnlyAppSettings = {
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  FUNCTIONS_EXTENSION_VERSION: '~4'
  WEBSITE_RUN_FROM_PACKAGE: '1'
}

var commonSiteConfig = {
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  http20Enabled: true
}

var elasticPremiumSiteConfig = {
  linuxFxVersion: 'DOTNET-ISOLATED|10.0'
  functionsRuntimeScaleMonitoringEnabled: true
  minimumElasticInstanceCount: 1
  preWarmedInstanceCount: 1
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: elasticPremiumSku
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : elasticPremiumMaximumWorkerCount
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: isFlex ? commonSiteConfig : union(commonSiteConfig, elasticPremiumSiteConfig)
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${hostStorageBlobEndpoint}${deploymentContainerName}'
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityResourceId
              }
            }
          }
          runtime: {
            name: 'dotnet-isolated'
            version: '10.0'
          }
          scaleAndConcurrency: {
            maximumInstanceCount: flexMaximumInstanceCount
            instanceMemoryMB: flexInstanceMemoryMB
            alwaysReady: flexAlwaysReady
          }
        }
      : null
  }
}

// A separate config resource owns the whole app-settings collection: a rerun restores it exactly.
resource siteAppSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: isFlex ? appSettings : union(appSettings, elasticPremiumOnlyAppSettings)
}

// Deployments authenticate with Entra ID (az CLI); no FTP or basic-auth publishing profiles.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
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

@description('Default host name, e.g. <name>.azurewebsites.net (read from the resource).')
output defaultHostName string = site.properties.defaultHostName
