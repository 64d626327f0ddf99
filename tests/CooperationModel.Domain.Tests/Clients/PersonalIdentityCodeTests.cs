using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Tests.Clients;

// Check characters below were computed outside the production code:
// "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(DDMMYY + ZZZ) % 31].
public class PersonalIdentityCodeTests
{
    [Theory]
    [InlineData("311299+0029", 1899, 12, 31)]
    [InlineData("131052-308T", 1952, 10, 13)]
    [InlineData("010594Y017F", 1994, 5, 1)]
    [InlineData("150875X254N", 1975, 8, 15)]
    [InlineData("020290W801Y", 1990, 2, 2)]
    [InlineData("300665V9033", 1965, 6, 30)]
    [InlineData("170381U468C", 1981, 3, 17)]
    [InlineData("010101A123N", 2001, 1, 1)]
    [InlineData("010110B235L", 2010, 1, 1)]
    [InlineData("230714C542K", 2014, 7, 23)]
    [InlineData("051120D8998", 2020, 11, 5)]
    [InlineData("280221E0069", 2021, 2, 28)]
    [InlineData("090925F444U", 2025, 9, 9)]
    public void Parse_EveryCenturySign_ReadsDateOfBirthInThatCentury(string input, int year, int month, int day)
    {
        var result = PersonalIdentityCode.Parse(input);

        result.IsSuccess.ShouldBeTrue();
        result.Value.Value.ShouldBe(input);
        result.Value.DateOfBirth.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("290200A1239", 2000)]
    [InlineData("290224-123F", 1924)]
    public void Parse_LeapDayInLeapYear_Succeeds(string input, int year)
    {
        var result = PersonalIdentityCode.Parse(input);

        result.IsSuccess.ShouldBeTrue();
        result.Value.DateOfBirth.ShouldBe(new DateOnly(year, 2, 29));
    }

    [Theory]
    [InlineData("131052-308t")]
    [InlineData("  131052-308T  ")]
    [InlineData("\t131052-308t\n")]
    public void Parse_LowerCaseOrSurroundingWhiteSpace_IsNormalised(string input)
    {
        var result = PersonalIdentityCode.Parse(input);

        result.IsSuccess.ShouldBeTrue();
        result.Value.Value.ShouldBe("131052-308T");
    }

    [Fact]
    public void Parse_LowerCaseCenturySign_IsAccepted()
    {
        var result = PersonalIdentityCode.Parse("010101a123n");

        result.IsSuccess.ShouldBeTrue();
        result.Value.Value.ShouldBe("010101A123N");
        result.Value.DateOfBirth.Year.ShouldBe(2001);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NullOrBlank_FailsWithRequired(string? input) =>
        ShouldFailWith(input, "IdentityCode.Required");

    [Theory]
    [InlineData("131052G308T")]
    [InlineData("131052Z308T")]
    [InlineData("131052*308T")]
    public void Parse_UnknownCenturySign_FailsWithCenturySign(string input) =>
        ShouldFailWith(input, "IdentityCode.CenturySign");

    [Theory]
    [InlineData("131052-308U")]
    [InlineData("131052-308S")]
    [InlineData("131052-3080")]
    [InlineData("131053-308T")]
    [InlineData("131052-380T")]
    public void Parse_WrongCheckCharacter_FailsWithChecksum(string input) =>
        ShouldFailWith(input, "IdentityCode.Checksum");

    [Theory]
    [InlineData("310290-123T")] // 31 February
    [InlineData("290223-1237")] // 1923 is not a leap year
    [InlineData("290200-1239")] // 1900 is not a leap year
    [InlineData("290200+1239")] // 1800 is not a leap year
    [InlineData("011390-123A")] // month 13
    [InlineData("000190-1230")] // day 00
    [InlineData("320190-123M")] // day 32
    public void Parse_ImpossibleDate_FailsWithDate(string input) =>
        ShouldFailWith(input, "IdentityCode.Date");

    [Theory]
    [InlineData("010190-000N")]
    [InlineData("010190-001P")]
    public void Parse_IndividualNumberBelow002_FailsWithIndividualNumber(string input) =>
        ShouldFailWith(input, "IdentityCode.IndividualNumber");

    [Theory]
    [InlineData("010190-002R", 2)]
    [InlineData("010190-999W", 999)]
    public void Parse_IndividualNumberFrom002To999_Succeeds(string input, int individualNumber)
    {
        var result = PersonalIdentityCode.Parse(input);

        result.IsSuccess.ShouldBeTrue();
        result.Value.IndividualNumber.ShouldBe(individualNumber);
    }

    [Theory]
    [InlineData("131052-308")]
    [InlineData("131052-308TT")]
    [InlineData("31052-308T")]
    [InlineData("1310520308T0")]
    [InlineData("13105Z-308T")]
    [InlineData("131052-3O8T")]
    [InlineData("13-10-52-308T")]
    [InlineData("131052-30 T")]
    [InlineData("１31052-308T")] // a full-width digit
    public void Parse_WrongLengthOrNonDigits_FailsWithFormat(string input) =>
        ShouldFailWith(input, "IdentityCode.Format");

    [Fact]
    public void ToString_ValidCode_ShowsOnlyTheMaskedCode()
    {
        var code = PersonalIdentityCode.Parse("131052-308T").Value;

        code.ToString().ShouldBe("131052-****");
        code.ToString().ShouldNotContain("308T");
        $"client {code}".ShouldBe("client 131052-****");
    }

    [Theory]
    [InlineData("131052-308T", "131052-****")]
    [InlineData("010101a123n", "010101A****")]
    [InlineData("311299+0029", "311299+****")]
    public void Masked_ValidCode_KeepsDateAndCenturySignOnly(string input, string masked) =>
        PersonalIdentityCode.Parse(input).Value.Masked.ShouldBe(masked);

    [Theory]
    [InlineData("2025-10-12", 72)]
    [InlineData("2025-10-13", 73)]
    [InlineData("2025-10-14", 73)]
    [InlineData("1952-10-13", 0)]
    [InlineData("1953-10-12", 0)]
    [InlineData("1953-10-13", 1)]
    public void AgeOn_Day_CountsWholeYears(string day, int age) =>
        PersonalIdentityCode.Parse("131052-308T").Value
            .AgeOn(DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(age);

    [Fact]
    public void FromStored_ValidCode_RebuildsEqualCode() =>
        PersonalIdentityCode.FromStored("131052-308T").ShouldBe(PersonalIdentityCode.Parse("131052-308T").Value);

    [Fact]
    public void FromStored_InvalidCode_Throws() =>
        Should.Throw<InvalidOperationException>(() => PersonalIdentityCode.FromStored("131052-308U"));

    private static void ShouldFailWith(string? input, string code)
    {
        var result = PersonalIdentityCode.Parse(input);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.ShouldBeOfType<ValidationError>().Code.ShouldBe(code);
    }
}
