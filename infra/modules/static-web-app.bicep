// The intranet pages (src/Approvals.Server/wwwroot) on a Static Web App. Its `/api` routes go to the Function
// App through a linked backend, so pages and API share one origin and one sign-in (see infra/web).

param location string
param tags object
param name string
param functionAppId string
param functionAppLocation string
param entraClientId string

@secure()
param entraClientSecret string

resource staticWebApp 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  // Standard: custom Entra ID registration (one tenant) and linked backends need it.
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
    buildProperties: {
      skipGithubActionWorkflowGeneration: true
    }
  }
}

// Read by staticwebapp.config.json (clientIdSettingName, clientSecretSettingName).
resource appSettings 'Microsoft.Web/staticSites/config@2024-04-01' = {
  parent: staticWebApp
  name: 'appsettings'
  properties: {
    ENTRA_CLIENT_ID: entraClientId
    ENTRA_CLIENT_SECRET: entraClientSecret
  }
}

// Linking adds an "Azure Static Web Apps (Linked)" identity provider to the Function App's authentication,
// which is why main.bicep deploys this after the Function App module (its authsettingsV2 included).
resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: staticWebApp
  name: 'api'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}

output name string = staticWebApp.name
output url string = 'https://${staticWebApp.properties.defaultHostname}'
