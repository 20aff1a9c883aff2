// Approvals on Azure: `azd up` creates the resource group rg-<environment> and everything below in it.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Region of every resource except the Static Web App.')
param location string

@description('Region of the Static Web App, which is offered in a few regions only.')
@allowed([
  'westeurope'
  'centralus'
  'eastus2'
  'westus2'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Object id of the person deploying (azd fills it): read access to the records, rotation of the SendGrid key. Empty: no access granted.')
param principalId string = ''

@description('Application (client) id of the Entra ID app registration that signs users in.')
param entraClientId string

@description('Directory (tenant) id of the local authority. Empty: the tenant of the deployment.')
param entraTenantId string = ''

@minLength(36)
@maxLength(36)
@description('Object id of the Entra ID group of the people assigned a role in Approvals: App Service authentication lets only its members in.')
param entraAccessGroupId string

@secure()
@minLength(1)
@description('Client secret of the Entra ID app registration, used by the Static Web App sign-in.')
param entraClientSecret string

@secure()
@minLength(1)
@description('SendGrid API key, stored in Key Vault.')
param sendGridApiKey string

@description('Sender address of the e-mails.')
param mailFromAddress string

@description('Sender name of the e-mails.')
param mailFromName string = 'Service des subventions'

@minLength(1)
@description('Addresses of the finance department, which receives the payment requests, separated by commas (one azd environment variable).')
param financeRecipients string

@description('The authority granting the subsidies, as conventions and the open-data export name it.')
param authorityName string

@minLength(14)
@maxLength(14)
@description('The authority\'s SIRET (14 digits), the idAttribuant of the open-data export.')
param authoritySiret string

@description('The president (or delegate) who signs the conventions.')
param authorityPresident string = ''

@description('The president\'s title in the conventions.')
param authorityPresidentTitle string = 'Président'

@description('Where the conventions are signed.')
param authoritySeat string = ''

@description('The administrative court named in the conventions\' disputes article.')
param authorityCourt string = ''

@description('Adds the 10-year default immutability policy on the documents. Turn off only for throw-away environments.')
param lockDocuments bool = true

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
// azd passes an unset environment variable as an empty string, which would override a parameter default.
var tenantId = empty(entraTenantId) ? tenant().tenantId : entraTenantId
var tags = {
  'azd-env-name': environmentName
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
  }
}

module dataStorage 'modules/data-storage.bicep' = {
  name: 'data-storage'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    lockDocuments: lockDocuments
  }
}

module runtimeStorage 'modules/runtime-storage.bicep' = {
  name: 'runtime-storage'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: '${abbrs.storageStorageAccounts}fn${resourceToken}'
    deploymentContainerName: 'app-package'
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    sendGridApiKey: sendGridApiKey
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    planName: '${abbrs.webServerFarms}${resourceToken}'
    name: '${abbrs.webSitesFunctions}${resourceToken}'
    runtimeStorageAccountName: runtimeStorage.outputs.name
    runtimeBlobEndpoint: runtimeStorage.outputs.blobEndpoint
    deploymentContainerName: runtimeStorage.outputs.deploymentContainerName
    dataBlobEndpoint: dataStorage.outputs.blobEndpoint
    dataTableEndpoint: dataStorage.outputs.tableEndpoint
    documentsContainerName: dataStorage.outputs.documentsContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    sendGridSecretUri: keyVault.outputs.sendGridSecretUri
    mailFromAddress: mailFromAddress
    mailFromName: mailFromName
    financeRecipients: map(split(financeRecipients, ','), address => trim(address))
    authority: {
      Name: authorityName
      Siret: authoritySiret
      President: authorityPresident
      PresidentTitle: authorityPresidentTitle
      Seat: authoritySeat
      Court: authorityCourt
    }
    entraClientId: entraClientId
    entraTenantId: tenantId
    entraAccessGroupId: entraAccessGroupId
  }
}

module appAccess 'modules/app-access.bicep' = {
  name: 'app-access'
  scope: resourceGroup
  params: {
    principalId: functionApp.outputs.principalId
    runtimeStorageAccountName: runtimeStorage.outputs.name
    dataStorageAccountName: dataStorage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module developerAccess 'modules/developer-access.bicep' = if (!empty(principalId)) {
  name: 'developer-access'
  scope: resourceGroup
  params: {
    principalId: principalId
    dataStorageAccountName: dataStorage.outputs.name
    keyVaultName: keyVault.outputs.name
  }
}

module staticWebApp 'modules/static-web-app.bicep' = {
  name: 'static-web-app'
  scope: resourceGroup
  params: {
    location: staticWebAppLocation
    tags: tags
    name: '${abbrs.webStaticSites}${resourceToken}'
    functionAppId: functionApp.outputs.id
    functionAppLocation: functionApp.outputs.location
    entraClientId: entraClientId
    entraClientSecret: entraClientSecret
  }
}

output AZURE_LOCATION string = location
output ENTRA_TENANT_ID string = tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STATIC_WEB_APP_URL string = staticWebApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = dataStorage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
