using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Tests.Referrals;

public class ConsentRuleTests
{
    private const string Field = "SituationDescription";

    [Theory]
    [InlineData("Vuokrarästejä, häätöuhka.")]
    [InlineData("  x  ")]
    public void Check_ConsentWithDescription_Succeeds(string description) =>
        ConsentRule.Check(consentGiven: true, description).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n ")]
    public void Check_ConsentWithoutDescription_FailsWithDescriptionRequired(string? description) =>
        ShouldFailWith(ConsentRule.Check(consentGiven: true, description), "Referral.DescriptionRequiredWithConsent");

    [Theory]
    [InlineData("Vuokrarästejä, häätöuhka.")]
    [InlineData(" x ")]
    public void Check_NoConsentWithDescription_FailsWithDescriptionForbidden(string description) =>
        ShouldFailWith(ConsentRule.Check(consentGiven: false, description), "Referral.DescriptionForbiddenWithoutConsent");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NoConsentWithoutDescription_Succeeds(string? description) =>
        ConsentRule.Check(consentGiven: false, description).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_DescriptionOfMaxLength_Succeeds() =>
        ConsentRule.Check(true, new string('a', ConsentRule.DescriptionMaxLength)).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_DescriptionOfMaxLengthWithSurroundingSpaces_Succeeds() =>
        ConsentRule.Check(true, $"  {new string('a', ConsentRule.DescriptionMaxLength)}\n").IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_DescriptionLongerThanMax_FailsWithDescriptionTooLong() =>
        ShouldFailWith(ConsentRule.Check(true, new string('a', ConsentRule.DescriptionMaxLength + 1)), "Referral.DescriptionTooLong");

    private static void ShouldFailWith(Result result, string code)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Errors.Count.ShouldBe(1);
        var error = result.FirstError.ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(Field);
    }
}
