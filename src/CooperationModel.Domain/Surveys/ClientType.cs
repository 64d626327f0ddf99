using System.Collections.ObjectModel;

namespace CooperationModel.Domain.Surveys;

/// <summary>
/// Asiakastyyppi / klientkategori: the client type on two axes, devices (välineet / utrustning) and
/// digital skills and functioning (osaaminen / kunnande). The shares are the model authors' estimates.
/// A client can move between types as life changes, so the type is assessed again with each survey.
/// </summary>
public enum ClientType
{
    /// <summary>Daniel Digityyppi: devices and skills; normal functioning, owns a computer and a smartphone and uses online services (~50 %).</summary>
    Digital = 1,
    /// <summary>Virpi Välineetön: skills but no devices; normal functioning, borrows a friend's computer or uses public ones (~10 %).</summary>
    NoDevices = 2,
    /// <summary>Pirkko Pelaaja: devices but reduced skills; reduced functioning or life management, uses a computer for gaming only (~20 %).</summary>
    ReducedSkills = 3,
    /// <summary>Teemu Toimintakyky: neither devices nor skills; reduced functioning or life management, learning is hard (~20 %).</summary>
    NoDevicesReducedSkills = 4,
}

/// <summary>A service channel (palvelukanava / servicekanal) through which a client applies and is served.</summary>
public enum RecommendedChannel
{
    /// <summary>Sähköinen asiointi omilla välineillä / e-tjänst med egen utrustning.</summary>
    SelfServiceOnline = 1,
    /// <summary>Sähköinen asiointi julkisella koneella (kirjasto, asiointipiste, sosiaalitoimisto) / e-tjänst på en allmän dator.</summary>
    PublicDevice = 2,
    /// <summary>Ohjattu asiointi puhelimitse tai etäyhteydellä, myös suullinen hakemus puhelimitse / handledd service per telefon eller distans.</summary>
    GuidedByPhoneOrRemote = 3,
    /// <summary>Henkilökohtainen asiointi toimistossa / personlig service på ett kontor.</summary>
    PersonalVisit = 4,
    /// <summary>Järjestön, yhdistyksen tai seurakunnan tukema hakeminen / stödd ansökan via en organisation, förening eller församling.</summary>
    SupportedByNgo = 5,
}

public static class ClientTypes
{
    public static IReadOnlyList<ClientType> All { get; } = Enum.GetValues<ClientType>();

    /// <summary>The client type from the two axes.</summary>
    public static ClientType Of(bool hasDevices, bool hasDigitalSkills) => (hasDevices, hasDigitalSkills) switch
    {
        (true, true) => ClientType.Digital,
        (false, true) => ClientType.NoDevices,
        (true, false) => ClientType.ReducedSkills,
        (false, false) => ClientType.NoDevicesReducedSkills,
    };

    /// <summary>Whether clients of the type have their own devices (computer, smartphone, connection).</summary>
    public static bool HasDevices(this ClientType type) => type switch
    {
        ClientType.Digital => true,
        ClientType.NoDevices => false,
        ClientType.ReducedSkills => true,
        ClientType.NoDevicesReducedSkills => false,
    };

    /// <summary>Whether clients of the type have the skills and functioning to use online services on their own.</summary>
    public static bool HasDigitalSkills(this ClientType type) => type switch
    {
        ClientType.Digital => true,
        ClientType.NoDevices => true,
        ClientType.ReducedSkills => false,
        ClientType.NoDevicesReducedSkills => false,
    };

    /// <summary>
    /// The channels to recommend, the primary one first. The aim of guided service is to teach the client to apply
    /// online, so a client with skills is steered to online service (own or public device); a client with reduced skills
    /// is guided by phone or remotely on their own device, or served in person, with NGO-supported applying for the
    /// special groups the seeds name; a client without devices or skills is served in person first.
    /// </summary>
    public static IReadOnlyList<RecommendedChannel> RecommendedChannelsFor(ClientType type) => type switch
    {
        ClientType.Digital => DigitalChannels,
        ClientType.NoDevices => NoDevicesChannels,
        ClientType.ReducedSkills => ReducedSkillsChannels,
        ClientType.NoDevicesReducedSkills => NoDevicesReducedSkillsChannels,
    };

    private static readonly ReadOnlyCollection<RecommendedChannel> DigitalChannels =
        new([RecommendedChannel.SelfServiceOnline, RecommendedChannel.GuidedByPhoneOrRemote]);

    private static readonly ReadOnlyCollection<RecommendedChannel> NoDevicesChannels =
        new([RecommendedChannel.PublicDevice, RecommendedChannel.GuidedByPhoneOrRemote, RecommendedChannel.PersonalVisit]);

    private static readonly ReadOnlyCollection<RecommendedChannel> ReducedSkillsChannels =
        new([RecommendedChannel.GuidedByPhoneOrRemote, RecommendedChannel.PersonalVisit, RecommendedChannel.SupportedByNgo]);

    private static readonly ReadOnlyCollection<RecommendedChannel> NoDevicesReducedSkillsChannels =
        new([RecommendedChannel.PersonalVisit, RecommendedChannel.SupportedByNgo, RecommendedChannel.GuidedByPhoneOrRemote]);
}
