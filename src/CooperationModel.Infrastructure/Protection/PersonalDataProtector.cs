using System.Security.Cryptography;
using System.Text;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using Microsoft.AspNetCore.DataProtection;

namespace CooperationModel.Infrastructure.Protection;

/// <summary>
/// Encrypts personal data at rest (identity codes, situation descriptions, surveys, notes, messages and their files)
/// with ASP.NET Core Data Protection, whose keys live in PostgreSQL encrypted with the key-encryption key; and
/// hashes identity codes with a keyed HMAC for exact lookups. One per app instance: the model is built with it.
/// </summary>
public sealed class PersonalDataProtector : IIdentityCodeHasher
{
    /// <summary>Every Data Protection payload starts with its magic header 0x09F0C9F0, "CfDJ8" in base64url.</summary>
    private const string ProtectedPrefix = "CfDJ8";
    private static readonly byte[] ProtectedHeader = [0x09, 0xF0, 0xC9, 0xF0];

    private readonly IDataProtector _protector;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(IDataProtectionProvider provider, byte[] hashKey)
    {
        _protector = provider.CreateProtector("CooperationModel.PersonalData.v1");
        _hashKey = hashKey;
    }

    /// <summary>For <c>dotnet ef</c>, which builds the model but never reads or writes data.</summary>
    public static PersonalDataProtector DesignTime() =>
        new(new EphemeralDataProtectionProvider(), RandomNumberGenerator.GetBytes(EncryptionOptions.KeyBytes));

    public string Hash(PersonalIdentityCode code) =>
        Convert.ToBase64String(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(code.Value)));

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    /// <summary>Decrypts; a value written before encryption came in (no Data Protection header) is returned as it is.</summary>
    public string Unprotect(string stored) =>
        stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal) ? _protector.Unprotect(stored) : stored;

    public byte[] Protect(byte[] plaintext) => _protector.Protect(plaintext);

    public byte[] Unprotect(byte[] stored) =>
        stored.AsSpan().StartsWith(ProtectedHeader) ? _protector.Unprotect(stored) : stored;

    /// <summary>Whether a stored value is encrypted (plain text from before encryption is not, until the start-up backfill).</summary>
    public static bool IsProtected(string stored) => stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal);
}
