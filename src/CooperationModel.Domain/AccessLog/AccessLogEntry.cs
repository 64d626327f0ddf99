using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.AccessLog;

/// <summary>What was done with a client's data (käyttötapahtuma, Act 703/2023 on client data in social and health care).</summary>
public enum AccessAction
{
    /// <summary>Opened a record, a page or a file of one client.</summary>
    View = 1,
    /// <summary>The client was one row of a list or search result that was shown.</summary>
    List = 2,
    Create = 3,
    Change = 4,
    /// <summary>Taken out of the system as a file (a log export, a report).</summary>
    Export = 5,
    Print = 6,
    /// <summary>Removed when its retention period ended.</summary>
    Remove = 7,
    /// <summary>Personal data removed when its retention period ended; the statistics stay.</summary>
    Anonymise = 8,
}

/// <summary>Whether the access was allowed; a denied attempt is logged too.</summary>
public enum AccessResult
{
    Allowed = 1,
    Denied = 2,
}

/// <summary>
/// Why the data was used (käyttötarkoitus): the client relationship of the user's organisation, a work task that
/// is not one client's case (a log search, an admin's report), or a duty set by law (retention).
/// </summary>
public enum AccessPurpose
{
    /// <summary>Asiakkuus: the organisation handles the client's case or referral.</summary>
    ClientRelationship = 1,
    /// <summary>Työtehtävä: supervision, a log search, a report the client asked for.</summary>
    WorkTask = 2,
    /// <summary>Lakisääteinen velvoite: e.g. removal after the retention period.</summary>
    LegalDuty = 3,
}

/// <summary>The kind of record the entry is about.</summary>
public enum AccessRecordType
{
    Case = 1,
    Referral = 2,
    Message = 3,
    Attachment = 4,
    /// <summary>An organisation's access log itself: searches and exports of it are logged too.</summary>
    AccessLog = 5,
}

/// <summary>
/// One entry of an organisation's use log (käyttöloki). Append only: the app's database role may insert and read
/// entries but never change or delete them. The client is named by the keyed hash of their identity code, never in
/// plain text, so the log itself holds no readable personal data.
/// </summary>
public sealed class AccessLogEntry : ITenantOwned
{
    public const int SectionMaxLength = 40;
    public const int DetailMaxLength = 200;

    private AccessLogEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The organisation of the user, whose log this is.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Null for the system itself (a retention run).</summary>
    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public UserRole? Role { get; private set; }

    /// <summary>The keyed hash of the client's identity code; null when the record was not found (a denied attempt).</summary>
    public string? ClientKey { get; private set; }

    public AccessRecordType RecordType { get; private set; }

    public Guid? RecordId { get; private set; }

    /// <summary>The part of the record (e.g. "Description", "Messages", "Survey"); null for the whole record.</summary>
    public string? Section { get; private set; }

    public AccessAction Action { get; private set; }

    public AccessResult Result { get; private set; }

    public AccessPurpose Purpose { get; private set; }

    /// <summary>A short note without personal data, e.g. the section of law or the number of rows exported.</summary>
    public string? Detail { get; private set; }

    public static AccessLogEntry Create(
        DateTimeOffset at,
        AccessLogUser user,
        AccessRecordType recordType,
        Guid? recordId,
        string? clientKey,
        AccessAction action,
        AccessPurpose purpose,
        AccessResult result = AccessResult.Allowed,
        string? section = null,
        string? detail = null) => new()
        {
            At = at,
            OrganisationId = user.OrganisationId,
            UserId = user.UserId,
            UserName = user.Name,
            Role = user.Role,
            ClientKey = clientKey,
            RecordType = recordType,
            RecordId = recordId,
            Section = section,
            Action = action,
            Result = result,
            Purpose = purpose,
            Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail,
        };
}

/// <summary>Who an entry is written for: a signed-in user, or the system acting for an organisation (no user id).</summary>
public sealed record AccessLogUser(Guid OrganisationId, Guid? UserId, string Name, UserRole? Role)
{
    public static AccessLogUser System(Guid organisationId) => new(organisationId, null, "system", null);
}
