// Event Hubs namespace, the hub the models publish prediction/outcome events to, and the monitor's own
// consumer group. Local (SAS) auth is off: producers and the monitor authenticate with Entra ID.
import { tagsType } from 'types.bicep'

@description('Namespace name (6-50 characters, globally unique).')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Event hub name.')
param eventHubName string

@description('Consumer group the monitor reads with (EventHubConsumerGroup).')
param consumerGroupName string

@description('Azure region.')
param location string

@description('Namespace tier. Standard: up to 40 throughput units and 32 partitions per hub. Premium: processing units, up to 100 partitions per hub.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string

@description('Throughput units (Standard: 1 TU = 1 MB/s or 1,000 events/s ingress) or processing units (Premium: 1, 2, 4, 8 or 16).')
@minValue(1)
@maxValue(40)
param capacity int

@description('Standard only: auto-inflate ceiling in throughput units. A value at or below capacity turns auto-inflate off.')
@minValue(0)
@maxValue(40)
param maximumThroughputUnits int

@description('Partitions in the hub. The monitor runs at most one consumer per partition, so this caps its scale-out. Fixed after creation on Standard.')
@minValue(1)
@maxValue(100)
param partitionCount int

@description('Days the hub keeps events (Standard: 1-7, Premium: up to 90). Also the replay window after an outage.')
@minValue(1)
@maxValue(90)
param retentionDays int

@description('Log Analytics workspace that receives the namespace diagnostics.')
param logAnalyticsWorkspaceId string

@description('Tags applied to the namespace.')
param tags tagsType

var autoInflate = skuName == 'Standard' && maximumThroughputUnits > capacity

resource namespace 'Microsoft.EventHub/namespaces@2026-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: capacity
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    isAutoInflateEnabled: autoInflate
    maximumThroughputUnits: autoInflate ? maximumThroughputUnits : 0
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = {
  parent: namespace
  name: eventHubName
  properties: {
    partitionCount: partitionCount
    messageRetentionInDays: retentionDays
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: hub
  name: consumerGroupName
  properties: {
    userMetadata: 'ModelMonitor ingestion (one reader per partition).'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: namespace
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
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

@description('Host name of the namespace (EventHubConnection__fullyQualifiedNamespace), taken from the endpoint the resource reports so no cloud suffix is hard-coded.')
output fullyQualifiedNamespace string = parseUri(namespace.properties.serviceBusEndpoint).host

@description('Name of the consumer group (echoed so callers depend on its creation).')
output consumerGroupName string = consumerGroup.name
