using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Tests.Directory;

/// <summary>What the handler recommends, and where the client gets help in person, from the municipality's environment.</summary>
public class ServiceChannelAdvisorTests
{
    private static OperatingEnvironmentFacts Typical(OperatingEnvironmentType type) => OperatingEnvironmentTypes.TypicalFacts(type)!;

    [Fact]
    public void NotAssessed_KeepsTheClientTypesChannels_AndNamesNoPlace()
    {
        var advice = ServiceChannelAdvisor.For(OperatingEnvironmentType.NotAssessed, null, ClientType.NoDevices);

        advice.IsAssessed.ShouldBeFalse();
        advice.Channels.ShouldBe(ClientTypes.RecommendedChannelsFor(ClientType.NoDevices));
        advice.InPerson.ShouldBeEmpty();
        ServiceChannelAdvisor.For(OperatingEnvironmentType.NotAssessed, null, null).Channels.ShouldBeEmpty();
    }

    [Fact]
    public void WideServices_KeepTheClientTypesOrder_AndNameTheOfficeAndTheWalkIn()
    {
        var advice = ServiceChannelAdvisor.For(OperatingEnvironmentType.Wide, Typical(OperatingEnvironmentType.Wide), ClientType.NoDevicesReducedSkills);

        advice.Channels.ShouldBe(ClientTypes.RecommendedChannelsFor(ClientType.NoDevicesReducedSkills));
        advice.Primary.ShouldBe(RecommendedChannel.PersonalVisit);
        advice.InPerson.ShouldBe([InPersonHelp.KelaOffice, InPersonHelp.PublicComputer, InPersonHelp.SocialOfficeWalkIn]);
    }

    [Fact]
    public void NoKelaOfficeNorServicePoint_PutsPhoneBeforeAVisit_AtTheNearestPointElsewhere()
    {
        var advice = ServiceChannelAdvisor.For(OperatingEnvironmentType.VeryNarrow, Typical(OperatingEnvironmentType.VeryNarrow), ClientType.NoDevicesReducedSkills);

        advice.Primary.ShouldBe(RecommendedChannel.GuidedByPhoneOrRemote);
        advice.Channels.ShouldBe([RecommendedChannel.GuidedByPhoneOrRemote, RecommendedChannel.PersonalVisit, RecommendedChannel.SupportedByNgo]);
        advice.InPerson.ShouldBe([InPersonHelp.NearestKelaPointElsewhere, InPersonHelp.PublicComputer, InPersonHelp.SocialOfficeByAppointment]);
    }

    [Fact]
    public void AServicePoint_CountsAsMeetingKelaInPerson()
    {
        var advice = ServiceChannelAdvisor.For(OperatingEnvironmentType.Narrow, Typical(OperatingEnvironmentType.Narrow), ClientType.NoDevicesReducedSkills);

        advice.Primary.ShouldBe(RecommendedChannel.PersonalVisit);
        advice.InPerson.ShouldContain(InPersonHelp.KelaServicePoint);
        advice.InPerson.ShouldNotContain(InPersonHelp.NearestKelaPointElsewhere);
    }

    [Fact]
    public void PublicComputers_MakeAPublicDeviceTheChoiceForAClientWithoutDevices_AndWithoutThemPhoneComesFirst()
    {
        var withComputers = Typical(OperatingEnvironmentType.Wide);
        ServiceChannelAdvisor.For(OperatingEnvironmentType.Wide, withComputers, ClientType.NoDevices).Primary.ShouldBe(RecommendedChannel.PublicDevice);

        var advice = ServiceChannelAdvisor.For(OperatingEnvironmentType.Wide, withComputers with { HasPublicComputers = false }, ClientType.NoDevices);
        advice.Primary.ShouldBe(RecommendedChannel.GuidedByPhoneOrRemote);
        advice.Channels.ShouldNotContain(RecommendedChannel.PublicDevice);
        advice.InPerson.ShouldNotContain(InPersonHelp.PublicComputer);
    }

    [Fact]
    public void WithoutAClientType_OnlineFirst_ThenWhatTheMunicipalityOffers()
    {
        ServiceChannelAdvisor.For(OperatingEnvironmentType.VeryNarrow, Typical(OperatingEnvironmentType.VeryNarrow) with { HasPublicComputers = false }, null).Channels
            .ShouldBe([RecommendedChannel.SelfServiceOnline, RecommendedChannel.GuidedByPhoneOrRemote, RecommendedChannel.PersonalVisit]);
    }
}
