// Log Analytics workspace and a workspace-based Application Insights component that only
// accepts Entra ID-authenticated telemetry (local auth disabled).

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Azure region of both resources.')
param location string

@description('Tags applied to both resources.')
param tags object = {}

@description('Days the workspace keeps telemetry. Telemetry is diagnostics only; the audit record is the journal in Table Storage.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

@description('Application Insights component name.')
output applicationInsightsName string = appInsights.name

@description('Application Insights connection string (an address, not a credential: local auth is disabled).')
output applicationInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Log Analytics workspace resource id.')
output logAnalyticsWorkspaceId string = workspace.id
