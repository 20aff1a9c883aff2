using System.Text.Json;

namespace Approvals.Infra.Tests;

public class TemplateStructureTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public void Deploys_at_subscription_scope_with_the_azd_parameters_and_outputs()
    {
        Assert.Contains("subscriptionDeploymentTemplate", template.Root.GetProperty("$schema").GetString());
        var parameters = template.Root.GetProperty("parameters");
        foreach (var name in new[] { "environmentName", "location", "principalId", "entraClientId", "entraTenantId", "financeRecipients", "sendGridApiKey" })
        {
            Assert.True(parameters.TryGetProperty(name, out _), $"parameter {name} is missing");
        }
        Assert.Equal("securestring", parameters.GetProperty("sendGridApiKey").GetProperty("type").GetString());
        var outputs = template.Root.GetProperty("outputs");
        foreach (var name in new[] { "AZURE_FUNCTION_APP_URL", "AZURE_STATIC_WEB_APP_URL", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_RESOURCE_GROUP" })
        {
            Assert.True(outputs.TryGetProperty(name, out _), $"output {name} is missing");
        }
    }

    [Fact]
    public void Function_app_runs_on_flex_consumption_with_a_system_assigned_identity()
    {
        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        var plan = Assert.Single(template.OfType("Microsoft.Web/serverfarms"));

        Assert.Equal("SystemAssigned", site.Element.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("functionapp,linux", site.Element.GetProperty("kind").GetString());
        Assert.Contains("'azd-service-name', 'api'", site.Element.GetProperty("tags").GetString());
        Assert.Equal("FlexConsumption", plan.Element.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal("FC1", plan.Element.GetProperty("sku").GetProperty("name").GetString());
        var config = site.Properties.GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("SystemAssignedIdentity", config.GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());
    }

    [Fact]
    public void Function_app_identity_gets_the_blob_table_queue_vault_and_telemetry_roles()
    {
        var appAccess = Assert.Single(
            template.OfType("Microsoft.Authorization/roleAssignments")
                .Where(assignment => assignment.Properties.GetProperty("principalType").GetString() == "ServicePrincipal")
                .Select(assignment => assignment.Template.GetRawText())
                .Distinct());

        Assert.Contains(StorageBlobDataOwner, appAccess);
        Assert.Contains(StorageTableDataContributor, appAccess);
        Assert.Contains(StorageQueueDataContributor, appAccess);
        Assert.Contains(KeyVaultSecretsUser, appAccess);
        Assert.Contains(MonitoringMetricsPublisher, appAccess);
    }

    [Fact]
    public void No_account_key_is_read_or_written_anywhere()
    {
        Assert.DoesNotContain("AccountKey=", template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.All(
            template.OfType("Microsoft.Storage/storageAccounts"),
            account => Assert.False(account.Properties.GetProperty("allowSharedKeyAccess").GetBoolean()));
    }

    [Fact]
    public void App_settings_use_identity_based_storage_and_a_key_vault_reference_for_sendgrid()
    {
        var settings = Assert.Single(template.OfType("Microsoft.Web/sites/config"), config => config.Name.Contains("'appsettings'", StringComparison.Ordinal));
        var text = settings.Properties.GetRawText();

        Assert.Contains("'AzureWebJobsStorage__accountName'", text);
        Assert.DoesNotContain("'AzureWebJobsStorage'", text);
        Assert.DoesNotContain("Storage__ConnectionString", text);
        Assert.Contains("'Mail__SendGridApiKey', format('@Microsoft.KeyVault(SecretUri={0})'", text);
        var vaultSecret = Assert.Single(template.OfType("Microsoft.KeyVault/vaults/secrets"));
        Assert.Contains("'sendgrid-api-key'", vaultSecret.Name);
        var vault = Assert.Single(template.OfType("Microsoft.KeyVault/vaults"));
        Assert.True(vault.Properties.GetProperty("enableRbacAuthorization").GetBoolean());
    }

    [Fact]
    public void Lifecycle_rule_cools_archives_and_deletes_documents_after_ten_years()
    {
        var policy = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/managementPolicies"));
        var rule = Assert.Single(policy.Properties.GetProperty("policy").GetProperty("rules").EnumerateArray());
        var actions = rule.GetProperty("definition").GetProperty("actions");

        foreach (var target in new[] { "baseBlob", "version" })
        {
            var action = actions.GetProperty(target);
            Assert.Equal(90, DaysAfterCreation(action, "tierToCool"));
            Assert.Equal(365, DaysAfterCreation(action, "tierToArchive"));
            Assert.Equal(3650, DaysAfterCreation(action, "delete"));
        }
    }

    [Fact]
    public void Documents_container_has_version_level_immutability_on_a_versioned_account()
    {
        var container = Assert.Single(
            template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            candidate => candidate.Properties.TryGetProperty("immutableStorageWithVersioning", out _));
        Assert.Equal("dossiers", container.Variable("documentsContainerName").GetString());
        Assert.True(container.Properties.GetProperty("immutableStorageWithVersioning").GetProperty("enabled").GetBoolean());

        var blobService = Assert.Single(
            template.OfType("Microsoft.Storage/storageAccounts/blobServices"),
            service => service.Template.GetRawText() == container.Template.GetRawText());
        Assert.True(blobService.Properties.GetProperty("isVersioningEnabled").GetBoolean());

        var retention = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));
        Assert.Equal(3650, retention.Properties.GetProperty("immutabilityPeriodSinceCreationInDays").GetInt32());
    }

    [Fact]
    public void Record_tables_are_created()
    {
        var tables = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
        var names = tables.Variable("tableNames").EnumerateArray().Select(name => name.GetString());

        Assert.Equal(["Dossiers", "Deadlines", "Counters"], names);
    }

    [Fact]
    public void Authentication_requires_an_entra_id_sign_in_on_every_route()
    {
        var authentication = Assert.Single(template.OfType("Microsoft.Web/sites/config"), config => config.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
        var validation = authentication.Properties.GetProperty("globalValidation");

        Assert.True(authentication.Properties.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.True(validation.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("Return401", validation.GetProperty("unauthenticatedClientAction").GetString());
        Assert.True(authentication.Properties.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("enabled").GetBoolean());
    }

    /// <summary>Issue 12 point 15: only the people assigned to the app get in; nobody without a role claim gets a default one.</summary>
    [Fact]
    public void Authentication_lets_in_only_the_members_of_the_access_group_and_gives_no_default_role()
    {
        var authentication = Assert.Single(template.OfType("Microsoft.Web/sites/config"), config => config.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
        var settings = Assert.Single(template.OfType("Microsoft.Web/sites/config"), config => config.Name.Contains("'appsettings'", StringComparison.Ordinal));
        var validation = authentication.Properties.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("validation");
        var groups = validation.GetProperty("defaultAuthorizationPolicy").GetProperty("allowedPrincipals").GetProperty("groups");

        Assert.Equal(["[parameters('entraAccessGroupId')]"], groups.EnumerateArray().Select(group => group.GetString()));
        Assert.Equal(36, template.Root.GetProperty("parameters").GetProperty("entraAccessGroupId").GetProperty("minLength").GetInt32());
        Assert.DoesNotContain("RoleWithoutClaim", settings.Properties.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Static_web_app_serves_the_pages_with_the_function_app_as_linked_backend()
    {
        var site = Assert.Single(template.OfType("Microsoft.Web/staticSites"));
        var backend = Assert.Single(template.OfType("Microsoft.Web/staticSites/linkedBackends"));

        Assert.Equal("Standard", site.Element.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Contains("'azd-service-name', 'web'", site.Element.GetProperty("tags").GetString());
        Assert.Equal("[parameters('functionAppId')]", backend.Properties.GetProperty("backendResourceId").GetString());
    }

    [Fact]
    public void Application_insights_is_workspace_based_and_accepts_only_entra_id_ingestion()
    {
        var insights = Assert.Single(template.OfType("Microsoft.Insights/components"));

        Assert.True(insights.Properties.TryGetProperty("WorkspaceResourceId", out _));
        Assert.True(insights.Properties.GetProperty("DisableLocalAuth").GetBoolean());
    }

    private static int DaysAfterCreation(JsonElement action, string name) =>
        action.GetProperty(name).GetProperty("daysAfterCreationGreaterThan").GetInt32();
}
