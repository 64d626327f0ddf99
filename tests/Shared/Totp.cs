using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CooperationModel.Tests.Shared;

/// <summary>
/// An authenticator app in a few lines: the RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) of a base32 key as the
/// enrolment page shows it. Written from the RFCs, not with the app's code, so the tests check the app against them.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for <paramref name="at"/> (now by default); the key may be grouped and in any case ("abcd efgh …").</summary>
    public static string Code(string key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(key), counter);

        // RFC 4226 dynamic truncation: 31 bits from the offset the last nibble names, then the last 6 decimal digits.
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFF_FFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Six digits that are not the code now, nor of the steps around it that a server may accept for clock drift.</summary>
    public static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(n => new string((char)('0' + n), 6)).First(code => !valid.Contains(code));
    }

    /// <summary>RFC 4648 base32 without padding; spaces are ignored.</summary>
    public static byte[] FromBase32(string key)
    {
        var text = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
