// The monitor's data account: window-summary blobs and their roll-ups, dead letters, reference
// distributions and check results (blobs), and alerts, configuration, block list, audit and model
// versions (tables). A lifecycle policy enforces the retention tiers.
//
// Blob layout the lifecycle rules rely on (lifecycle prefix filters match the start of
// "<container>/<blob name>" only, so the resolution is the first path segment):
//   windows/5m/...   base windows        deleted after windows5mRetentionDays
//   windows/1h/...   hourly roll-ups     deleted after windows1hRetentionDays
//   windows/1d/...   daily roll-ups      cool after windows1dCoolAfterDays, deleted after windows1dRetentionDays
//   deadletters/...                      deleted after deadLetterRetentionDays
//   checkresults/...                     deleted after checkResultRetentionDays
//   references/...   reference distributions: kept until replaced
import { tagsType } from 'types.bicep'

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Replication SKU.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Days to keep base 5-minute window blobs (windows/5m/).')
@minValue(1)
param windows5mRetentionDays int

@description('Days to keep hourly roll-up blobs (windows/1h/).')
@minValue(1)
param windows1hRetentionDays int

@description('Days to keep daily roll-up blobs (windows/1d/).')
@minValue(1)
param windows1dRetentionDays int

@description('Days after which daily roll-ups move to the cool tier. Must be below windows1dRetentionDays.')
@minValue(1)
param windows1dCoolAfterDays int

@description('Days to keep dead-lettered events (deadletters/).')
@minValue(1)
param deadLetterRetentionDays int

@description('Days to keep check results (checkresults/).')
@minValue(1)
param checkResultRetentionDays int

@description('Log Analytics workspace that receives the blob service diagnostics.')
param logAnalyticsWorkspaceId string

@description('Tags applied to the account.')
param tags tagsType

var containerNames = [
  'windows'
  'deadletters'
  'references'
  'checkresults'
]

var tableNames = [
  'alerts'
  'config'
  'blocklist'
  'reputation'
  'audit'
  'versions'
]

resource account 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' = {
  parent: account
  name: 'default'
  properties: {
    // Blob soft delete stays off on purpose: ingest rewrites each window blob once per batch, and soft delete
    // would keep a billed copy of every overwritten version. Container soft delete guards against the costly mistake.
    deleteRetentionPolicy: {
      enabled: false
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-04-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-04-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-04-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'windows5mExpiry'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'windows/5m/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: windows5mRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'windows1hExpiry'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'windows/1h/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: windows1hRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'windows1dCoolThenExpiry'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'windows/1d/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterModificationGreaterThan: windows1dCoolAfterDays
                }
                delete: {
                  daysAfterModificationGreaterThan: windows1dRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'deadlettersExpiry'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'deadletters/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: deadLetterRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'checkresultsExpiry'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'checkresults/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: checkResultRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
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
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

@description('Blob service endpoint (MonitorStorage__blobServiceUri).')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Table service endpoint (MonitorStorage__tableServiceUri).')
output tableEndpoint string = account.properties.primaryEndpoints.table
