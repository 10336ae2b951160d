// The FunctionAgents Functions app: Flex Consumption host plus every setting the runtime
// reads. No secret is in an app setting: storage, Application Insights and Azure OpenAI are
// reached with the app's managed identity, and the keys are Key Vault references resolved by
// the platform with that identity (Key Vault Secrets User, app/rbac.bicep).

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('azd service name from azure.yaml.')
param serviceName string = 'api'

@description('Name of the storage account used as AzureWebJobsStorage (host, Durable task hub, journal, queues).')
param storageAccountName string

@description('Blob endpoint of that storage account, with a trailing slash.')
param storageBlobEndpoint string

@description('Blob container for the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Azure OpenAI v1 endpoint (https://<name>.openai.azure.com/openai/v1/).')
param openAiEndpoint string

@description('Azure OpenAI deployment the planner calls.')
param plannerDeploymentName string

@description('Azure OpenAI deployment that drafts the final answer.')
param answerDeploymentName string

@description('Model of the planner deployment (prices its calls: AZURE_OPENAI_PLANNER_MODEL).')
param plannerModelName string

@description('Model of the answer deployment (AZURE_OPENAI_ANSWER_MODEL).')
param answerModelName string

@description('Key Vault URI with a trailing slash (https://NAME.vault.azure.net/).')
param keyVaultUri string

@description('Secret holding FA_API_KEYS (tenant:key pairs).')
param apiKeysSecretName string

@description('Secret holding FA_ADMIN_KEYS (name:key pairs).')
param adminKeysSecretName string

@description('Secret holding the base64 privacy key-encryption key.')
param privacyKekSecretName string

@description('Secret holding the checkpoint signing key (FA_CHECKPOINT_SIGNING_KEY).')
param checkpointSigningKeySecretName string

@description('Prefix of every FunctionAgents table and queue.')
param storagePrefix string

@description('NCRONTAB schedule of the sweeper.')
param sweepSchedule string

@description('Durable Functions task hub name (host.json reads it as %FA_TASK_HUB%).')
param taskHubName string

@description('Table holding the append-only event journal.')
param journalTableName string

@description('NCRONTAB schedule (six fields, UTC) of the nightly replay and scoring.')
param nightlySchedule string

@description('Policy file path, relative to the deployed app root.')
param policyPath string

@description('Fewest days the journal is kept.')
param minRetentionDays int

@description('ISO 8601 duration after which a run that has not finished is stopped.')
param runDeadline string

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Memory per instance in MB.')
param instanceMemoryMB int

var appSettings = {
  // Identity-based host storage: the app's system-assigned identity, no connection string.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'

  // Telemetry authenticated with the same identity (local auth is off on the component): the host through
  // host.json, the worker's OpenTelemetry pipeline through the Azure Monitor exporter (docs/telemetry.md).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

  AZURE_OPENAI_ENDPOINT: openAiEndpoint
  AZURE_OPENAI_PLANNER_DEPLOYMENT: plannerDeploymentName
  AZURE_OPENAI_ANSWER_DEPLOYMENT: answerDeploymentName
  AZURE_OPENAI_PLANNER_MODEL: plannerModelName
  AZURE_OPENAI_ANSWER_MODEL: answerModelName

  // Versionless references: the platform resolves the current version (on restart, on a settings change, else within 24 h),
  // so a tenant or admin added to the secret needs no redeploy (docs/deploy.md).
  FA_API_KEYS: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${apiKeysSecretName})'
  FA_ADMIN_KEYS: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${adminKeysSecretName})'
  FA_PRIVACY_KEYVAULT_URI: keyVaultUri
  FA_PRIVACY_KEK_SECRET: privacyKekSecretName
  // Chain checkpoints are signed with a key outside the storage account they vouch for (docs/forensics.md).
  FA_CHECKPOINT_SIGNING_KEY: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${checkpointSigningKeySecretName})'

  FA_STORAGE_PREFIX: storagePrefix
  FA_SWEEP_SCHEDULE: sweepSchedule

  FA_TASK_HUB: taskHubName
  FA_JOURNAL_TABLE: journalTableName
  FA_NIGHTLY_SCHEDULE: nightlySchedule
  FA_POLICY_PATH: policyPath
  FA_RETENTION_DAYS: string(minRetentionDays)
  FA_RUN_DEADLINE: runDeadline
}

module app '../core/flex-function-app.bicep' = {
  name: 'flex-function-app'
  params: {
    name: name
    planName: planName
    location: location
    tags: tags
    serviceName: serviceName
    deploymentStorageBlobEndpoint: storageBlobEndpoint
    deploymentContainerName: deploymentContainerName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: appSettings
  }
}

@description('Function app name.')
output name string = app.outputs.name

@description('Object id of the app\'s system-assigned identity.')
output principalId string = app.outputs.principalId

@description('Default host name of the app.')
output defaultHostName string = app.outputs.defaultHostName
