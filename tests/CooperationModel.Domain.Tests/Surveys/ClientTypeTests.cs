using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Tests.Surveys;

public class ClientTypeTests
{
    [Theory]
    [InlineData(true, true, ClientType.Digital)]
    [InlineData(false, true, ClientType.NoDevices)]
    [InlineData(true, false, ClientType.ReducedSkills)]
    [InlineData(false, false, ClientType.NoDevicesReducedSkills)]
    public void Of_TwoAxes_GiveTheType(bool hasDevices, bool hasDigitalSkills, ClientType type)
    {
        ClientTypes.Of(hasDevices, hasDigitalSkills).ShouldBe(type);
        type.HasDevices().ShouldBe(hasDevices);
        type.HasDigitalSkills().ShouldBe(hasDigitalSkills);
    }

    [Theory]
    [InlineData(ClientType.Digital, new[] { RecommendedChannel.SelfServiceOnline, RecommendedChannel.GuidedByPhoneOrRemote })]
    [InlineData(ClientType.NoDevices, new[] { RecommendedChannel.PublicDevice, RecommendedChannel.GuidedByPhoneOrRemote, RecommendedChannel.PersonalVisit })]
    [InlineData(ClientType.ReducedSkills, new[] { RecommendedChannel.GuidedByPhoneOrRemote, RecommendedChannel.PersonalVisit, RecommendedChannel.SupportedByNgo })]
    [InlineData(ClientType.NoDevicesReducedSkills, new[] { RecommendedChannel.PersonalVisit, RecommendedChannel.SupportedByNgo, RecommendedChannel.GuidedByPhoneOrRemote })]
    public void RecommendedChannelsFor_PrimaryFirst(ClientType type, RecommendedChannel[] channels) =>
        ClientTypes.RecommendedChannelsFor(type).ShouldBe(channels);

    [Fact]
    public void RecommendedChannelsFor_EveryTypeHasDistinctChannels() =>
        ClientTypes.All.ShouldAllBe(type =>
            ClientTypes.RecommendedChannelsFor(type).Count > 0
            && ClientTypes.RecommendedChannelsFor(type).Distinct().Count() == ClientTypes.RecommendedChannelsFor(type).Count);

    [Fact]
    public void RecommendedChannelsFor_OwnDevicesOnlyForClientsWithDevicesAndSkills() =>
        ClientTypes.All
            .Where(type => ClientTypes.RecommendedChannelsFor(type).Contains(RecommendedChannel.SelfServiceOnline))
            .ShouldBe([ClientType.Digital]);

    [Fact]
    public void RecommendedChannelsFor_CannotBeChangedByACaller() =>
        ClientTypes.RecommendedChannelsFor(ClientType.Digital).ShouldNotBeAssignableTo<RecommendedChannel[]>();

    [Fact]
    public void EveryChannelIsRecommendedForSomeType() =>
        Enum.GetValues<RecommendedChannel>().ShouldAllBe(channel =>
            ClientTypes.All.Any(type => ClientTypes.RecommendedChannelsFor(type).Contains(channel)));
}
