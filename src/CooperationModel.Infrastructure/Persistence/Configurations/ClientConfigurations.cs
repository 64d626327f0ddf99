using System.Text.Json;
using System.Text.Json.Serialization;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

public sealed class ClientCaseConfiguration : IEntityTypeConfiguration<ClientCase>
{
    public void Configure(EntityTypeBuilder<ClientCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ClientName).HasMaxLength(ClientCase.ClientNameMaxLength);
        builder.Property(c => c.IdentityCode).HasMaxLength(11).HasConversion(IdentityCodeConversion.Converter);
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
        builder.Property(c => c.Survey).HasColumnType("jsonb").HasConversion(SurveyConversion.Converter, SurveyConversion.Comparer);

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.GuidanceContacts).WithOne().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);

        // PostgreSQL's xmin as the concurrency token: two handlers taking from the queue never get the same case.
        builder.Property<uint>("Version").IsRowVersion();

        // Every index starts with the tenant.
        builder.HasIndex(c => new { c.OrganisationId, c.OpenedAt });
        builder.HasIndex(c => new { c.OrganisationId, c.IdentityCode });
        builder.HasIndex(c => new { c.OrganisationId, c.Stage, c.Queue, c.HandlerUserId, c.QueuedAt });
        builder.HasIndex(c => new { c.OrganisationId, c.HandlerUserId, c.Stage });
        builder.HasIndex(c => new { c.OrganisationId, c.DecisionDueOn });
    }
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
        builder.Property(r => r.ClientIdentityCode).HasMaxLength(11).HasConversion(IdentityCodeConversion.Converter);
        builder.Property(r => r.HomeMunicipalityCode).HasMaxLength(3);
        builder.Property(r => r.SituationDescription).HasMaxLength(ConsentRule.DescriptionMaxLength);
        builder.Property(r => r.SentByName).HasMaxLength(200);
        builder.Property(r => r.NamedWorkerName).HasMaxLength(200);

        // PostgreSQL's xmin as the optimistic concurrency token: two workers accepting at once, one wins.
        builder.Property<uint>("Version").IsRowVersion();

        builder.HasOne<ClientCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.SenderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReceiverOrganisationId).OnDelete(DeleteBehavior.Restrict);

        // The database refuses what the consent rule forbids, whatever wrote the row.
        builder.ToTable("referrals", t => t.HasCheckConstraint(
            "ck_referrals_description_requires_consent",
            "consent_given OR situation_description IS NULL"));

        builder.Property(r => r.ClosingNote).HasMaxLength(Referral.NoteMaxLength);
        builder.Property(r => r.RepeatReason).HasMaxLength(Referral.NoteMaxLength);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.SentAt });
        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.ClientIdentityCode });
        builder.HasIndex(r => new { r.SenderOrganisationId, r.CaseId, r.SentAt });
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

    public static readonly ValueConverter<LifeSituationSurvey?, string?> Converter = new(
        survey => survey == null ? null : JsonSerializer.Serialize(survey, Options),
        json => json == null ? null : JsonSerializer.Deserialize<LifeSituationSurvey>(json, Options));

    /// <summary>Surveys are immutable records with value equality.</summary>
    public static readonly ValueComparer<LifeSituationSurvey?> Comparer = new(
        (a, b) => Equals(a, b),
        survey => survey == null ? 0 : survey.GetHashCode(),
        survey => survey);
}

internal static class IdentityCodeConversion
{
    public static readonly ValueConverter<PersonalIdentityCode, string> Converter =
        new(code => code.Value, value => PersonalIdentityCode.FromStored(value));
}
