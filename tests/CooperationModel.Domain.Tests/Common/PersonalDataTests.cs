using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Tests.Common;

public class PersonalDataTests
{
    [Theory]
    [InlineData("010190-900P")]
    [InlineData("Asiakas 131052-308T soitti")]
    [InlineData("hetu:131052-308t.")]
    [InlineData("uusi merkki 010594Y9021 käytössä")]
    [InlineData("010101A902T")]
    public void ContainsIdentityCode_FindsAValidCode(string text) => PersonalData.ContainsIdentityCode(text).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Pilotoinnit helmi-toukokuu 2018, 2018-2019")]
    [InlineData("131052-308U")] // wrong check character
    [InlineData("311352-308T")] // no such date
    [InlineData("131052G308T")] // no such century sign
    [InlineData("x131052-308T")] // part of a longer token
    [InlineData("131052-308TT")]
    public void ContainsIdentityCode_IgnoresWhatIsNoValidCode(string? text) => PersonalData.ContainsIdentityCode(text).ShouldBeFalse();
}
