// The system of record: the `dossiers` documents container and the Dossiers, Deadlines and Counters tables.
// Kept apart from the Functions runtime account so that blob versioning and immutability apply to records
// only, not to the Durable Task hub's lease and message blobs.

param location string
param tags object
param name string

@description('Adds a 10-year default version-level immutability policy to the documents container. Turn off only for throw-away environments: an account holding immutable versions cannot be deleted before they expire.')
param lockDocuments bool

var documentsContainerName = 'dossiers'
var tableNames = [
  'Dossiers'
  'Deadlines'
  'Counters'
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  // Geo-redundant and not zone-redundant: the archive tier exists only for LRS, GRS and RA-GRS accounts.
  sku: {
    name: 'Standard_GRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // Download links are user delegation SAS signed with the app's managed identity, so no key is ever needed.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // Version-level immutability needs versioning on the account.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: 30
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 30
    }
  }
}

resource documents 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: documentsContainerName
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: {
      enabled: true
    }
  }
}

// Default policy of every new version: no overwrite or deletion for 10 years after upload. The app extends
// a version's own policy to the dossier's `retainUntil` when the legal retention ends later.
resource documentsRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (lockDocuments) {
  parent: documents
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: 3650
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// Documents go cool after 90 days and archive after a year; they are deleted once 10 years have passed
// since their upload. A version still under an immutability policy (see README: `retainUntil`) is not
// deleted: the rule is evaluated again every day and deletes it once its policy has expired.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'dossiers-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${documentsContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterCreationGreaterThan: 90
                }
                tierToArchive: {
                  daysAfterCreationGreaterThan: 365
                }
                delete: {
                  daysAfterCreationGreaterThan: 3650
                }
              }
              version: {
                tierToCool: {
                  daysAfterCreationGreaterThan: 90
                }
                tierToArchive: {
                  daysAfterCreationGreaterThan: 365
                }
                delete: {
                  daysAfterCreationGreaterThan: 3650
                }
              }
            }
          }
        }
      ]
    }
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
output documentsContainerName string = documents.name
