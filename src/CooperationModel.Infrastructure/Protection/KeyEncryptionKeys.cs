using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Infrastructure.Protection;

/// <summary>
/// The key-encryption keys: the current one and earlier ones, each known by a short id (the start of its SHA-256),
/// which an encrypted data key records so that the right key decrypts it after a rotation.
/// </summary>
public sealed class KeyEncryptionKeys
{
    private readonly Dictionary<string, byte[]> _byId;

    public KeyEncryptionKeys(EncryptionOptions options)
    {
        Current = EncryptionOptions.DecodeKey(options.KeyEncryptionKey!, "Encryption:KeyEncryptionKey", exactly: true);
        CurrentId = IdOf(Current);
        _byId = options.PreviousKeyEncryptionKeys
            .Select(k => EncryptionOptions.DecodeKey(k, "Encryption:PreviousKeyEncryptionKeys", exactly: true))
            .Append(Current)
            .DistinctBy(IdOf)
            .ToDictionary(IdOf);
    }

    public byte[] Current { get; }

    public string CurrentId { get; }

    public byte[]? Find(string id) => _byId.GetValueOrDefault(id);

    public static string IdOf(byte[] key) => Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 8)).ToLowerInvariant();
}

/// <summary>Encrypts a Data Protection key's XML with AES-256-GCM under the current key-encryption key.</summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(keys.Current, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(keys.CurrentId));
        }

        var element = new XElement(
            "encryptedKey",
            new XComment(" Encrypted with the key-encryption key (docs/security.md). "),
            new XAttribute("kek", keys.CurrentId),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }

    internal static byte[] AssociatedData(string keyId) => System.Text.Encoding.ASCII.GetBytes("cooperationmodel-kek:" + keyId);

    internal static XElement Decrypt(XElement encryptedElement, KeyEncryptionKeys keys)
    {
        var keyId = (string?)encryptedElement.Attribute("kek") ?? throw new CryptographicException("The data key names no key-encryption key.");
        var key = keys.Find(keyId) ?? throw new CryptographicException(
            $"The data key was encrypted with key-encryption key {keyId}, which is not configured (Encryption:PreviousKeyEncryptionKeys).");
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var ciphertext = Convert.FromBase64String(encryptedElement.Value.Trim());
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData(keyId));
        }

        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote; Data Protection creates it by the type name in the XML.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        AesGcmXmlEncryptor.Decrypt(encryptedElement, services.GetRequiredService<KeyEncryptionKeys>());
}
