using System.Text;
using QRCoder;

namespace CooperationModel.Web.Components.Account;

/// <summary>What an authenticator app needs to set itself up: the shared key, readable, and the otpauth:// link as a QR code.</summary>
public static class AuthenticatorSetup
{
    /// <summary>The issuer the authenticator app shows next to the account.</summary>
    public const string Issuer = "CooperationModel";

    /// <summary>The base32 key in groups of four, lower case, for typing into the app by hand.</summary>
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var start = 0; start < key.Length; start += 4)
        {
            formatted.Append(key.AsSpan(start, Math.Min(4, key.Length - start))).Append(' ');
        }

        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The key URI format of authenticator apps: otpauth://totp/Issuer:account?secret=…&amp;issuer=Issuer&amp;digits=6.</summary>
    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The URI as a QR code: a PNG in a data: URI (the content security policy allows data: images, not inline scripts).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
