// Storage account for the Functions host, Durable Functions, the event journal and the
// Flex Consumption deployment package. Shared keys are off: every caller uses Entra ID.

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags applied to the account.')
param tags object = {}

@description('Replication SKU. Standard_LRS is enough for a trial; the journal is the audit record, so prefer Standard_ZRS or Standard_GZRS in production.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string = 'Standard_LRS'

@description('Private blob containers to create (the Flex Consumption deployment container).')
param containerNames string[] = []

@description('Queues to create up front so the first message does not race their creation.')
param queueNames string[] = []

@description('Tables to create up front (the event journal).')
param tableNames string[] = []

resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [for containerName in containerNames: {
      name: containerName
      properties: {
        publicAccess: 'None'
      }
    }]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [for queueName in queueNames: {
      name: queueName
    }]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [for tableName in tableNames: {
      name: tableName
    }]
  }
}

@description('Storage account name.')
output name string = account.name

@description('Storage account resource id.')
output id string = account.id

@description('Blob endpoint, with a trailing slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob
