using System.Text.RegularExpressions;

namespace CooperationModel.Web.Components.Account;

/// <summary>Reads the codes a person types: spaces and a missing dash are forgiven, anything else is malformed.</summary>
public static partial class TwoFactorCodes
{
    /// <summary>How many recovery codes a user gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The 6 digits of an authenticator app's code ("123 456" and "123-456" too), or null when it is not one.</summary>
    public static string? Authenticator(string? typed)
    {
        var code = Without(typed, '-');
        return SixDigits().IsMatch(code) ? code : null;
    }

    /// <summary>A recovery code as Identity issued it ("ABCDE-FGHIJ"), in any case and with or without the dash; else null.</summary>
    public static string? Recovery(string? typed)
    {
        var code = Without(typed).ToUpperInvariant();
        if (code.Length == 10 && !code.Contains('-', StringComparison.Ordinal))
        {
            code = code[..5] + "-" + code[5..];
        }

        return RecoveryShape().IsMatch(code) ? code : null;
    }

    private static string Without(string? typed, params char[] characters) =>
        string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c) && !characters.Contains(c)));

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex("^[A-Z0-9]{5}-[A-Z0-9]{5}$")]
    private static partial Regex RecoveryShape();
}
