using System.Text.Json;
using System.Text.Json.Serialization;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

public sealed class ClientCaseConfiguration : IEntityTypeConfiguration<ClientCase>
{
    /// <summary>A base64 HMAC-SHA256.</summary>
    public const int IdentityCodeHashLength = 44;

    public void Configure(EntityTypeBuilder<ClientCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ClientName).HasMaxLength(ClientCase.ClientNameMaxLength);
        FoldedName(builder);
        // The identity code and the survey are encrypted (PersonalDataColumns); the keyed hash finds a client.
        builder.Property<string>(IdentityCodeLookup.HashProperty).HasMaxLength(IdentityCodeHashLength).IsRequired();
        builder.Property(c => c.HomeMunicipalityCode).HasMaxLength(3);

        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.HomeMunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OpenedByUserId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsOne(c => c.Application, application =>
        {
            application.Property(a => a.Channel).HasColumnName("application_channel");
            application.Property(a => a.ReceivedOn).HasColumnName("application_received_on");
            application.Property(a => a.CompleteOn).HasColumnName("application_complete_on");
            application.Property(a => a.UrgentRequested).HasColumnName("application_urgent_requested");
        });
        builder.OwnsOne(c => c.Decision, decision =>
        {
            decision.Property(d => d.Outcome).HasColumnName("decision_outcome");
            decision.Property(d => d.DecidedOn).HasColumnName("decided_on");
            decision.Property(d => d.SignalToOtherBenefits).HasColumnName("decision_signal_to_other_benefits");
            decision.Property(d => d.SignalToSocialServices).HasColumnName("decision_signal_to_social_services");
            decision.Property(d => d.Clarity).HasColumnName("decision_clarity");
            decision.Property(d => d.Correctness).HasColumnName("decision_correctness");
            decision.OwnsOne(d => d.Reduction, reduction =>
            {
                reduction.Property(r => r.Percent).HasColumnName("reduction_percent");
                reduction.Property(r => r.Reason).HasColumnName("reduction_reason");
            });
            decision.OwnsOne(d => d.PaymentCommitment, commitment =>
                commitment.Property(p => p.PickUpPlace).HasColumnName("payment_commitment_pick_up_place").HasMaxLength(PaymentCommitment.PickUpPlaceMaxLength));
        });
        builder.Property(c => c.HandlerName).HasMaxLength(200);
        // Cases recorded before the stages existed start at guidance.
        builder.Property(c => c.Stage).HasDefaultValue(CaseStage.Guidance).HasSentinel(default(CaseStage));

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.GuidanceContacts).WithOne().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);

        // PostgreSQL's xmin as the concurrency token: two handlers taking from the queue never get the same case.
        builder.Property<uint>("Version").IsRowVersion();

        // Every index starts with the tenant.
        builder.HasIndex(c => new { c.OrganisationId, c.OpenedAt });
        builder.HasIndex(nameof(ClientCase.OrganisationId), IdentityCodeLookup.HashProperty);
        builder.HasIndex(c => new { c.OrganisationId, c.Stage, c.Queue, c.HandlerUserId, c.QueuedAt });
        builder.HasIndex(c => new { c.OrganisationId, c.HandlerUserId, c.Stage });
        builder.HasIndex(c => new { c.OrganisationId, c.OpenedByUserId, c.Stage });
        builder.HasIndex(c => new { c.OrganisationId, c.DecisionDueOn });
        NameSearchIndex(builder, nameof(ClientCase.OrganisationId));
    }

    /// <summary>The name folded to lower case, computed by PostgreSQL (ClientNameSearch).</summary>
    internal static void FoldedName<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<string>(ClientNameSearch.FoldedProperty)
            .HasMaxLength(ClientCase.ClientNameMaxLength)
            .HasComputedColumnSql(ClientNameSearch.FoldSql, stored: true);

    /// <summary>
    /// A search by part of a name: a GIN index of the tenant (btree_gin) and the folded name's trigrams (pg_trgm), so
    /// <c>LIKE '%…%'</c> reads the organisation's matching rows only.
    /// </summary>
    internal static void NameSearchIndex<T>(EntityTypeBuilder<T> builder, string tenant)
        where T : class =>
        builder.HasIndex(tenant, ClientNameSearch.FoldedProperty)
            .HasMethod("gin")
            .HasOperators("uuid_ops", "gin_trgm_ops");
}

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(CaseEvent.DetailMaxLength);
        builder.HasIndex(e => new { e.OrganisationId, e.CaseId, e.At });
    }
}

public sealed class GuidanceContactConfiguration : IEntityTypeConfiguration<GuidanceContact>
{
    public void Configure(EntityTypeBuilder<GuidanceContact> builder)
    {
        builder.ToTable("guidance_contacts");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasIndex(g => new { g.OrganisationId, g.CaseId, g.At });
    }
}

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ClientName).HasMaxLength(ClientCase.ClientNameMaxLength);
        ClientCaseConfiguration.FoldedName(builder);
        // The identity code, the description and the notes are encrypted (PersonalDataColumns).
        builder.Property<string>(IdentityCodeLookup.HashProperty)
            .HasColumnName("client_identity_code_hash").HasMaxLength(ClientCaseConfiguration.IdentityCodeHashLength).IsRequired();
        builder.Property(r => r.HomeMunicipalityCode).HasMaxLength(3);
        builder.Property(r => r.SentByName).HasMaxLength(200);
        builder.Property(r => r.NamedWorkerName).HasMaxLength(200);

        // PostgreSQL's xmin as the optimistic concurrency token: two workers accepting at once, one wins.
        builder.Property<uint>("Version").IsRowVersion();

        builder.HasOne<ClientCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.SenderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReceiverOrganisationId).OnDelete(DeleteBehavior.Restrict);

        // The database refuses what the consent rule forbids, whatever wrote the row: a description needs consent that
        // covers it, and without consent nothing of the consent record may be set.
        builder.ToTable("referrals", t =>
        {
            t.HasCheckConstraint(
                "ck_referrals_description_requires_consent",
                "situation_description IS NULL OR (consent_given AND consent_covers_description)");
            t.HasCheckConstraint(
                "ck_referrals_consent_record_requires_consent",
                "consent_given OR (NOT consent_covers_description AND NOT consent_covers_feedback AND consent_method IS NULL AND consent_given_on IS NULL)");
            t.HasCheckConstraint(
                "ck_referrals_urgent_only_application_transfer",
                "NOT urgent OR ground IN ('SupplementaryAssistanceApplication', 'PreventiveAssistanceApplication')");
        });
        builder.Property(r => r.ConsentRecordedByName).HasMaxLength(200);

        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Forwards).WithOne().HasForeignKey(f => f.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Disclosures).WithOne().HasForeignKey(d => d.ReferralId).OnDelete(DeleteBehavior.Restrict);

        // Every index holds the columns row-level security's policy party_reads reads (sender, receiver, id; the
        // migration SecurityInDepth), so a count or a filter under the policy is an index-only scan, as the owner's is,
        // and not a heap visit for every row counted (docs/performance.md, "The data layer against the limit").
        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.SentAt })
            .IncludeProperties(r => new { r.SenderOrganisationId, r.Id });
        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.Status, r.RespondBy })
            .IncludeProperties(r => new { r.SenderOrganisationId, r.Id });
        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.NamedWorkerUserId, r.SentAt })
            .IncludeProperties(r => new { r.SenderOrganisationId, r.Id });
        // The open-referral check before sending another: the district's referrals of one client.
        builder.HasIndex(nameof(Referral.SenderOrganisationId), IdentityCodeLookup.HashProperty)
            .IncludeProperties(nameof(Referral.ReceiverOrganisationId), nameof(Referral.Id));
        // The workspace's per-case questions (open, overdue, awaiting feedback) read the case and the dates too.
        builder.HasIndex(r => new { r.SenderOrganisationId, r.Status, r.RespondBy })
            .IncludeProperties(r => new { r.ReceiverOrganisationId, r.Id, r.CaseId, r.SentAt });
        builder.HasIndex(nameof(Referral.ReceiverOrganisationId), IdentityCodeLookup.HashProperty)
            .IncludeProperties(nameof(Referral.SenderOrganisationId), nameof(Referral.Id));
        builder.HasIndex(r => new { r.SenderOrganisationId, r.CaseId, r.SentAt })
            .IncludeProperties(r => new { r.ReceiverOrganisationId, r.Id, r.Status, r.RespondBy });
        // The inbox's search by name, and its order by name (then newest first) without a sort of every row.
        ClientCaseConfiguration.NameSearchIndex(builder, nameof(Referral.ReceiverOrganisationId));
        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.ClientName, r.SentAt })
            .IsDescending(false, false, true)
            .IncludeProperties(r => new { r.SenderOrganisationId, r.Id });
    }
}

public sealed class ReferralEventConfiguration : IEntityTypeConfiguration<ReferralEvent>
{
    public void Configure(EntityTypeBuilder<ReferralEvent> builder)
    {
        builder.ToTable("referral_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(100);
        // Read only through its referral, whose tenant filter decides who sees it.
        builder.HasIndex(e => new { e.ReferralId, e.Sequence });
    }
}

public sealed class ReferralForwardConfiguration : IEntityTypeConfiguration<ReferralForward>
{
    public void Configure(EntityTypeBuilder<ReferralForward> builder)
    {
        builder.ToTable("referral_forwards");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ForwardedByName).HasMaxLength(200);
        builder.Property(f => f.NamedWorkerName).HasMaxLength(200);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);

        // Two partner workers accepting the same forward at once: one wins (xmin as the concurrency token).
        builder.Property<uint>("Version").IsRowVersion();

        // The partner's inbox and the referral filter's "forwarded to us" test both start with the partner. At most one
        // open forward per partner: two social workers forwarding at once to the same partner, one wins.
        builder.HasIndex(f => new { f.ToOrganisationId, f.ReferralId });
        builder.HasIndex(f => new { f.ToOrganisationId, f.ReferralId }, "OneOpenPerPartner")
            .HasDatabaseName("ux_referral_forwards_one_open_per_partner")
            .IsUnique()
            .HasFilter($"status IN ({string.Join(", ", ReferralPredicates.OpenForwardStatuses.Select(status => $"'{status}'"))})");
        builder.HasIndex(f => new { f.ToOrganisationId, f.ForwardedAt });
        builder.HasIndex(f => f.ReferralId);
    }
}

public sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.ToTable("disclosures");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ByName).HasMaxLength(200);
        // A set of flags: stored as its number, read back by the same enum.
        builder.Property(d => d.What).HasConversion<int>();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.FromOrganisationId, d.At });
        builder.HasIndex(d => new { d.ToOrganisationId, d.At });
        // With the other party: the disclosures' own policy (from or to) is then answered from the index, in the
        // referrals policy's subplans too.
        builder.HasIndex(d => new { d.FromOrganisationId, d.ReferralId }).IncludeProperties(d => d.ToOrganisationId);
        builder.HasIndex(d => new { d.ToOrganisationId, d.ReferralId }).IncludeProperties(d => d.FromOrganisationId);
    }
}

public sealed class ReferralDeadlineSettingConfiguration : IEntityTypeConfiguration<ReferralDeadlineSetting>
{
    public void Configure(EntityTypeBuilder<ReferralDeadlineSetting> builder)
    {
        builder.ToTable("referral_deadline_settings", t => t.HasCheckConstraint(
            "ck_referral_deadline_settings_range",
            $"accept_within_working_days BETWEEN 0 AND {ReferralDeadlineSetting.MaxWorkingDays}"));
        builder.HasKey(s => new { s.OrganisationId, s.Ground });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReferralMessageConfiguration : IEntityTypeConfiguration<ReferralMessage>
{
    public void Configure(EntityTypeBuilder<ReferralMessage> builder)
    {
        builder.ToTable("referral_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.SentByName).HasMaxLength(200);
        builder.Property(m => m.ReadByName).HasMaxLength(200);
        builder.HasOne<Referral>().WithMany().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);

        // A thread, and the unread count of an organisation.
        builder.HasIndex(m => new { m.ToOrganisationId, m.ReadAt, m.ReferralId });
        builder.HasIndex(m => new { m.FromOrganisationId, m.ReferralId, m.SentAt });
        builder.HasIndex(m => new { m.ToOrganisationId, m.ReferralId, m.SentAt });
    }
}

public sealed class MessageAttachmentConfiguration : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> builder)
    {
        builder.ToTable("message_attachments", t => t.HasCheckConstraint(
            "ck_message_attachments_size", $"size_bytes > 0 AND size_bytes <= {MessageAttachment.MaxBytes}"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(MessageAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(40);
        // Read only through its message, whose tenant filter decides who sees it; the bytes only on download.
        builder.HasIndex(a => a.MessageId);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.OrganisationId, n.UserId, n.ReadAt, n.CreatedAt });
        builder.HasIndex(n => new { n.OrganisationId, n.ReferralId });
        // Exactly one subject: a referral, or the feedback on the model an answer tells of.
        builder.ToTable(t => t.HasCheckConstraint("ck_notifications_one_subject", "(referral_id IS NULL) <> (model_feedback_id IS NULL)"));
        // The mailer's round: which organisations have unmailed notifications (a small partial index, tenant first).
        builder.HasIndex(n => n.OrganisationId).HasDatabaseName("ix_notifications_unmailed").HasFilter("read_at IS NULL AND emailed_at IS NULL");
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.OrganisationId, u.Role });
    }
}

/// <summary>The survey is one JSON document; enums are written by name so stored data stays readable and stable.</summary>
internal static class SurveyConversion
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(LifeSituationSurvey survey) => JsonSerializer.Serialize(survey, Options);

    public static LifeSituationSurvey Deserialize(string json) =>
        JsonSerializer.Deserialize<LifeSituationSurvey>(json, Options) ?? throw new InvalidOperationException("A stored survey is empty.");

    /// <summary>Surveys are immutable records with value equality.</summary>
    public static readonly ValueComparer<LifeSituationSurvey?> Comparer = new(
        (a, b) => Equals(a, b),
        survey => survey == null ? 0 : survey.GetHashCode(),
        survey => survey);
}
