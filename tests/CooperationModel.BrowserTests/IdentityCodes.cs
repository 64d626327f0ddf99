using System.Globalization;

namespace CooperationModel.BrowserTests;

/// <summary>Valid but fictitious Finnish identity codes: temporary individual numbers 900–999.</summary>
public static class IdentityCodes
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>Someone born in 1950–1998 ('-' century sign): 25 or over, so the under-25 rule never applies.</summary>
    public static string NewFictitious() =>
        For(new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 365 * 49)));

    /// <summary>Someone aged 20–24 on <paramref name="today"/> (born in the 2000s: century sign 'A').</summary>
    public static string NewFictitiousAged20To24(DateOnly today)
    {
        // Born between 24 years + 30 days and 20 years + 30 days ago: 20–24 whole years old, whichever the day.
        var youngest = today.AddYears(-20).AddDays(-30);
        var oldest = today.AddYears(-24).AddDays(-30);
        return For(oldest.AddDays(Random.Shared.Next(0, youngest.DayNumber - oldest.DayNumber + 1)));
    }

    private static string For(DateOnly birth)
    {
        var individual = Random.Shared.Next(900, 1000);
        var date = birth.ToString("ddMMyy", CultureInfo.InvariantCulture);
        var number = int.Parse(date + individual.ToString("000", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var century = birth.Year >= 2000 ? 'A' : '-';
        return string.Create(CultureInfo.InvariantCulture, $"{date}{century}{individual:000}{CheckCharacters[number % 31]}");
    }
}
