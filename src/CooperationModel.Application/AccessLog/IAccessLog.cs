using CooperationModel.Application.Common;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Clients;

namespace CooperationModel.Application.AccessLog;

/// <summary>
/// Writes the use log (käyttöloki) entries of what a handler showed: a record opened, each client of a list page, a
/// record asked for but not found (denied). Entries are added to the handler's context and go in with its next save,
/// one multi-row insert; creations and changes are logged by the save itself (the access log interceptor).
/// Only signed-in users are logged here: a system job writes its own entries with <see cref="AccessLogUser.System"/>.
/// </summary>
public interface IAccessLog
{
    /// <summary>A record of one client was opened (or a section of it, <see cref="AccessSections"/>).</summary>
    void Viewed(IAppDbContext db, AccessRecordType type, Guid recordId, PersonalIdentityCode client, string? section = null);

    /// <summary>Each client row actually shown on a list page.</summary>
    void Listed(IAppDbContext db, AccessRecordType type, IEnumerable<(Guid RecordId, PersonalIdentityCode Client)> rows);

    /// <summary>A record asked for that the user's organisation may not see (or that does not exist): no client key.</summary>
    void Denied(IAppDbContext db, AccessRecordType type, Guid recordId, string? section = null);

    /// <summary>Any other entry, e.g. a log search (<see cref="AccessPurpose.WorkTask"/>).</summary>
    void Add(
        IAppDbContext db,
        AccessRecordType type,
        Guid? recordId,
        string? clientKey,
        AccessAction action,
        AccessPurpose purpose,
        string? section = null,
        string? detail = null);
}

public sealed class AccessLogWriter(ICurrentUser user, TimeProvider clock, IIdentityCodeHasher identityCodes) : IAccessLog
{
    public void Viewed(IAppDbContext db, AccessRecordType type, Guid recordId, PersonalIdentityCode client, string? section = null) =>
        Write(db, type, recordId, identityCodes.Hash(client), AccessAction.View, AccessPurpose.ClientRelationship, AccessResult.Allowed, section, null);

    public void Listed(IAppDbContext db, AccessRecordType type, IEnumerable<(Guid RecordId, PersonalIdentityCode Client)> rows)
    {
        foreach (var (recordId, client) in rows)
        {
            Write(db, type, recordId, identityCodes.Hash(client), AccessAction.List, AccessPurpose.ClientRelationship, AccessResult.Allowed, null, null);
        }
    }

    public void Denied(IAppDbContext db, AccessRecordType type, Guid recordId, string? section = null) =>
        Write(db, type, recordId, null, AccessAction.View, AccessPurpose.ClientRelationship, AccessResult.Denied, section, null);

    public void Add(
        IAppDbContext db,
        AccessRecordType type,
        Guid? recordId,
        string? clientKey,
        AccessAction action,
        AccessPurpose purpose,
        string? section = null,
        string? detail = null) =>
        Write(db, type, recordId, clientKey, action, purpose, AccessResult.Allowed, section, detail);

    private void Write(
        IAppDbContext db,
        AccessRecordType type,
        Guid? recordId,
        string? clientKey,
        AccessAction action,
        AccessPurpose purpose,
        AccessResult result,
        string? section,
        string? detail)
    {
        if (!user.IsAuthenticated)
        {
            return;
        }

        db.AccessLog.Add(AccessLogEntry.Create(
            clock.GetUtcNow(), UserOf(user), type, recordId, clientKey, action, purpose, result, section, detail));
    }

    /// <summary>The user an entry names: who, in which organisation and role.</summary>
    public static AccessLogUser UserOf(ICurrentUser user) => new(user.OrganisationId, user.UserId, user.DisplayName, user.Role);
}

/// <summary>The sections an entry may name; short, stable codes (not localised text).</summary>
public static class AccessSections
{
    public const string Messages = "Messages";
    public const string Forward = "Forward";
}
