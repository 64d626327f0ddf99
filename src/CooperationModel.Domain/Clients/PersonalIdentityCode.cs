using System.Globalization;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Clients;

/// <summary>
/// A Finnish personal identity code (henkilötunnus / personbeteckning), DDMMYYCZZZQ:
/// date of birth, century sign, individual number and check character.
/// Since 2023 the 1900s may also be marked Y X W V U and the 2000s B C D E F besides - and A.
/// <see cref="ToString"/> never shows the whole code, so it cannot leak into a log by accident.
/// </summary>
public sealed record PersonalIdentityCode
{
    /// <summary>A code has 11 characters: the birth date, the century sign, the individual number and the check character.</summary>
    public const int Length = 11;

    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private PersonalIdentityCode(string value, DateOnly dateOfBirth)
    {
        Value = value;
        DateOfBirth = dateOfBirth;
    }

    /// <summary>
    /// The code an anonymised case or referral carries once its retention period has ended (the column cannot be
    /// empty): born 1 January 1800 with a temporary individual number (900-999), which no living client has. Its keyed
    /// hash is the same for every anonymised record, so an anonymised record is never found by the real client's code.
    /// </summary>
    public static PersonalIdentityCode Anonymous { get; } = FromStored("010100+900F");

    /// <summary>This is the placeholder of an anonymised record, not a client's code.</summary>
    public bool IsAnonymous => Value == Anonymous.Value;

    /// <summary>The whole code, upper case. Personal data: never log it.</summary>
    public string Value { get; }

    public DateOnly DateOfBirth { get; }

    /// <summary>The individual number (ZZZ); 900–999 are temporary codes.</summary>
    public int IndividualNumber => int.Parse(Value.AsSpan(7, 3), CultureInfo.InvariantCulture);

    public static class Errors
    {
        public static ValidationError Required => new("IdentityCode.Required");
        public static ValidationError Format => new("IdentityCode.Format");
        public static ValidationError CenturySign => new("IdentityCode.CenturySign");
        public static ValidationError Date => new("IdentityCode.Date");
        public static ValidationError IndividualNumber => new("IdentityCode.IndividualNumber");
        public static ValidationError Checksum => new("IdentityCode.Checksum");
    }

    /// <summary>Reads a code typed by a person: surrounding white space is ignored and letters may be lower case.</summary>
    public static Result<PersonalIdentityCode> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Errors.Required;
        }

        var code = input.Trim().ToUpperInvariant();
        if (code.Length != Length
            || code.AsSpan(0, 6).ContainsAnyExceptInRange('0', '9')
            || code.AsSpan(7, 3).ContainsAnyExceptInRange('0', '9'))
        {
            return Errors.Format;
        }

        var century = CenturyOf(code[6]);
        if (century is null)
        {
            return Errors.CenturySign;
        }

        var day = int.Parse(code.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(code.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var year = century.Value + int.Parse(code.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Errors.Date;
        }

        var individual = int.Parse(code.AsSpan(7, 3), CultureInfo.InvariantCulture);
        if (individual < 2)
        {
            return Errors.IndividualNumber;
        }

        var number = int.Parse(string.Concat(code.AsSpan(0, 6), code.AsSpan(7, 3)), CultureInfo.InvariantCulture);
        if (CheckCharacters[number % 31] != code[10])
        {
            return Errors.Checksum;
        }

        return new PersonalIdentityCode(code, new DateOnly(year, month, day));
    }

    /// <summary>Rebuilds a code that was valid when it was stored.</summary>
    public static PersonalIdentityCode FromStored(string value) =>
        Parse(value).TryGetValue(out var code)
            ? code
            : throw new InvalidOperationException("A stored personal identity code is not valid.");

    /// <summary>The age on a day, in whole years.</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        return DateOfBirth > day.AddYears(-age) ? age - 1 : age;
    }

    /// <summary>The date of birth part and the century sign, the rest masked: 010190-****.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 7), "****");

    public override string ToString() => Masked;

    private static int? CenturyOf(char sign) => sign switch
    {
        '+' => 1800,
        '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
        'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
        _ => null,
    };
}
