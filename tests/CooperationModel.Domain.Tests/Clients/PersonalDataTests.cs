using CooperationModel.Domain.Clients;

namespace CooperationModel.Domain.Tests.Clients;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("010190-900P")]
    [InlineData("Asiakas 010190-900P soitti")]
    [InlineData("hetu:010190-900p.")]
    [InlineData("x131052-308Tx")]
    [InlineData("Ensin 1234 sitten 010594Y9032 ja loppu")]
    [InlineData("0101010190-900P")]
    [InlineData("uusi merkki 010594Y9021 käytössä")]
    [InlineData("010101A902T")]
    public void ContainsIdentityCode_ValidCodeAnywhere_True(string text) =>
        PersonalData.ContainsIdentityCode(text).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Vaihe 5 toimii hyvin.")]
    [InlineData("010190-900A")]
    [InlineData("320190-900P")]
    [InlineData("010190*900P")]
    [InlineData("Puhelin 020692207 ja 0106-2024")]
    [InlineData("Pilotoinnit helmi-toukokuu 2018, 2018-2019")]
    [InlineData("311352-308T")]
    [InlineData("131052G308T")]
    public void ContainsIdentityCode_NoValidCode_False(string? text) =>
        PersonalData.ContainsIdentityCode(text).ShouldBeFalse();
}
