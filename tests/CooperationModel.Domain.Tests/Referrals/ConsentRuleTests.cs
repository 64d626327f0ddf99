using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Tests.Referrals;

public class ConsentRuleTests
{
    private const string Field = "SituationDescription";

    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly ConsentRecord Given = ConsentRecord.GivenIn(ConsentMethod.Phone, Today.AddDays(-1));

    [Theory]
    [InlineData("Vuokrarästejä, häätöuhka.")]
    [InlineData("  x  ")]
    public void Check_ConsentWithDescription_Succeeds(string description) =>
        ConsentRule.Check(Given, description, Today).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n ")]
    public void Check_ConsentWithoutDescription_FailsWithDescriptionRequired(string? description) =>
        ShouldFailWith(ConsentRule.Check(Given, description, Today), "Referral.DescriptionRequiredWithConsent");

    [Theory]
    [InlineData("Vuokrarästejä, häätöuhka.")]
    [InlineData(" x ")]
    public void Check_NoConsentWithDescription_FailsWithDescriptionForbidden(string description) =>
        ShouldFailWith(ConsentRule.Check(ConsentRecord.NotGiven, description, Today), "Referral.DescriptionForbiddenWithoutConsent");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NoConsentWithoutDescription_Succeeds(string? description) =>
        ConsentRule.Check(ConsentRecord.NotGiven, description, Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_DescriptionOfMaxLength_Succeeds() =>
        ConsentRule.Check(Given, new string('a', ConsentRule.DescriptionMaxLength), Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_DescriptionOfMaxLengthWithSurroundingSpaces_Succeeds() =>
        ConsentRule.Check(Given, $"  {new string('a', ConsentRule.DescriptionMaxLength)}\n", Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_DescriptionLongerThanMax_FailsWithDescriptionTooLong() =>
        ShouldFailWith(ConsentRule.Check(Given, new string('a', ConsentRule.DescriptionMaxLength + 1), Today), "Referral.DescriptionTooLong");

    private static void ShouldFailWith(Result result, string code)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Errors.Count.ShouldBe(1);
        var error = result.FirstError.ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(Field);
    }
}
