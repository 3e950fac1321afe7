// PEP Bot on Azure: a single-tenant Azure Bot registration (new multi-tenant bots can no longer be
// created), Azure Container Apps with two or more replicas probed on /healthz and /readyz, secrets
// in Key Vault read through a managed identity, and MongoDB by connection string (Atlas, Azure
// Cosmos DB for MongoDB vCore or self-hosted: a replica set, for transactions).
//   az deployment group create -g <group> -f infra/azure/main.bicep -p infra/azure/main.parameters.json
// infra/README.md walks it through, including the Entra app registration this file cannot create.

targetScope = 'resourceGroup'

@description('Short name used in every resource name; lower-case letters and digits.')
@minLength(3)
@maxLength(12)
param name string = 'pepbot'

param location string = resourceGroup().location

@description('The container image to run, e.g. myregistry.azurecr.io/pep-bot:1.4.0 (built from infra/Dockerfile).')
param image string

@description('How many instances always run; two or more so that a restart never stops the bot.')
@minValue(2)
param minReplicas int = 2

@maxValue(30)
param maxReplicas int = 4

@description('Application (client) id of the single-tenant Entra app registration the bot signs in as.')
param microsoftAppId string

@description('Directory (tenant) id of that registration; the council\'s own tenant.')
param microsoftAppTenantId string = subscription().tenantId

@secure()
@description('A client secret of that app registration.')
param microsoftAppPassword string

@secure()
@description('mongodb:// or mongodb+srv:// URI of a replica set, with credentials and database name.')
param mongodbUri string

@secure()
@description('Slack app signing secret; leave empty to run without Slack.')
param slackSigningSecret string = ''

@secure()
@description('Slack bot token (xoxb-…); leave empty to run without Slack.')
param slackBotToken string = ''

@description('Object id of the person or group who may manage the secrets (Key Vault Secrets Officer).')
param secretsAdminObjectId string = ''

var slackEnabled = !empty(slackSigningSecret) && !empty(slackBotToken)
var appName = '${name}-app'
// Key Vault names are global and at most 24 characters.
var vaultName = take('${name}kv${uniqueString(resourceGroup().id)}', 24)
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource appCanReadSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource adminCanManageSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsAdminObjectId)) {
  name: guid(vault.id, secretsAdminObjectId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: secretsAdminObjectId
  }
}

resource mongoSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: { value: mongodbUri }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: { value: microsoftAppPassword }
}

resource slackSigningSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackEnabled) {
  parent: vault
  name: 'slack-signing-secret'
  properties: { value: slackSigningSecret }
}

resource slackBotTokenValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (slackEnabled) {
  parent: vault
  name: 'slack-bot-token'
  properties: { value: slackBotToken }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// Known before the app exists, so the app can be told its own public address.
var publicBaseUrl = 'https://${appName}.${environment.properties.defaultDomain}'

var coreSecrets = [
  { name: 'mongodb-uri', keyVaultUrl: mongoSecret.properties.secretUri, identity: identity.id }
  { name: 'microsoft-app-password', keyVaultUrl: appPasswordSecret.properties.secretUri, identity: identity.id }
]
var slackSecrets = slackEnabled
  ? [
      { name: 'slack-signing-secret', keyVaultUrl: slackSigningSecretValue.properties.secretUri, identity: identity.id }
      { name: 'slack-bot-token', keyVaultUrl: slackBotTokenValue.properties.secretUri, identity: identity.id }
    ]
  : []

var coreEnv = [
  { name: 'HOST', value: '0.0.0.0' }
  { name: 'PORT', value: '3978' }
  { name: 'PUBLIC_BASE_URL', value: publicBaseUrl }
  { name: 'MONGODB_URI', secretRef: 'mongodb-uri' }
  { name: 'MICROSOFT_APP_ID', value: microsoftAppId }
  { name: 'MICROSOFT_APP_TYPE', value: 'SingleTenant' }
  { name: 'MICROSOFT_APP_TENANT_ID', value: microsoftAppTenantId }
  { name: 'MICROSOFT_APP_PASSWORD', secretRef: 'microsoft-app-password' }
]
var slackEnv = slackEnabled
  ? [
      { name: 'SLACK_SIGNING_SECRET', secretRef: 'slack-signing-secret' }
      { name: 'SLACK_BOT_TOKEN', secretRef: 'slack-bot-token' }
    ]
  : []

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  // The identity must be allowed to read the vault before the app asks it for the secrets.
  dependsOn: [appCanReadSecrets]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
        allowInsecure: false
      }
      secrets: concat(coreSecrets, slackSecrets)
    }
    template: {
      containers: [
        {
          name: 'pep-bot'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat(coreEnv, slackEnv)
          probes: [
            {
              type: 'Startup'
              httpGet: { path: '/healthz', port: 3978 }
              periodSeconds: 2
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: 3978 }
              periodSeconds: 15
              failureThreshold: 3
            }
            {
              // 503 while the store cannot read or write: traffic goes to the other replicas.
              type: 'Readiness'
              httpGet: { path: '/readyz', port: 3978 }
              periodSeconds: 10
              failureThreshold: 2
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: { metadata: { concurrentRequests: '100' } }
          }
        ]
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'PEP Bot'
    endpoint: '${publicBaseUrl}/api/messages'
    msaAppType: 'SingleTenant'
    msaAppId: microsoftAppId
    msaAppTenantId: microsoftAppTenantId
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output publicBaseUrl string = publicBaseUrl
output messagingEndpoint string = '${publicBaseUrl}/api/messages'
output slackRequestUrl string = slackEnabled ? '${publicBaseUrl}/slack/events' : 'Slack not configured'
output keyVaultName string = vault.name
