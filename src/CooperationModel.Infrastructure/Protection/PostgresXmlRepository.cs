using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CooperationModel.Infrastructure.Protection;

/// <summary>
/// The Data Protection key ring in PostgreSQL (table data_protection_keys), so every app instance shares the keys
/// that protect cookies, antiforgery tokens and personal data at rest. Each key is stored encrypted with the
/// key-encryption key (<see cref="AesGcmXmlEncryptor"/> or a certificate): the table alone decrypts nothing.
/// </summary>
public sealed class PostgresXmlRepository(string connectionString) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// After a rotation of the key-encryption key: re-encrypts every data key that an earlier key-encryption key
    /// encrypted with the current one, so the earlier one can be retired. Returns how many were re-encrypted.
    /// </summary>
    public async Task<int> RewrapAsync(KeyEncryptionKeys keys, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var stale = new List<(int Id, XElement Xml)>();
        await using (var select = new NpgsqlCommand("SELECT id, xml FROM data_protection_keys ORDER BY id", connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var xml = XElement.Parse(reader.GetString(1));
                if (xml.Descendants("encryptedKey").Any(e => (string?)e.Attribute("kek") != keys.CurrentId))
                {
                    stale.Add((reader.GetInt32(0), xml));
                }
            }
        }

        var encryptor = new AesGcmXmlEncryptor(keys);
        foreach (var (id, xml) in stale)
        {
            foreach (var encrypted in xml.Descendants("encryptedKey").Where(e => (string?)e.Attribute("kek") != keys.CurrentId).ToList())
            {
                var secret = AesGcmXmlEncryptor.Decrypt(encrypted, keys);
                encrypted.ReplaceWith(encryptor.Encrypt(secret).EncryptedElement);
            }

            await using var update = new NpgsqlCommand("UPDATE data_protection_keys SET xml = @xml WHERE id = @id", connection);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("xml", xml.ToString(SaveOptions.DisableFormatting));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return stale.Count;
    }
}

/// <summary>Re-encrypts data keys under the current key-encryption key at start when earlier ones are configured.</summary>
public sealed partial class KeyRewrapService(PostgresXmlRepository repository, KeyEncryptionKeys keys, EncryptionOptions options, ILogger<KeyRewrapService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.PreviousKeyEncryptionKeys.Length == 0)
        {
            return;
        }

        var count = await repository.RewrapAsync(keys, cancellationToken);
        LogRewrapped(logger, count, keys.CurrentId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Count} data protection keys with key-encryption key {KeyId}")]
    private static partial void LogRewrapped(ILogger logger, int count, string keyId);
}
