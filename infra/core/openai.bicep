// Azure OpenAI account (Entra ID only) and its model deployments.

@description('One model deployment on the Azure OpenAI account.')
type modelDeployment = {
  @description('Deployment name; the app calls the model by this name.')
  name: string

  @description('Model name, e.g. gpt-4.1-mini.')
  model: string

  @description('Model version, e.g. 2025-04-14.')
  version: string

  @description('Deployment SKU, e.g. GlobalStandard or Standard.')
  sku: string

  @description('Capacity in units of 1,000 tokens per minute; must fit the subscription quota for the SKU and region.')
  capacity: int
}

@description('Azure OpenAI account name.')
param name string

@description('Custom subdomain: the endpoint is https://<customSubDomainName>.openai.azure.com. Globally unique.')
param customSubDomainName string = name

@description('Azure region of the account; the models and quota must be available there.')
param location string

@description('Tags applied to the account.')
param tags object = {}

@description('Model deployments, created one at a time (concurrent deployments on one account conflict).')
param deployments modelDeployment[]

@description('When a deployment moves to a newer model version. Model changes should be gated on replayed history, so the default only moves when the pinned version is retired.')
@allowed([
  'NoAutoUpgrade'
  'OnceCurrentVersionExpired'
  'OnceNewDefaultVersionAvailable'
])
param versionUpgradeOption string = 'OnceCurrentVersionExpired'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: customSubDomainName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

@batchSize(1)
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for spec in deployments: {
  parent: account
  name: spec.name
  sku: {
    name: spec.sku
    capacity: spec.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: spec.model
      version: spec.version
    }
    versionUpgradeOption: versionUpgradeOption
  }
}]

@description('Azure OpenAI account name.')
output name string = account.name

@description('OpenAI v1-compatible endpoint that the OpenAI 2.x SDK calls.')
output endpoint string = 'https://${customSubDomainName}.openai.azure.com/openai/v1/'
