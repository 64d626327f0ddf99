using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Pilots;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Swot;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Common;

/// <summary>
/// The data the use cases work on. Every set of client data is filtered to the current user's organisation
/// by the implementation (named query filter "Tenant"); a use case never adds that filter by hand.
/// </summary>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<Organisation> Organisations { get; }

    DbSet<Municipality> Municipalities { get; }

    DbSet<ClientCase> Cases { get; }

    DbSet<Referral> Referrals { get; }

    DbSet<CaseEvent> CaseEvents { get; }

    /// <summary>The forwarding links; read through their referral, which decides who sees them.</summary>
    DbSet<ReferralForward> ReferralForwards { get; }

    /// <summary>Threads: each message is seen by its two organisations only.</summary>
    DbSet<ReferralMessage> Messages { get; }

    /// <summary>Files; read through their message. Project the metadata: the bytes only on download.</summary>
    DbSet<MessageAttachment> Attachments { get; }

    /// <summary>The disclosure log, seen by the disclosing and the receiving organisation. Append only.</summary>
    DbSet<Disclosure> Disclosures { get; }

    DbSet<Notification> Notifications { get; }

    /// <summary>The organisation's use log. Append only: the database refuses updates and deletes.</summary>
    DbSet<AccessLogEntry> AccessLog { get; }

    /// <summary>Every organiser's deadlines; not client data, so readable by a sender to compute the due day.</summary>
    DbSet<ReferralDeadlineSetting> DeadlineSettings { get; }

    /// <summary>Feedback on the model: seen by its sender's organisation and by the national coordination.</summary>
    DbSet<ModelFeedback> ModelFeedback { get; }

    /// <summary>The model's versions after 1.0 (drafts and published); not tenant data.</summary>
    DbSet<ModelVersion> ModelVersions { get; }

    /// <summary>The partners' directory of contacts: work contacts, no client data, every signed-in role reads them.</summary>
    DbSet<DirectoryContact> DirectoryContacts { get; }

    /// <summary>Each municipality's operating environment (key: its code): work facts, no tenant, no client data.</summary>
    DbSet<OperatingEnvironment> OperatingEnvironments { get; }

    /// <summary>The joint meetings of the model and their follow-up actions: no tenant, no client data (MeetingAccessRule).</summary>
    DbSet<JointMeeting> Meetings { get; }

    DbSet<FollowUpAction> MeetingFollowUps { get; }

    /// <summary>The development pilots: national records of the coordination, no tenant, no client data.</summary>
    DbSet<DevelopmentPilot> Pilots { get; }

    DbSet<PilotStatusChange> PilotStatusChanges { get; }

    DbSet<PilotEntry> PilotEntries { get; }

    DbSet<PilotIndicator> PilotIndicators { get; }

    DbSet<PilotEvaluationFinding> PilotEvaluationFindings { get; }

    DbSet<PilotVerdictRecord> PilotVerdicts { get; }

    /// <summary>The SWOT analyses' workshops, themes and findings (shipped for 2022): national reference data.</summary>
    DbSet<SwotWorkshop> SwotWorkshops { get; }

    DbSet<SwotTheme> SwotThemes { get; }

    DbSet<SwotFinding> SwotFindings { get; }

    /// <summary>The analysis rounds: the shipped 2022 one and those coordinators record.</summary>
    DbSet<SwotRound> SwotRounds { get; }

    /// <summary>The local agreements between a Kela district and an organiser: no tenant, no client data (AgreementAccessRule).</summary>
    DbSet<LocalAgreement> LocalAgreements { get; }

    /// <summary>
    /// The ids of the organisation's cases whose client's name contains <paramref name="folded"/> (lower case), found
    /// through the name's trigram index (<see cref="ClientNameSearch"/>).
    /// </summary>
    IQueryable<Guid> CaseIdsNamed(string folded);

    /// <summary>The ids of the referrals the organisation received whose client's name contains <paramref name="folded"/>.</summary>
    IQueryable<Guid> ReceivedReferralIdsNamed(string folded);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps one connection for the rest of this short-lived context, its queries and its save, instead of one from the
    /// pool for each (every connection opened sends the tenant setting first: a round trip). For a use case that reads
    /// more than once before it saves; the connection goes back to the pool when the context is disposed.
    /// </summary>
    Task KeepConnectionOpenAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates one short-lived context per operation (the EF Core pattern for Blazor Server).</summary>
public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);
}

public static class AppDbContextExtensions
{
    /// <summary>
    /// Saves; when someone else changed the same row first, or added the same thing a unique index allows once, that is
    /// a conflict to show, not an exception.
    /// </summary>
    public static async Task<Result> SaveOrConflictAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommonErrors.ChangedByAnother;
        }
        catch (DbUpdateException e) when (e.InnerException is DbException { SqlState: UniqueViolation })
        {
            return CommonErrors.ChangedByAnother;
        }
    }

    /// <summary>PostgreSQL's unique_violation.</summary>
    private const string UniqueViolation = "23505";
}
