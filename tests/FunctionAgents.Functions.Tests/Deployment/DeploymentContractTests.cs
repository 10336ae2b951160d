using System.Text.RegularExpressions;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Endpoints;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FunctionAgents.Functions.Tests.Deployment;

/// <summary>
/// The Functions app as a fresh <c>azd up</c> deploys it, proven without Azure: the compiled template's app settings
/// start the app's service provider as Program.cs builds it, in Production, with Key Vault references resolved from the
/// secrets the template seeds (local doubles of the vault) and the managed identity's storage replaced by Azurite.
/// </summary>
public sealed partial class DeploymentContractTests(DeployedTemplate template, AzuriteFixture azurite)
    : IClassFixture<DeployedTemplate>, IClassFixture<AzuriteFixture>
{
    // Built-in role definition ids (the same in every tenant).
    private static readonly Dictionary<string, (string Role, string Scope)> RequiredAppRoles = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = ("Storage Blob Data Owner", "Microsoft.Storage/storageAccounts"),
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = ("Storage Queue Data Contributor", "Microsoft.Storage/storageAccounts"),
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = ("Storage Table Data Contributor", "Microsoft.Storage/storageAccounts"),
        ["5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"] = ("Cognitive Services OpenAI User", "Microsoft.CognitiveServices/accounts"),
        ["4633458b-17de-408a-b874-0445c86b69e6"] = ("Key Vault Secrets User", "Microsoft.KeyVault/vaults"),
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = ("Monitoring Metrics Publisher", "Microsoft.Insights/components"),
    };

    [Fact]
    public void Bicep_LintsWithTheConfiguredRulesAsErrors_AndBuilds()
    {
        Assert.True(template.LintExitCode == 0, template.LintOutput);
        Assert.Equal(0, template.BuildExitCode);
        Assert.DoesNotContain("Warning", template.LintOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshDeployment_StartsInProduction_KeysRequiredAndAccepted_PrivacyOn()
    {
        var (settings, _) = LocalSettings();
        using var host = await StartAsync(settings);
        var services = host.Services;

        var keys = services.GetRequiredService<ApiKeyRing>();
        Assert.Equal("default", keys.FindTenant(DeployedTemplate.FirstTenantKey));
        Assert.Null(keys.FindTenant("not-a-key-at-all"));
        Assert.Equal(StatusCodes.Status401Unauthorized, await StatusAsync(services, key: null));
        Assert.Equal(StatusCodes.Status200OK, await StatusAsync(services, DeployedTemplate.FirstTenantKey));
        Assert.Equal("admin", services.GetRequiredService<AdminKeyRing>().FindAdmin(DeployedTemplate.FirstAdminKey));
        Assert.IsType<PersonalDataJournal>(services.GetRequiredService<IEventJournal>());
        var kek = Convert.FromBase64String(settings[PrivacySettingNames.Kek]!);
        Assert.Equal(32, kek.Length);
    }

    [Fact]
    public async Task FreshDeployment_EverySettingTheAppReads_IsSetByInfraOrDocumentedInTheReadme()
    {
        var (settings, source) = LocalSettings();
        using var host = await StartAsync(settings, source);
        var readme = await File.ReadAllTextAsync(Path.Combine(ArtifactPaths.Root, "README.md"));

        var ours = source.Read.Where(name => OurSetting().IsMatch(name)).ToList();
        var undocumented = ours.Where(name => !template.AppSettings.ContainsKey(name) && !readme.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.Contains(ApiKeyRing.Setting, ours);
        Assert.Contains(PrivacySettingNames.AdminKeys, ours);
        Assert.True(undocumented.Count == 0, "read by the app, set by no infra and documented nowhere: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void FreshDeployment_KeysAndPrivacyKey_AreKeyVaultReferencesToSeededSecretsOfTheTemplatesVault()
    {
        var vault = template.Resources.Single(r => DeployedTemplate.Type(r) == "Microsoft.KeyVault/vaults");
        var vaultUri = $"https://{vault.GetProperty("name").GetString()}.vault.azure.net/";

        Assert.True(vault.GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/fa-api-keys)", template.AppSettings[ApiKeyRing.Setting]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/fa-admin-keys)", template.AppSettings[PrivacySettingNames.AdminKeys]);
        Assert.Equal(vaultUri, template.AppSettings[PrivacySettingNames.KeyVaultUri]);
        Assert.Contains(template.AppSettings[PrivacySettingNames.KekSecretName]!, template.SeededSecrets.Keys);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={vaultUri}secrets/fa-checkpoint-signing-key)", template.AppSettings[CheckpointSigningSettings.Key]);
        Assert.Equal(["fa-admin-keys", "fa-api-keys", "fa-checkpoint-signing-key", "fa-privacy-kek"], template.SeededSecrets.Keys.Order());
    }

    [Fact]
    public void FreshDeployment_EveryRoleTheAppNeeds_IsGrantedToItsIdentityOnTheRightResource()
    {
        var appName = template.Resources.Single(r => DeployedTemplate.Type(r) == "Microsoft.Web/sites").GetProperty("name").GetString()!;
        var granted = template.Resources.Where(r => DeployedTemplate.Type(r) == "Microsoft.Authorization/roleAssignments")
            .Where(r => r.GetProperty("properties").GetProperty("principalId").GetString()!.Contains($"Microsoft.Web/sites/{appName}'", StringComparison.Ordinal))
            .Select(r => (Role: r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()![^36..], Id: r.GetProperty("id").GetString()!))
            .ToList();

        var missing = RequiredAppRoles.Where(required => !granted.Any(g => g.Role == required.Key && g.Id.Contains($"/providers/{required.Value.Scope}/", StringComparison.Ordinal)))
            .Select(required => $"{required.Value.Role} on {required.Value.Scope}")
            .ToList();

        Assert.True(missing.Count == 0, "not granted to the app's identity: " + string.Join(", ", missing));
    }

    [Fact]
    public void FreshDeployment_BindingSettingsQueueAndModels_MatchWhatInfraCreates()
    {
        var names = FunctionAgentsSettings.FromSettings(name => template.AppSettings.GetValueOrDefault(name)).Storage.Names;
        var queues = template.Resources.Where(r => DeployedTemplate.Type(r).EndsWith("/queues", StringComparison.Ordinal)).Select(r => r.GetProperty("name").GetString()!.Split('/')[^1]);
        var tables = template.Resources.Where(r => DeployedTemplate.Type(r).EndsWith("/tables", StringComparison.Ordinal)).Select(r => r.GetProperty("name").GetString()!.Split('/')[^1]);
        var deployments = template.Resources.Where(r => DeployedTemplate.Type(r) == "Microsoft.CognitiveServices/accounts/deployments")
            .ToDictionary(r => r.GetProperty("name").GetString()!.Split('/')[^1], r => r.GetProperty("properties").GetProperty("model").GetProperty("name").GetString());

        Assert.All(FunctionsBindingSettings.Required, name => Assert.False(string.IsNullOrWhiteSpace(template.AppSettings.GetValueOrDefault(name)), name));
        Assert.Equal(names.AgentRuns, FunctionsBindingSettings.AgentRunsQueue.Replace("%FA_STORAGE_PREFIX%", template.AppSettings[StorageSettings.PrefixSetting], StringComparison.Ordinal));
        Assert.Contains(names.AgentRuns, queues);
        Assert.Contains(names.Journal, tables);
        Assert.Equal(deployments[template.AppSettings["AZURE_OPENAI_PLANNER_DEPLOYMENT"]!], template.AppSettings["AZURE_OPENAI_PLANNER_MODEL"]);
        Assert.Equal(deployments[template.AppSettings["AZURE_OPENAI_ANSWER_DEPLOYMENT"]!], template.AppSettings["AZURE_OPENAI_ANSWER_MODEL"]);
    }

    [Fact]
    public void FreshDeployment_HttpFunctions_NeedNoPlatformKeyTheTemplateNeverCreates()
    {
        // The template creates no function or host keys: a trigger at AuthorizationLevel.Function would answer 401 to the
        // seeded FA_API_KEYS key before FunctionAgents sees it. The handlers check the key (Host.Tests' route tests).
        using var metadata = System.Text.Json.JsonDocument.Parse(File.ReadAllText(ArtifactPaths.FunctionsMetadata));

        var keyed = metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Name: f.GetProperty("name").GetString(), Binding: b)))
            .Where(f => f.Binding.GetProperty("type").GetString() == "httpTrigger"
                && !string.Equals(f.Binding.GetProperty("authLevel").GetString(), "Anonymous", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Name)
            .ToList();

        Assert.Empty(keyed);
    }

    [Fact]
    public async Task Production_WithoutApiKeys_RefusesToStartWithOneLine()
    {
        var (settings, _) = LocalSettings();
        settings.Remove(ApiKeyRing.Setting);

        var refused = await Assert.ThrowsAsync<FunctionsStartupException>(() => StartAsync(settings));

        Assert.StartsWith(ApiKeyRing.Setting, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task Production_PrivacyKeyUnreadable_RefusesToStart()
    {
        var (settings, _) = LocalSettings();
        var kekFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(kekFile, "not a base64 key");
        settings.Remove(PrivacySettingNames.Kek);
        settings[PrivacySettingNames.KekFile] = kekFile;

        try
        {
            var refused = await Assert.ThrowsAsync<PrivacyKeyUnavailableException>(() => StartAsync(settings));
            Assert.Contains("cannot be read", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kekFile);
        }
    }

    [Fact]
    public async Task FreshDeployment_CheckpointSigningKey_IsTheSeededSecretAndSignsCheckpoints()
    {
        var (settings, _) = LocalSettings();
        using var host = await StartAsync(settings);
        using var expected = CheckpointSigningKey.FromText("seed", DeployedTemplate.CheckpointKeySeed);

        var signer = host.Services.GetRequiredService<CheckpointSigningKey>();

        Assert.Equal(expected.KeyId, signer.KeyId);
        Assert.True(host.Services.GetRequiredService<FunctionAgents.Runtime.Forensics.Verification.ChainAudit>().ChecksSignatures);
    }

    [Fact]
    public async Task Production_WithoutACheckpointSigningKey_RefusesToStartWithOneLine()
    {
        var (settings, _) = LocalSettings();
        settings.Remove(CheckpointSigningSettings.Key);

        var refused = await Assert.ThrowsAsync<FunctionsStartupException>(() => StartAsync(settings));

        Assert.StartsWith(CheckpointSigningSettings.Key, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task Production_CheckpointSigningKeyMalformed_RefusesToStartNamingTheSetting()
    {
        var (settings, _) = LocalSettings();
        settings[CheckpointSigningSettings.Key] = "too short";

        var refused = await Assert.ThrowsAsync<FunctionsStartupException>(() => StartAsync(settings));

        Assert.StartsWith(CheckpointSigningSettings.Key, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("too short", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_ApiKeyWithASecondColon_IsRefusedNamingTheEntry()
    {
        var (settings, _) = LocalSettings();
        settings[ApiKeyRing.Setting] = "default:first-key-0001,al:pha:key-0002";

        var refused = await Assert.ThrowsAsync<FunctionsStartupException>(() => StartAsync(settings));

        Assert.Contains("entry 2 (tenant al)", refused.Message, StringComparison.Ordinal);
    }

    // The template's settings with the doubles: each Key Vault reference resolved to the secret the template seeds, the
    // privacy key read from the seeded secret instead of the vault, storage on Azurite instead of the managed identity.
    private (Dictionary<string, string?> Settings, RecordingConfigurationSource Source) LocalSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in template.AppSettings)
        {
            var reference = value is null ? null : KeyVaultReference().Match(value);
            settings[name] = reference is { Success: true } ? template.SeededSecrets[reference.Groups[1].Value] : value;
        }

        settings[PrivacySettingNames.Kek] = template.SeededSecrets[settings[PrivacySettingNames.KekSecretName]!];
        settings.Remove(PrivacySettingNames.KeyVaultUri);
        settings.Remove("AzureWebJobsStorage__accountName");
        settings.Remove("AzureWebJobsStorage__credential");
        settings[StorageSettings.ConnectionSetting] = azurite.ConnectionString;

        // Only Azure knows the Application Insights connection string (reference()): an address nothing listens on.
        Assert.Null(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/";
        Assert.DoesNotContain(settings, s => s.Value is null);
        return (settings, new RecordingConfigurationSource(settings));
    }

    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings, RecordingConfigurationSource? source = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        ((IConfigurationBuilder)builder.Configuration).Add(source ?? new RecordingConfigurationSource(settings));
        builder.Services.AddLogging();
        builder.AddFunctionAgentsFunctionsApp();
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, string? key)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }

        var result = await services.GetRequiredService<RunsApi>().ListRunsAsync(context);
        return result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=https://[^/]+/secrets/([^/)]+)/?\)$")]
    private static partial Regex KeyVaultReference();

    [GeneratedRegex("^(FA_|AZURE_|APPLICATIONINSIGHTS_|AzureWebJobs)")]
    private static partial Regex OurSetting();
}
