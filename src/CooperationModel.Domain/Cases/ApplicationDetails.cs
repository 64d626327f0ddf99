namespace CooperationModel.Domain.Cases;

/// <summary>How the application came in (stage 2).</summary>
public enum ApplicationChannel
{
    /// <summary>Verkossa kotona.</summary>
    OnlineAtHome = 1,
    /// <summary>Verkossa julkisella laitteella.</summary>
    OnlinePublicDevice = 2,
    /// <summary>Ohjattuna verkossa.</summary>
    GuidedOnline = 3,
    /// <summary>Suullisesti puhelimessa.</summary>
    OralByPhone = 4,
    /// <summary>Toimipisteessä.</summary>
    AtOffice = 5,
    /// <summary>Paperilla.</summary>
    Paper = 6,
}

/// <summary>
/// The application (hakemus): channel, the day it was received, the day it was complete (attachments in),
/// and whether the client asks for urgent handling.
/// </summary>
public sealed record ApplicationDetails(ApplicationChannel Channel, DateOnly ReceivedOn, DateOnly? CompleteOn, bool UrgentRequested);
