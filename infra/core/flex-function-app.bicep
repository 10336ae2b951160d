// Flex Consumption plan and a Linux function app with a system-assigned identity.
// The runtime is declared in functionAppConfig, so FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE are never app settings here.

@description('Function app name; also the first label of its default host name.')
param name string

@description('Flex Consumption plan name (one app per plan).')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('azd service name written to the app\'s azd-service-name tag; azd deploy finds the app by it.')
param serviceName string

@description('Blob endpoint of the deployment storage account, with a trailing slash.')
param deploymentStorageBlobEndpoint string

@description('Blob container that holds the deployment package; it must already exist.')
param deploymentContainerName string

@description('Language worker runtime name.')
param runtimeName string = 'dotnet-isolated'

@description('Language worker runtime version.')
param runtimeVersion string = '10.0'

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('App settings as name/value pairs; values must be strings.')
param appSettings object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${deploymentStorageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [for setting in items(appSettings): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

@description('Function app name.')
output name string = app.name

@description('Object id of the app\'s system-assigned identity.')
output principalId string = app.identity.principalId

@description('Default host name of the app, e.g. <name>.azurewebsites.net.')
output defaultHostName string = app.properties.defaultHostName
