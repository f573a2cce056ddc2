// Development: Flex Consumption, small hub, cheap storage, no purge protection (the vault can be purged
// and its name reused). Secrets and monitored sites come from the environment (see infra/deploy.sh);
// nothing secret is checked in.
using 'main.bicep'

param environmentName = 'dev'
param hostingPlan = 'FlexConsumption'
param flexMaximumInstanceCount = 40
param flexInstanceMemoryMB = 2048

param storageSku = 'Standard_LRS'
param windows5mRetentionDays = 7
param windows1hRetentionDays = 30
param windows1dRetentionDays = 90
param windows1dCoolAfterDays = 30
param deadLetterRetentionDays = 14
param checkResultRetentionDays = 30

param eventHubsSku = 'Standard'
param eventHubsCapacity = 1
param eventHubsMaximumThroughputUnits = 2
param eventHubPartitionCount = 4
param eventHubRetentionDays = 1

param logAnalyticsRetentionDays = 30
param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionDays = 7

param teamsWebhookUrl = readEnvironmentVariable('MODELMONITOR_TEAMS_WEBHOOK_URL', '')
param slackWebhookUrl = readEnvironmentVariable('MODELMONITOR_SLACK_WEBHOOK_URL', '')

// JSON array of site resource ids, e.g. '["/subscriptions/.../resourceGroups/rg-app/providers/Microsoft.Web/sites/scoring-api"]'.
param monitoredSiteIds = json(readEnvironmentVariable('MODELMONITOR_MONITORED_SITE_IDS', '[]'))

param alertEvaluationFrequency = 'PT15M'
param deadLetterRateThresholdPercent = 5
