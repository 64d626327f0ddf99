using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Directory;

/// <summary>A place where the client can get help in person in (or, failing that, near) their home municipality.</summary>
public enum InPersonHelp
{
    /// <summary>The Kela office in the municipality (with its opening days).</summary>
    KelaOffice = 1,

    /// <summary>Kela's service point with a remote connection (asiointipiste).</summary>
    KelaServicePoint = 2,

    /// <summary>No Kela office or service point in the municipality: the nearest Kela service point elsewhere.</summary>
    NearestKelaPointElsewhere = 3,

    /// <summary>A public computer (library, municipal office) for applying online.</summary>
    PublicComputer = 4,

    /// <summary>The social office's walk-in hours.</summary>
    SocialOfficeWalkIn = 5,

    /// <summary>The social office by appointment.</summary>
    SocialOfficeByAppointment = 6,
}

/// <summary>
/// What the handler needs from a municipality's operating environment: the service channels to recommend, primary first,
/// and where the client can get help in person. <see cref="IsAssessed"/> is false while nobody assessed the municipality:
/// then the channels are the client type's own (if any) and no place is named.
/// </summary>
public sealed record ServiceChannelAdvice(bool IsAssessed, IReadOnlyList<RecommendedChannel> Channels, IReadOnlyList<InPersonHelp> InPerson)
{
    public RecommendedChannel? Primary => Channels.Count > 0 ? Channels[0] : null;
}

/// <summary>
/// Turns a municipality's operating environment, and the client type where the case has one, into advice. The client
/// type's recommended channels (<see cref="ClientTypes.RecommendedChannelsFor"/>) are the start; without a type, online
/// first, then guided by phone, a public device and a visit. The municipality then decides what is possible there:
/// <list type="bullet">
/// <item>no public computers: a public device is not recommended (a client without devices is guided by phone or meets someone);</item>
/// <item>no Kela office and no service point: a visit means the nearest service point elsewhere, so guidance by phone or
/// remotely comes before it, as the model says of very narrow services ("by phone, online or at the nearest service point");</item>
/// <item>the in-person places are the Kela office, the service point (or the nearest one elsewhere), the public computers
/// and the social office, walk-in or by appointment.</item>
/// </list>
/// </summary>
public static class ServiceChannelAdvisor
{
    private static readonly RecommendedChannel[] WithoutClientType =
        [RecommendedChannel.SelfServiceOnline, RecommendedChannel.GuidedByPhoneOrRemote, RecommendedChannel.PublicDevice, RecommendedChannel.PersonalVisit];

    public static ServiceChannelAdvice For(OperatingEnvironmentType type, OperatingEnvironmentFacts? facts, ClientType? clientType)
    {
        IReadOnlyList<RecommendedChannel> start = clientType is { } t ? ClientTypes.RecommendedChannelsFor(t) : WithoutClientType;
        if (!type.IsAssessed() || facts is null)
        {
            return new ServiceChannelAdvice(false, clientType is null ? [] : start, []);
        }

        var channels = start.Where(channel => channel != RecommendedChannel.PublicDevice || facts.HasPublicComputers).ToList();
        if (!facts.HasKelaInPerson)
        {
            var visit = channels.IndexOf(RecommendedChannel.PersonalVisit);
            var guided = channels.IndexOf(RecommendedChannel.GuidedByPhoneOrRemote);
            if (visit >= 0 && guided > visit)
            {
                channels.RemoveAt(guided);
                channels.Insert(visit, RecommendedChannel.GuidedByPhoneOrRemote);
            }
            else if (visit >= 0 && guided < 0)
            {
                channels.Insert(visit, RecommendedChannel.GuidedByPhoneOrRemote);
            }
        }

        if (channels.Count == 0)
        {
            channels.Add(RecommendedChannel.GuidedByPhoneOrRemote);
        }

        return new ServiceChannelAdvice(true, channels, InPersonPlaces(facts));
    }

    private static List<InPersonHelp> InPersonPlaces(OperatingEnvironmentFacts facts)
    {
        var places = new List<InPersonHelp>();
        if (facts.HasKelaOffice)
        {
            places.Add(InPersonHelp.KelaOffice);
        }

        if (facts.HasKelaServicePoint)
        {
            places.Add(InPersonHelp.KelaServicePoint);
        }

        if (!facts.HasKelaInPerson)
        {
            places.Add(InPersonHelp.NearestKelaPointElsewhere);
        }

        if (facts.HasPublicComputers)
        {
            places.Add(InPersonHelp.PublicComputer);
        }

        places.Add(facts.SocialOffice == SocialOfficeReception.WalkInHours ? InPersonHelp.SocialOfficeWalkIn : InPersonHelp.SocialOfficeByAppointment);
        return places;
    }
}
