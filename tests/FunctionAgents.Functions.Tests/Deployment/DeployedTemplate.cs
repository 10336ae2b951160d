using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionAgents.Functions.Tests.Deployment;

/// <summary>
/// infra/main.bicep as a fresh <c>azd up</c> deploys it: linted and built with the Bicep CLI, then expanded by
/// <c>bicep snapshot</c> with the values azd passes (main.parameters.json's <c>${NAME=default}</c> defaults, an
/// environment name, a region, no deployer principal) and fixed values standing in for the <c>newGuid()</c> seeds.
/// </summary>
public sealed partial class DeployedTemplate : IAsyncLifetime
{
    public const string FirstTenantKey = "contract-first-tenant-key-0001";
    public const string FirstAdminKey = "contract-first-admin-key-0001";
    public const string KekSeed = "00112233-4455-6677-8899-aabbccddeeff-ffeeddcc-bbaa-9988-7766-554433221100";

    /// <summary>The checkpoint signing key seed the test fixes in place of the newGuid() default.</summary>
    public const string CheckpointKeySeed = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private readonly string _work = Path.Combine(Path.GetTempPath(), "fa-contract-" + Guid.NewGuid().ToString("N")[..8]);

    public string LintOutput { get; private set; } = string.Empty;

    public int LintExitCode { get; private set; }

    public int BuildExitCode { get; private set; }

    public string BuildOutput { get; private set; } = string.Empty;

    /// <summary>Every resource the deployment creates, as the snapshot predicts it.</summary>
    public List<JsonElement> Resources { get; private set; } = [];

    /// <summary>The function app's settings, evaluated where the template alone decides them; null where only Azure knows (reference()).</summary>
    public Dictionary<string, string?> AppSettings { get; private set; } = [];

    /// <summary>The Key Vault secrets the first provision seeds: name to value.</summary>
    public Dictionary<string, string> SeededSecrets { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        var infra = Path.Combine(ArtifactPaths.Root, "infra");
        (LintExitCode, LintOutput) = await BicepCli.RunAsync(infra, "lint", "main.bicep");
        (BuildExitCode, BuildOutput) = await BicepCli.RunAsync(infra, "build", "main.bicep", "--outdir", _work);
        Assert.True(BuildExitCode == 0, BuildOutput);

        using var arm = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_work, "main.json")));
        var parameters = AzdParameters(arm.RootElement.GetProperty("parameters"));
        var bicepparam = new StringBuilder($"using '{Path.GetRelativePath(_work, Path.Combine(infra, "main.bicep")).Replace('\\', '/')}'\n");
        foreach (var (name, (type, value)) in parameters)
        {
            bicepparam.Append(CultureInfo.InvariantCulture, $"param {name} = {(type == "string" || type == "securestring" ? Quote(value) : value)}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(_work, "main.bicepparam"), bicepparam.ToString());
        var (exit, output) = await BicepCli.RunAsync(_work, "snapshot", "main.bicepparam", "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-000000000001", "--tenant-id", "00000000-0000-0000-0000-000000000002",
            "--location", parameters["location"].Value, "--deployment-name", "contract");
        Assert.True(exit == 0, output);

        using var snapshot = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_work, "main.snapshot.json")));
        Resources = [.. snapshot.RootElement.GetProperty("predictedResources").EnumerateArray().Select(r => r.Clone())];
        var evaluator = new ArmExpression(parameters.ToDictionary(p => p.Key, p => p.Value.Value));
        AppSettings = Resources.Single(r => Type(r) == "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings")
            .EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => evaluator.TryEvaluate(s.GetProperty("value").GetString()!, out var v) ? v : null);
        SeededSecrets = Resources.Where(r => Type(r) == "Microsoft.KeyVault/vaults/secrets")
            .ToDictionary(r => r.GetProperty("name").GetString()!.Split('/')[1], r =>
                evaluator.TryEvaluate(r.GetProperty("properties").GetProperty("value").GetString()!, out var v) ? v : throw new InvalidOperationException("unresolved secret"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    public static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    private static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    // azd's substitution in main.parameters.json: ${NAME=default} gives the default on a fresh environment; ${NAME} the
    // value azd itself sets (AZURE_ENV_NAME, AZURE_LOCATION, AZURE_PRINCIPAL_ID: empty here, no deployer roles).
    private static Dictionary<string, (string Type, string Value)> AzdParameters(JsonElement armParameters)
    {
        var azd = JsonDocument.Parse(File.ReadAllText(Path.Combine(ArtifactPaths.Root, "infra", "main.parameters.json"))).RootElement.GetProperty("parameters");
        var set = new Dictionary<string, string> { ["AZURE_ENV_NAME"] = "contract", ["AZURE_LOCATION"] = "westeurope", ["AZURE_PRINCIPAL_ID"] = string.Empty };
        var result = new Dictionary<string, (string, string)>();
        foreach (var parameter in azd.EnumerateObject())
        {
            var raw = parameter.Value.GetProperty("value").GetString()!;
            var value = AzdVariable().Replace(raw, m => m.Groups[2].Success ? m.Groups[2].Value : set[m.Groups[1].Value]);
            result[parameter.Name] = (armParameters.GetProperty(parameter.Name).GetProperty("type").GetString()!.ToLowerInvariant(), value);
        }

        // The newGuid() defaults azd leaves to ARM, fixed so the test knows them.
        result["firstTenantKey"] = ("securestring", FirstTenantKey);
        result["firstAdminKey"] = ("securestring", FirstAdminKey);
        result["privacyKekSeed"] = ("securestring", KekSeed);
        result["checkpointSigningKeySeed"] = ("securestring", CheckpointKeySeed);
        return result;
    }

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)(?:=([^}]*))?\}")]
    private static partial Regex AzdVariable();
}
