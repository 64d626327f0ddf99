using System.Security.Cryptography;

namespace CooperationModel.Infrastructure.Protection;

/// <summary>
/// The secrets that protect personal data at rest (section "Encryption"). They come from outside the database
/// (environment or a certificate file), so a database dump alone decrypts nothing. See docs/security.md.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    /// <summary>The key-encryption key (base64, 32 bytes) that encrypts the Data Protection keys stored in PostgreSQL.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Instead of <see cref="KeyEncryptionKey"/>: a PKCS#12 certificate file whose key encrypts the data keys.</summary>
    public string? KeyEncryptionCertificate { get; set; }

    public string? KeyEncryptionCertificatePassword { get; set; }

    /// <summary>Earlier key-encryption keys (base64), kept to read data keys they encrypted; the app re-encrypts those at start.</summary>
    public string[] PreviousKeyEncryptionKeys { get; set; } = [];

    /// <summary>The HMAC key (base64, at least 32 bytes) of the identity code hash used for exact lookups.</summary>
    public string? IdentityCodeHashKey { get; set; }

    internal const int KeyBytes = 32;

    /// <summary>Checks the settings and says in words which one is missing or wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(KeyEncryptionKey) && string.IsNullOrWhiteSpace(KeyEncryptionCertificate))
        {
            throw Missing($"{Section}:KeyEncryptionKey (or {Section}:KeyEncryptionCertificate)");
        }

        if (!string.IsNullOrWhiteSpace(KeyEncryptionKey))
        {
            DecodeKey(KeyEncryptionKey, $"{Section}:KeyEncryptionKey", exactly: true);
        }

        foreach (var previous in PreviousKeyEncryptionKeys)
        {
            DecodeKey(previous, $"{Section}:PreviousKeyEncryptionKeys", exactly: true);
        }

        if (string.IsNullOrWhiteSpace(IdentityCodeHashKey))
        {
            throw Missing($"{Section}:IdentityCodeHashKey");
        }

        DecodeKey(IdentityCodeHashKey, $"{Section}:IdentityCodeHashKey", exactly: false);
    }

    /// <summary>A new random key in the form the settings take, for a local demo or a test.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    internal static byte[] DecodeKey(string value, string setting, bool exactly)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not base64.");
        }

        if (exactly ? key.Length != KeyBytes : key.Length < KeyBytes)
        {
            throw new InvalidOperationException($"{setting} must be {(exactly ? "exactly" : "at least")} {KeyBytes} bytes (base64).");
        }

        return key;
    }

    private static InvalidOperationException Missing(string setting) => new(
        $"{setting} is not set. Personal data is encrypted with keys from outside the database: "
        + "`make run` generates local ones; in production give them as environment variables or a certificate (docs/security.md).");
}
