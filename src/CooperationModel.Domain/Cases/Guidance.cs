using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Cases;

/// <summary>Where the client got guidance and advice (stage 1).</summary>
public enum GuidanceChannel
{
    /// <summary>Kelan verkko- tai puhelinpalvelu.</summary>
    KelaWebOrPhone = 1,
    /// <summary>Kelan toimipiste.</summary>
    KelaOffice = 2,
    /// <summary>Asiointipiste.</summary>
    ServicePoint = 3,
    /// <summary>Kunnan neuvonta.</summary>
    MunicipalAdvice = 4,
    /// <summary>Sosiaalitoimisto.</summary>
    SocialOffice = 5,
    /// <summary>Yleinen tietokone (kirjasto).</summary>
    PublicComputer = 6,
    /// <summary>Järjestö tai seurakunta.</summary>
    NgoOrParish = 7,
}

/// <summary>One guidance contact: the channel, and the client's devices and skills, which give the client type.</summary>
public sealed class GuidanceContact : ITenantOwned
{
    private GuidanceContact()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public GuidanceChannel Channel { get; private set; }

    /// <summary>The client has the devices for online services (välineet).</summary>
    public bool HasDevices { get; private set; }

    /// <summary>The client has the skills and functioning to use them (osaaminen).</summary>
    public bool HasSkills { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    internal static GuidanceContact Create(Guid caseId, Guid organisationId, GuidanceChannel channel, bool hasDevices, bool hasSkills, Actor actor, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        CaseId = caseId,
        OrganisationId = organisationId,
        At = at,
        Channel = channel,
        HasDevices = hasDevices,
        HasSkills = hasSkills,
        RecordedByUserId = actor.UserId,
    };
}
