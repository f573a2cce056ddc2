// Production: Flex Consumption (set hostingPlan = 'ElasticPremium' for always-warm EP instances), zone-redundant
// storage, a hub sized for growth (Standard cannot add partitions later), purge protection on.
// Secrets and monitored sites come from the environment (see infra/deploy.sh); nothing secret is checked in.
using 'main.bicep'

param environmentName = 'prod'
param hostingPlan = 'FlexConsumption'
param elasticPremiumSku = 'EP1'
param flexMaximumInstanceCount = 100
param flexInstanceMemoryMB = 2048

param storageSku = 'Standard_ZRS'
param windows5mRetentionDays = 14
param windows1hRetentionDays = 90
param windows1dRetentionDays = 730
param windows1dCoolAfterDays = 30
param deadLetterRetentionDays = 30
param checkResultRetentionDays = 180

param eventHubsSku = 'Standard'
param eventHubsCapacity = 2
param eventHubsMaximumThroughputUnits = 10
param eventHubPartitionCount = 16
param eventHubRetentionDays = 7

param logAnalyticsRetentionDays = 90
param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionDays = 90

param teamsWebhookUrl = readEnvironmentVariable('MODELMONITOR_TEAMS_WEBHOOK_URL', '')
param slackWebhookUrl = readEnvironmentVariable('MODELMONITOR_SLACK_WEBHOOK_URL', '')

// JSON array of site resource ids, e.g. '["/subscriptions/.../resourceGroups/rg-app/providers/Microsoft.Web/sites/scoring-api"]'.
param monitoredSiteIds = json(readEnvironmentVariable('MODELMONITOR_MONITORED_SITE_IDS', '[]'))

param webhookAadObjectId = readEnvironmentVariable('MODELMONITOR_WEBHOOK_AAD_OBJECT_ID', '')
param webhookAadIdentifierUri = readEnvironmentVariable('MODELMONITOR_WEBHOOK_AAD_IDENTIFIER_URI', '')

param alertEvaluationFrequency = 'PT15M'
param deadLetterRateThresholdPercent = 1
