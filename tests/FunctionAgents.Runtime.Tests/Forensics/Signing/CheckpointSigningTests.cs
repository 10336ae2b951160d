using System.Security.Cryptography;
using System.Text;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;

namespace FunctionAgents.Runtime.Tests.Forensics.Signing;

public sealed class CheckpointSigningTests : IDisposable
{
    private static readonly ChainCheckpoint Checkpoint = new("run-1", "tenant-a", 3, new string('a', 64), new DateTimeOffset(2026, 3, 2, 9, 0, 1, TimeSpan.Zero).AddTicks(1234567));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fa-sign-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Sign_ThenCheck_VerifiesAndAnyChangedFieldFails()
    {
        // Arrange
        using var key = CheckpointSigningKey.FromText("test", CheckpointSigningKey.NewPem());
        using var trust = new CheckpointTrustSet();
        trust.Add(key.PublicKeyPem, "test");
        var signed = key.Sign(Checkpoint);

        // Act
        var changed = new[]
        {
            signed with { RunId = "run-2" },
            signed with { TenantId = "tenant-b" },
            signed with { Seq = 4 },
            signed with { Hash = new string('b', 64) },
            signed with { OccurredAt = signed.OccurredAt.AddTicks(1) },
        };

        // Assert
        Assert.Null(trust.Check(signed));
        Assert.Equal(key.KeyId, signed.KeyId);
        Assert.All(changed, c => Assert.Contains("does not match", trust.Check(c), StringComparison.Ordinal));
    }

    [Fact]
    public void Signature_FollowsTheDocumentedContract_P1363OverTheCanonicalMessage()
    {
        // Arrange: an independent verifier built from the contract alone (docs/forensics.md).
        using var key = CheckpointSigningKey.FromText("test", CheckpointSigningKey.NewPem());
        var signed = key.Sign(Checkpoint);
        var message = Encoding.UTF8.GetBytes("fa-checkpoint-v1\nrun-1\ntenant-a\n3\n" + new string('a', 64) + "\n2026-03-02T09:00:01.1234567Z");
        using var verifier = ECDsa.Create();
        verifier.ImportFromPem(key.PublicKeyPem);
        var signature = Convert.FromBase64String(signed.Signature!);

        // Act
        var valid = verifier.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        // Assert
        Assert.True(valid);
        Assert.Equal(64, signature.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(verifier.ExportSubjectPublicKeyInfo()))[..32], signed.KeyId);
    }

    [Fact]
    public void FromText_SameSeed_GivesTheSameKey()
    {
        // Act
        using var a = CheckpointSigningKey.FromText("a", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        using var b = CheckpointSigningKey.FromText("b", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        using var other = CheckpointSigningKey.FromText("c", "ffffffff-4b5a-6978-8796-a5b4c3d2e1f0");

        // Assert
        Assert.Equal(a.KeyId, b.KeyId);
        Assert.NotEqual(a.KeyId, other.KeyId);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----")]
    public void FromText_Malformed_NamesTheSourceNotTheValue(string text)
    {
        // Act
        var error = Assert.Throws<FormatException>(() => CheckpointSigningKey.FromText(CheckpointSigningSettings.Key, text));

        // Assert
        Assert.StartsWith(CheckpointSigningSettings.Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromText_PublicKeyOnly_IsRefused()
    {
        // Arrange
        using var key = CheckpointSigningKey.FromText("test", CheckpointSigningKey.NewPem());

        // Act
        var error = Assert.Throws<FormatException>(() => CheckpointSigningKey.FromText("FILE", key.PublicKeyPem));

        // Assert
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoSetting_CreatesTheDefaultFileOnceAndReusesIt()
    {
        // Arrange
        var file = Path.Combine(_folder, CheckpointSigningSettings.DefaultFileName);

        // Act
        using var first = CheckpointSigningSettings.Load(_ => null, file);
        using var second = CheckpointSigningSettings.Load(_ => null, file);
        using var reader = CheckpointSigningSettings.Load(_ => null, Path.Combine(_folder, "absent.pem"), createIfMissing: false);

        // Assert
        Assert.True(File.Exists(file));
        Assert.Equal(first!.KeyId, second!.KeyId);
        Assert.Null(reader);
    }

    [Fact]
    public void Load_SettingWins_AndAnUnreadableFileIsNamed()
    {
        // Arrange
        var pem = CheckpointSigningKey.NewPem();
        var settings = new Dictionary<string, string?> { [CheckpointSigningSettings.Key] = pem };
        using var expected = CheckpointSigningKey.FromText("x", pem);
        Directory.CreateDirectory(_folder);
        var bad = Path.Combine(_folder, "bad.pem");
        File.WriteAllText(bad, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----");

        // Act
        using var loaded = CheckpointSigningSettings.Load(settings.GetValueOrDefault, Path.Combine(_folder, "unused.pem"));
        var error = Assert.Throws<FormatException>(() => CheckpointSigningSettings.Load(n => n == CheckpointSigningSettings.KeyFile ? bad : null, null));

        // Assert
        Assert.Equal(expected.KeyId, loaded!.KeyId);
        Assert.False(File.Exists(Path.Combine(_folder, "unused.pem")));
        Assert.Contains(bad, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustSetFromFiles_MalformedFile_NamesIt()
    {
        // Arrange
        Directory.CreateDirectory(_folder);
        var bad = Path.Combine(_folder, "trust.pem");
        File.WriteAllText(bad, "not a key");

        // Act
        var error = Assert.Throws<FormatException>(() => CheckpointTrustSet.FromFiles([bad]));
        var missing = Assert.Throws<FormatException>(() => CheckpointTrustSet.FromFiles([Path.Combine(_folder, "missing.pem")]));

        // Assert
        Assert.Contains(bad, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing.pem", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
