using CooperationModel.Application.Common;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
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
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Notifications;
using CooperationModel.Infrastructure.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Persistence;

/// <summary>
/// The app's database. Client data is filtered to the current user's organisation by the named query filter
/// <see cref="TenantFilter"/>: a case to its Kela district, a referral to its sender and its receiver. PostgreSQL's
/// row-level security holds the same line underneath (<see cref="Interceptors.TenantSessionInterceptor"/>).
/// Migrations: <c>dotnet ef migrations add Name --project src/CooperationModel.Infrastructure</c>.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser user, PersonalDataProtector protector)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IAppDbContext
{
    public const string TenantFilter = "Tenant";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<KelaDistrict> KelaDistricts => Set<KelaDistrict>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<ClientCase> Cases => Set<ClientCase>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<ReferralForward> ReferralForwards => Set<ReferralForward>();

    public DbSet<ReferralMessage> Messages => Set<ReferralMessage>();

    public DbSet<MessageAttachment> Attachments => Set<MessageAttachment>();

    public DbSet<Disclosure> Disclosures => Set<Disclosure>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ReferralDeadlineSetting> DeadlineSettings => Set<ReferralDeadlineSetting>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<ModelFeedback> ModelFeedback => Set<ModelFeedback>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<DirectoryContact> DirectoryContacts => Set<DirectoryContact>();

    public DbSet<OperatingEnvironment> OperatingEnvironments => Set<OperatingEnvironment>();

    public DbSet<JointMeeting> Meetings => Set<JointMeeting>();

    public DbSet<FollowUpAction> MeetingFollowUps => Set<FollowUpAction>();

    public DbSet<DevelopmentPilot> Pilots => Set<DevelopmentPilot>();

    public DbSet<PilotStatusChange> PilotStatusChanges => Set<PilotStatusChange>();

    public DbSet<PilotEntry> PilotEntries => Set<PilotEntry>();

    public DbSet<PilotIndicator> PilotIndicators => Set<PilotIndicator>();

    public DbSet<PilotEvaluationFinding> PilotEvaluationFindings => Set<PilotEvaluationFinding>();

    public DbSet<PilotVerdictRecord> PilotVerdicts => Set<PilotVerdictRecord>();

    public DbSet<SwotWorkshop> SwotWorkshops => Set<SwotWorkshop>();

    public DbSet<SwotTheme> SwotThemes => Set<SwotTheme>();

    public DbSet<SwotFinding> SwotFindings => Set<SwotFinding>();

    public DbSet<SwotRound> SwotRounds => Set<SwotRound>();

    public DbSet<LocalAgreement> LocalAgreements => Set<LocalAgreement>();

    internal ICurrentUser User => user;

    public Task KeepConnectionOpenAsync(CancellationToken cancellationToken = default) => Database.OpenConnectionAsync(cancellationToken);

    // The functions of migration NameSearch: they apply the tenant themselves (see there why).
    public IQueryable<Guid> CaseIdsNamed(string folded) =>
        Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM app_case_ids_named({folded})");

    public IQueryable<Guid> ReceivedReferralIdsNamed(string folded) =>
        Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM app_received_referral_ids_named({folded})");

    /// <summary>
    /// Saves; a save that signals open pages (<see cref="ChangeSignalInterceptor"/>) and is in no transaction yet gets one
    /// of its own, so its rows and the signal are committed together: one commit, one WAL flush, instead of the save's and
    /// the signal's. Anything that fails, a conflict included, rolls it back.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !ChangeSignalInterceptor.Signals(this))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The rows are written: their commit is not given up when the caller stops waiting.
        await transaction.CommitAsync(CancellationToken.None);
        return saved;
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !ChangeSignalInterceptor.Signals(this))
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.BeginTransaction();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction.Commit();
        return saved;
    }

    /// <summary>Encrypts the personal data columns; the model is built per protector (<see cref="ProtectorModelCacheKeyFactory"/>).</summary>
    internal PersonalDataProtector Protector => protector;

    /// <summary>Read by the query filters on every query, so each context instance filters to its own user.</summary>
    private Guid CurrentOrganisationId => user.OrganisationId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigrams for the search by part of a name, and btree_gin so its index can start with the tenant (both trusted
        // extensions: the database's owner creates them in the migration).
        builder.HasPostgresExtension("pg_trgm").HasPostgresExtension("btree_gin");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        PersonalDataColumns.Apply(builder, protector);

        builder.Entity<ClientCase>().HasQueryFilter(TenantFilter, c => c.OrganisationId == CurrentOrganisationId);
        builder.Entity<CaseEvent>().HasQueryFilter(TenantFilter, e => e.OrganisationId == CurrentOrganisationId);
        builder.Entity<GuidanceContact>().HasQueryFilter(TenantFilter, g => g.OrganisationId == CurrentOrganisationId);
        builder.Entity<Referral>().HasQueryFilter(
            TenantFilter,
            r => r.SenderOrganisationId == CurrentOrganisationId
                || r.ReceiverOrganisationId == CurrentOrganisationId
                || r.Forwards.Any(f => f.ToOrganisationId == CurrentOrganisationId));
        // A thread is read by its two organisations only, even within the chain.
        builder.Entity<ReferralMessage>().HasQueryFilter(
            TenantFilter, m => m.FromOrganisationId == CurrentOrganisationId || m.ToOrganisationId == CurrentOrganisationId);
        builder.Entity<Disclosure>().HasQueryFilter(
            TenantFilter, d => d.FromOrganisationId == CurrentOrganisationId || d.ToOrganisationId == CurrentOrganisationId);
        builder.Entity<Notification>().HasQueryFilter(TenantFilter, n => n.OrganisationId == CurrentOrganisationId);
        builder.Entity<AccessLogEntry>().HasQueryFilter(TenantFilter, e => e.OrganisationId == CurrentOrganisationId);
        // Feedback on the model is shared by two, like a referral: its sender's organisation and the national coordination.
        builder.Entity<ModelFeedback>().HasQueryFilter(
            TenantFilter, f => f.OrganisationId == CurrentOrganisationId || f.CoordinationOrganisationId == CurrentOrganisationId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().HaveMaxLength(256);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
