// Key Vault in RBAC mode holding the app's secrets: the API keys, the admin keys, the privacy key-encryption key and
// the checkpoint signing key (kept out of the storage account whose journal it vouches for).
// The secrets are written only when seedSecrets is true (the first provision; docs/deploy.md, "Secrets"): a secret
// resource that is not in the template is left alone by ARM, so a re-provision never overwrites keys added since.

@description('Key Vault name (3-24 letters, digits and hyphens; globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object = {}

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Purge protection: once on, a deleted vault cannot be purged before the retention ends (and it cannot be switched off).')
param enablePurgeProtection bool = false

@description('Write the secrets below (first provision only).')
param seedSecrets bool

@description('Secret names: apiKeys, adminKeys, privacyKek, checkpointSigningKey.')
param secretNames object

@description('Seed of the API keys secret (tenant:key).')
@secure()
param apiKeysSeed string

@description('Seed of the admin keys secret (name:key).')
@secure()
param adminKeysSeed string

@description('Seed of the privacy key-encryption key secret (base64 of 32 bytes).')
@secure()
param privacyKekSeed string

@description('Seed of the checkpoint signing key secret (a GUID; the app derives the ECDSA P-256 key from it, or the secret may hold a PEM key).')
@secure()
param checkpointSigningKeySeed string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource apiKeys 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (seedSecrets) {
  parent: vault
  name: secretNames.apiKeys
  properties: {
    value: apiKeysSeed
    contentType: 'tenant:key pairs separated by commas (FA_API_KEYS)'
  }
}

resource adminKeys 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (seedSecrets) {
  parent: vault
  name: secretNames.adminKeys
  properties: {
    value: adminKeysSeed
    contentType: 'name:key pairs separated by commas (FA_ADMIN_KEYS)'
  }
}

resource privacyKek 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (seedSecrets) {
  parent: vault
  name: secretNames.privacyKek
  properties: {
    value: privacyKekSeed
    contentType: 'base64 of 32 bytes: the privacy key-encryption key; never replace it while data is encrypted under it'
  }
}

resource checkpointSigningKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (seedSecrets) {
  parent: vault
  name: secretNames.checkpointSigningKey
  properties: {
    value: checkpointSigningKeySeed
    contentType: 'seed (32+ characters) or PEM EC P-256 private key: signs chain checkpoints (FA_CHECKPOINT_SIGNING_KEY); keep the old public key when rotating'
  }
}

@description('Vault name.')
output name string = vault.name
