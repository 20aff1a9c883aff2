// The Flex Consumption Function App: system-assigned identity, identity-based connections only (no account
// key, no connection string with a secret), the SendGrid key as a Key Vault reference, and App Service
// authentication with Microsoft Entra ID in front of every route.

param location string
param tags object
param planName string
param name string
param runtimeStorageAccountName string
param runtimeBlobEndpoint string
param deploymentContainerName string
param dataBlobEndpoint string
param dataTableEndpoint string
param documentsContainerName string
param applicationInsightsName string
param sendGridSecretUri string
param mailFromAddress string
param mailFromName string
param financeRecipients string[]

@description('The authority\'s settings (Name, Siret, President, PresidentTitle, Seat, Court), as the app reads them under Authority.')
param authority object
param entraClientId string
param entraTenantId string

@description('Object id of the Entra ID group whose members may call the app (the people assigned a role).')
param entraAccessGroupId string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

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

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${runtimeBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Flex Consumption sets FUNCTIONS_WORKER_RUNTIME and the runtime version from functionAppConfig; they must
// not appear here. Names use `__` for configuration sections, as in local.settings.example.json.
var financeRecipientSettings = toObject(
  range(0, length(financeRecipients)),
  i => 'Mail__FinanceRecipients__${i}',
  i => financeRecipients[i]
)

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(
    {
      AzureWebJobsStorage__accountName: runtimeStorageAccountName
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
      Storage__BlobServiceUri: dataBlobEndpoint
      Storage__TableServiceUri: dataTableEndpoint
      Storage__DocumentsContainer: documentsContainerName
      Storage__MaxUploadBytes: '26214400'
      Mail__SendGridApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})'
      Mail__FromAddress: mailFromAddress
      Mail__FromName: mailFromName
      Reminders__OffsetsDays__0: '30'
      Reminders__OffsetsDays__1: '15'
      Reminders__OffsetsDays__2: '7'
      Reminders__DigestCron: '0 7 * * 1-5'
      Reminders__Territory: 'General'
      Authority__Name: authority.Name
      Authority__Siret: authority.Siret
      Authority__President: authority.President
      Authority__PresidentTitle: authority.PresidentTitle
      Authority__Seat: authority.Seat
      Authority__Court: authority.Court
    },
    financeRecipientSettings
  )
}

// No publishing with user name and password: deployments go through Entra ID (azd, OneDeploy).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// The app serves only the JSON API, so an unauthenticated call gets 401 (no login redirect): the intranet
// pages on the Static Web App do the interactive sign-in.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${entraClientId}'
            entraClientId
          ]
          // Only the people assigned to the app get in (issue 12 point 15): the platform checks the token's groups
          // claim against this group before the request reaches the app, which then also refuses anyone without
          // exactly one role claim. Bicep cannot set the service principal's appRoleAssignmentRequired offline
          // (Microsoft Graph extension): see infra/README.md for that switch.
          defaultAuthorizationPolicy: {
            allowedPrincipals: {
              groups: [
                entraAccessGroupId
              ]
            }
          }
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = functionApp.name
output id string = functionApp.id
output location string = functionApp.location
output principalId string = functionApp.identity.principalId
output url string = 'https://${functionApp.properties.defaultHostName}'
