// Key Vault in RBAC mode holding the SendGrid API key; the Function App reads it through a Key Vault reference.

param location string
param tags object
param name string

@secure()
param sendGridApiKey string

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
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
// The versionless URI, so that a rotated key is picked up without redeploying.
output sendGridSecretUri string = sendGridSecret.properties.secretUri
