using System.Security.Cryptography;
using CooperationModel.Infrastructure.Protection;
using CooperationModel.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>
/// The Data Protection keys live in PostgreSQL, each wrapped with the key-encryption key from outside the database:
/// instances with the same key share them, a dump without the key decrypts nothing, and the key can be rotated.
/// </summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("keyring");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task DataKeys_StoredInTheDatabase_OnlyWrapped()
    {
        await using var app = Start(_database.KeyEncryptionKey);
        _ = Protector(app).Protect("Tilannekuvaus");

        var keys = await StoredKeysAsync();

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("<encryptedKey") && !xml.Contains("<masterKey"));
    }

    [Fact]
    public async Task SecondInstance_SameKeyEncryptionKey_ReadsWhatTheFirstWrote()
    {
        string ciphertext;
        await using (var first = Start(_database.KeyEncryptionKey))
        {
            ciphertext = Protector(first).Protect("Tilannekuvaus");
        }

        await using var second = Start(_database.KeyEncryptionKey);
        Protector(second).Unprotect(ciphertext).ShouldBe("Tilannekuvaus");
    }

    [Fact]
    public async Task Instance_AnotherKeyEncryptionKey_CannotReadTheData()
    {
        string ciphertext;
        await using (var first = Start(_database.KeyEncryptionKey))
        {
            ciphertext = Protector(first).Protect("Tilannekuvaus");
        }

        await using var stranger = Start(EncryptionOptions.NewKey());
        Should.Throw<CryptographicException>(() => Protector(stranger).Unprotect(ciphertext));
    }

    [Fact]
    public async Task KeyEncryptionKey_Rotated_DataKeysRewrappedAndTheOldKeyRetired()
    {
        var oldKey = _database.KeyEncryptionKey;
        var newKey = EncryptionOptions.NewKey();
        string ciphertext;
        await using (var before = Start(oldKey))
        {
            ciphertext = Protector(before).Protect("Tilannekuvaus");
        }

        // The rotation: the new key, with the old one kept for one start, which re-encrypts the stored keys.
        await using (var rotating = Start(newKey, ("Encryption:PreviousKeyEncryptionKeys:0", oldKey)))
        {
            Protector(rotating).Unprotect(ciphertext).ShouldBe("Tilannekuvaus");
        }

        var newId = KeyEncryptionKeys.IdOf(Convert.FromBase64String(newKey));
        (await StoredKeysAsync()).ShouldAllBe(xml => xml.Contains($"kek=\"{newId}\""));
        await using var after = Start(newKey);
        Protector(after).Unprotect(ciphertext).ShouldBe("Tilannekuvaus");
    }

    private AppFactory Start(string keyEncryptionKey, params (string Key, string Value)[] more)
    {
        var settings = more.ToDictionary(s => s.Key, s => s.Value);
        settings["Encryption:KeyEncryptionKey"] = keyEncryptionKey;
        var app = new AppFactory(_database, settings);
        _ = app.Services;
        return app;
    }

    private static PersonalDataProtector Protector(AppFactory app) => app.Services.GetRequiredService<PersonalDataProtector>();

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new NpgsqlConnection(_database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
