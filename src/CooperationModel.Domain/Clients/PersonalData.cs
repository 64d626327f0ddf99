using System.Text.RegularExpressions;

namespace CooperationModel.Domain.Clients;

/// <summary>
/// The rule that keeps clients' personal data out of records that must not hold any (feedback on the model, the
/// coordinators' pilots): a free text that contains a valid personal identity code is refused. One place, reused.
/// </summary>
public static partial class PersonalData
{
    /// <summary>The error a field gets when its text contains a valid identity code.</summary>
    public const string ContainsIdentityCodeCode = "PersonalData.ContainsIdentityCode";

    /// <summary>
    /// Whether the text contains a valid personal identity code anywhere (also glued to other characters, in lower case,
    /// with any century sign of 2023): every candidate of the code's shape is checked with its date and check character,
    /// so a reference number that only looks like one passes.
    /// </summary>
    public static bool ContainsIdentityCode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // Overlapping candidates: a lookahead finds every start position, so "1010101-..." cannot hide a code.
        foreach (Match match in Candidate().Matches(text))
        {
            if (PersonalIdentityCode.Parse(match.Groups[1].Value).IsSuccess)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?=([0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
