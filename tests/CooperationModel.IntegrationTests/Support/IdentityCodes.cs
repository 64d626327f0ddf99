using System.Globalization;

namespace CooperationModel.IntegrationTests.Support;

/// <summary>
/// Valid, fictitious personal identity codes (temporary individual numbers 900–999), a different one on each call,
/// so tests never collide with each other or with the demo clients.
/// </summary>
public static class IdentityCodes
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static readonly DateOnly First = new(1961, 3, 1);
    private static int _next;

    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        // A different date of birth each time, so the codes are unique whatever the individual number.
        return For(First.AddDays(n), 900 + (n % 100));
    }

    public static string For(DateOnly dateOfBirth, int individualNumber)
    {
        var date = dateOfBirth.ToString("ddMMyy", CultureInfo.InvariantCulture);
        var individual = individualNumber.ToString("000", CultureInfo.InvariantCulture);
        var number = int.Parse(date + individual, CultureInfo.InvariantCulture);
        var sign = dateOfBirth.Year switch
        {
            >= 2000 => 'A',
            >= 1900 => '-',
            _ => '+',
        };
        return $"{date}{sign}{individual}{CheckCharacters[number % 31]}";
    }
}
