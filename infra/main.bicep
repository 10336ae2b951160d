// FunctionAgents on Azure: a Flex Consumption function app (.NET 10 isolated, Durable
// Functions) with identity-only access to Storage, Application Insights, Azure OpenAI and
// the Key Vault that holds its API keys, admin keys and privacy key-encryption key.
// Deployed by `azd up` at subscription scope into the resource group rg-<environmentName>.
targetScope = 'subscription'

// ---------------------------------------------------------------- environment

@description('azd environment name (AZURE_ENV_NAME). Names the resource group rg-<environmentName> and seeds the unique suffix of every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Region of every resource except Azure OpenAI (AZURE_LOCATION). It must offer the Flex Consumption plan.')
@minLength(1)
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the deploying user or service principal (azd passes AZURE_PRINCIPAL_ID). Empty: the deployer gets no data roles.')
param principalId string = ''

@description('Principal type of principalId: User for `azd auth login` as a person, ServicePrincipal in CI.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Give principalId the storage data roles and Cognitive Services OpenAI User, so a local host can use the cloud storage account and models.')
param grantDeployerDataAccess bool = true

// ---------------------------------------------------------------- Azure OpenAI

@description('Region of the Azure OpenAI account; empty means location. Use it when the models or quota live elsewhere.')
param openAiLocation string = ''

@description('Deployment name of the planning model (AZURE_OPENAI_PLANNER_DEPLOYMENT).')
param plannerDeploymentName string = 'planner'

@description('Planning model: small and fast; it returns plan JSON.')
param plannerModelName string = 'gpt-4.1-mini'

@description('Planning model version.')
param plannerModelVersion string = '2025-04-14'

@description('Planning deployment SKU (GlobalStandard, DataZoneStandard, Standard, ...).')
param plannerSkuName string = 'GlobalStandard'

@description('Planning deployment capacity, in 1,000 tokens per minute.')
@minValue(1)
param plannerCapacity int = 30

@description('Deployment name of the answering model (AZURE_OPENAI_ANSWER_DEPLOYMENT).')
param answerDeploymentName string = 'answer'

@description('Answering model: stronger; it drafts the final response from the observations.')
param answerModelName string = 'gpt-4.1'

@description('Answering model version.')
param answerModelVersion string = '2025-04-14'

@description('Answering deployment SKU (GlobalStandard, DataZoneStandard, Standard, ...).')
param answerSkuName string = 'GlobalStandard'

@description('Answering deployment capacity, in 1,000 tokens per minute.')
@minValue(1)
param answerCapacity int = 20

@description('When deployments move to a newer model version. Default: only when the pinned version is retired, so model changes stay deliberate and can be gated on replayed history.')
@allowed([
  'NoAutoUpgrade'
  'OnceCurrentVersionExpired'
  'OnceNewDefaultVersionAvailable'
])
param modelVersionUpgradeOption string = 'OnceCurrentVersionExpired'

// ---------------------------------------------------------------- function app

@description('Most Flex Consumption instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Storage replication SKU; prefer Standard_ZRS or Standard_GZRS in production, since the journal is the audit record.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

// ---------------------------------------------------------------- FunctionAgents settings

@description('Durable Functions task hub (FA_TASK_HUB): letters and digits, starting with a letter. Use a distinct hub per app sharing a storage account.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'FunctionAgents'

@description('Table holding the append-only event journal (FA_JOURNAL_TABLE); created by this template.')
@minLength(3)
@maxLength(63)
param journalTableName string = 'AgentEvents'

@description('NCRONTAB schedule, six fields, UTC, of the nightly replay and scoring (FA_NIGHTLY_SCHEDULE).')
param nightlySchedule string = '0 0 2 * * *'

@description('Policy file, relative to the deployed app root (FA_POLICY_PATH).')
param policyPath string = 'samples/policies/default.yaml'

@description('Prefix of every FunctionAgents table and queue (FA_STORAGE_PREFIX): 1 to 20 lowercase letters and digits, starting with a letter. The Functions app requires one: its queue trigger listens on %FA_STORAGE_PREFIX%-agent-runs.')
@minLength(1)
@maxLength(20)
param storagePrefix string = 'fa'

@description('NCRONTAB schedule, six fields, UTC, of the sweeper that repairs stranded runs (FA_SWEEP_SCHEDULE). Every 5 minutes lets a Flex Consumption app scale to zero between ticks; every minute would keep an instance warm.')
param sweepSchedule string = '0 */5 * * * *'

// ---------------------------------------------------------------- secrets (Key Vault; docs/deploy.md, "Secrets")

@description('Write the seed secrets below into the Key Vault. True on the first provision; the output FA_SEED_SECRETS=false that azd stores in .azure/<env>/.env turns it off for every later provision, so keys added in the vault are never overwritten.')
param seedSecrets bool = true

@description('Tenant of the first API key seeded into FA_API_KEYS.')
param firstTenant string = 'default'

@description('The first API key (seeded once). Default: a fresh GUID per deployment, used only while seedSecrets is true.')
@secure()
param firstTenantKey string = newGuid()

@description('The first admin key (name admin) seeded into FA_ADMIN_KEYS. Default: a fresh GUID, used only while seedSecrets is true.')
@secure()
param firstAdminKey string = newGuid()

@description('Seed of the privacy key-encryption key: its first 32 characters without hyphens are the 32 key bytes. Default: a fresh GUID (122 random bits; Bicep has no 256-bit random source); used only while seedSecrets is true.')
@secure()
param privacyKekSeed string = newGuid()

@description('Seed of the checkpoint signing key (FA_CHECKPOINT_SIGNING_KEY): the app derives its ECDSA P-256 private key from it (docs/forensics.md, "Signed checkpoints"). Default: a fresh GUID; used only while seedSecrets is true. Replace the secret with a PEM key to use one made elsewhere.')
@secure()
param checkpointSigningKeySeed string = newGuid()

@description('Key Vault purge protection. Recommended in production: the vault holds the key without which encrypted personal data cannot be read. Off by default so `azd down --purge` can remove a trial environment.')
param keyVaultPurgeProtection bool = false

@description('Fewest days the journal is kept (FA_RETENTION_DAYS). EU AI Act Art. 12/19 asks for at least six months.')
@minValue(183)
param minRetentionDays int = 183

@description('ISO 8601 duration after which an unfinished run is stopped (FA_RUN_DEADLINE).')
param runDeadline string = 'PT1H'

// ---------------------------------------------------------------- names

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-fa-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var openAiAccountName = 'oai-fa-${resourceToken}'
var keyVaultName = 'kv-fa-${resourceToken}'
var keyVaultUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'
var secretNames = {
  apiKeys: 'fa-api-keys'
  adminKeys: 'fa-admin-keys'
  privacyKek: 'fa-privacy-kek'
  checkpointSigningKey: 'fa-checkpoint-signing-key'
}

// Created up front so the first run does not race their creation; Durable Functions and
// the projections create their own tables and queues on demand.
// Named as the app names them: prefix-name for queues, prefix + name for tables (FA_STORAGE_PREFIX).
var runQueueName = '${storagePrefix}-agent-runs'
var journalTable = '${storagePrefix}${journalTableName}'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-fa-${resourceToken}'
    applicationInsightsName: 'appi-fa-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stfa${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    containerNames: [
      deploymentContainerName
    ]
    queueNames: [
      runQueueName
    ]
    tableNames: [
      journalTable
    ]
  }
}

module openAi 'core/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: openAiAccountName
    location: !empty(openAiLocation) ? openAiLocation : location
    tags: tags
    versionUpgradeOption: modelVersionUpgradeOption
    deployments: [
      {
        name: plannerDeploymentName
        model: plannerModelName
        version: plannerModelVersion
        sku: plannerSkuName
        capacity: plannerCapacity
      }
      {
        name: answerDeploymentName
        model: answerModelName
        version: answerModelVersion
        sku: answerSkuName
        capacity: answerCapacity
      }
    ]
  }
}

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    seedSecrets: seedSecrets
    secretNames: secretNames
    apiKeysSeed: '${firstTenant}:${firstTenantKey}'
    adminKeysSeed: 'admin:${firstAdminKey}'
    privacyKekSeed: base64(take(replace(privacyKekSeed, '-', ''), 32))
    checkpointSigningKeySeed: checkpointSigningKeySeed
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-fa-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    openAiEndpoint: openAi.outputs.endpoint
    plannerDeploymentName: plannerDeploymentName
    plannerModelName: plannerModelName
    answerDeploymentName: answerDeploymentName
    answerModelName: answerModelName
    keyVaultUri: keyVaultUri
    apiKeysSecretName: secretNames.apiKeys
    adminKeysSecretName: secretNames.adminKeys
    privacyKekSecretName: secretNames.privacyKek
    checkpointSigningKeySecretName: secretNames.checkpointSigningKey
    storagePrefix: storagePrefix
    sweepSchedule: sweepSchedule
    taskHubName: taskHubName
    journalTableName: journalTableName
    nightlySchedule: nightlySchedule
    policyPath: policyPath
    minRetentionDays: minRetentionDays
    runDeadline: runDeadline
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    openAiAccountName: openAi.outputs.name
    keyVaultName: keyVault.outputs.name
    appPrincipalId: api.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    grantDeployerDataAccess: grantDeployerDataAccess
  }
}

// ---------------------------------------------------------------- outputs (azd writes them to .azure/<env>/.env)

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${api.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_PLANNER_DEPLOYMENT string = plannerDeploymentName
output AZURE_OPENAI_ANSWER_DEPLOYMENT string = answerDeploymentName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output FA_STORAGE_PREFIX string = storagePrefix
// azd writes this to .azure/<env>/.env; main.parameters.json reads it back as seedSecrets, so only the first provision seeds.
output FA_SEED_SECRETS bool = false
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
