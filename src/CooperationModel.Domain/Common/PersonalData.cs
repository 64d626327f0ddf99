using System.Text.RegularExpressions;
using CooperationModel.Domain.Clients;

namespace CooperationModel.Domain.Common;

/// <summary>
/// Free text in records that must hold no client data (pilots, their updates, the analysis) refuses a text that
/// contains a valid personal identity code. A candidate is any run of eleven characters shaped like a code; it counts
/// only when <see cref="PersonalIdentityCode.Parse"/> accepts it (checksum, date, century sign), so "2018-2019" passes.
/// </summary>
public static partial class PersonalData
{
    /// <summary>The error a refused text gives; the message says why without repeating the code.</summary>
    public static ValidationError ContainsCode => new("PersonalData.ContainsIdentityCode");

    public static bool ContainsIdentityCode(string? text) =>
        !string.IsNullOrEmpty(text)
        && Candidate().Matches(text).Any(m => PersonalIdentityCode.Parse(m.Value).IsSuccess);

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z](?![0-9A-Za-z])")]
    private static partial Regex Candidate();
}
