// Log Analytics workspace and the workspace-based Application Insights component that the
// app's OpenTelemetry exporter (Azure Monitor exporter) and the Functions host write to.
import { tagsType } from 'types.bicep'

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Days Log Analytics keeps data (the interactive retention).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags applied to both resources.')
param tags tagsType

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Local (instrumentation-key) ingestion stays on: the worker's Azure Monitor exporter is configured from
    // APPLICATIONINSIGHTS_CONNECTION_STRING alone. Turning this off needs the exporter to get a TokenCredential
    // and the identity to hold Monitoring Metrics Publisher.
    DisableLocalAuth: false
  }
}

@description('Resource id of the Log Analytics workspace (diagnostic settings target).')
output logAnalyticsWorkspaceId string = workspace.id

@description('Resource id of the Application Insights component (alert rule and workbook scope).')
output appInsightsId string = appInsights.id
