using System.Globalization;

namespace CooperationModel.BrowserTests;

/// <summary>Valid but fictitious Finnish identity codes: 1900s ('-'), temporary individual numbers 900–999.</summary>
public static class IdentityCodes
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    public static string NewFictitious()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 365 * 49));
        var individual = Random.Shared.Next(900, 1000);
        var date = birth.ToString("ddMMyy", CultureInfo.InvariantCulture);
        var number = int.Parse(date + individual.ToString("000", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{date}-{individual:000}{CheckCharacters[number % 31]}");
    }
}
