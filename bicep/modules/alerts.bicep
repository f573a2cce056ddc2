// Action group (Common Alert Schema webhook into the app's own Azure Monitor endpoint) and example
// Log Alerts V2 rules over the service's own telemetry in Application Insights.
//
// The rules carry customProperties.origin = 'modelmonitor-self-telemetry' so the webhook handler can tell
// its own operational alerts from alerts about monitored models (and must not re-raise them as model
// alerts, which would feed the critical-alert rule back into itself).
import { tagsType } from 'types.bicep'

@description('Action group name.')
param actionGroupName string

@description('Action group short name (at most 12 characters; shown in SMS and e-mail).')
@maxLength(12)
param actionGroupShortName string

@description('Default host name of the function app; the webhook posts to https://<host>/api/alerts/azure-monitor.')
param functionAppHostName string

@description('Object id of the Entra application that protects the webhook. Empty: a plain webhook (the function must then authorize requests itself).')
param webhookAadObjectId string

@description('Application ID URI of that application (secure webhook audience). Used only with webhookAadObjectId.')
param webhookAadIdentifierUri string

@description('Resource id of the Application Insights component the rules query.')
param appInsightsId string

@description('Name prefix for the alert rules.')
param ruleNamePrefix string

@description('Azure region of the rules (the Application Insights region).')
param location string

@description('Dead-letter rate (percent of received events) above which the dead-letter alert fires.')
@minValue(0)
@maxValue(100)
param deadLetterRateThresholdPercent int

@description('How often the rules run and the window each run looks at (ISO 8601 duration).')
@allowed([
  'PT5M'
  'PT10M'
  'PT15M'
  'PT30M'
  'PT1H'
])
param evaluationFrequency string

@description('Tags applied to every resource.')
param tags tagsType

var secureWebhook = !empty(webhookAadObjectId)

var customProperties = {
  origin: 'modelmonitor-self-telemetry'
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: actionGroupShortName
    enabled: true
    // The route exists (Functions/Api/AzureMonitorWebhookFunction.cs, tested on Microsoft's published samples) and its
    // services are registered in the app's container (a test resolves every function class from it).
    webhookReceivers: [
      {
        name: 'modelmonitor-app'
        serviceUri: 'https://${functionAppHostName}/api/alerts/azure-monitor'
        useCommonAlertSchema: true
        useAadAuth: secureWebhook
        objectId: secureWebhook ? webhookAadObjectId : null
        identifierUri: secureWebhook ? webhookAadIdentifierUri : null
        tenantId: secureWebhook ? tenant().tenantId : null
      }
    ]
  }
}

// Dead-letter rate: dead-lettered events as a percentage of received events over the window.
resource deadLetterRule 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${ruleNamePrefix}-dead-letter-rate'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'ModelMonitor: dead-letter rate'
    description: 'Share of ingested events sent to dead letters (modelmonitor.ingest.deadlettered / modelmonitor.ingest.events) is above the threshold.'
    severity: 2
    enabled: true
    evaluationFrequency: evaluationFrequency
    windowSize: evaluationFrequency
    scopes: [
      appInsightsId
    ]
    criteria: {
      allOf: [
        {
          query: '''
customMetrics
| where name in ('modelmonitor.ingest.deadlettered', 'modelmonitor.ingest.events')
| summarize dead = sumif(valueSum, name == 'modelmonitor.ingest.deadlettered'),
            received = sumif(valueSum, name == 'modelmonitor.ingest.events')
| extend deadLetterRatePercent = iff(received > 0, 100.0 * dead / received, iff(dead > 0, 100.0, 0.0))
'''
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'deadLetterRatePercent'
          operator: 'GreaterThan'
          threshold: deadLetterRateThresholdPercent
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
      customProperties: customProperties
    }
  }
}

// Check failures: the RunChecks function failing (exceptions, error traces, failed invocations) or the
// checks reporting failures themselves.
resource checkFailureRule 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${ruleNamePrefix}-check-failures'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'ModelMonitor: check failures'
    description: 'The RunChecks function failed or reported failed checks (modelmonitor.checks.failed).'
    severity: 1
    enabled: true
    evaluationFrequency: evaluationFrequency
    windowSize: evaluationFrequency
    scopes: [
      appInsightsId
    ]
    criteria: {
      allOf: [
        {
          query: '''
let isRunChecks = (operationName: string, category: string) {
    operationName =~ 'RunChecks' or category startswith 'Function.RunChecks'
};
union isfuzzy=true
    (customMetrics
        | where name == 'modelmonitor.checks.failed'
        | summarize failures = sum(valueSum)),
    (exceptions
        | where isRunChecks(operation_Name, tostring(customDimensions['Category']))
        | summarize failures = todouble(count())),
    (traces
        | where severityLevel >= 3
        | where isRunChecks(operation_Name, tostring(customDimensions['Category']))
        | summarize failures = todouble(count())),
    (requests
        | where name =~ 'RunChecks' and success == false
        | summarize failures = todouble(count()))
| summarize failures = sum(failures)
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'failures'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
      customProperties: customProperties
    }
  }
}

// Critical model alerts raised by the checks, one alert per model.
resource criticalModelAlertRule 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${ruleNamePrefix}-critical-model-alerts'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'ModelMonitor: critical model alerts'
    description: 'The monitor raised critical alerts for a model (modelmonitor.alerts.raised with severity=critical).'
    severity: 1
    enabled: true
    evaluationFrequency: evaluationFrequency
    windowSize: evaluationFrequency
    scopes: [
      appInsightsId
    ]
    criteria: {
      allOf: [
        {
          query: '''
customMetrics
| where name == 'modelmonitor.alerts.raised'
| where tostring(customDimensions['severity']) =~ 'critical'
| extend modelId = tostring(customDimensions['modelId'])
| summarize raised = sum(valueSum) by modelId
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'raised'
          dimensions: [
            {
              name: 'modelId'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
      customProperties: customProperties
    }
  }
}

@description('Resource id of the action group (attach it to alert rules on the monitored apps too).')
output actionGroupId string = actionGroup.id
