using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

        // Every index starts with the tenant.
        builder.HasIndex(c => new { c.OrganisationId, c.OpenedAt });
        builder.HasIndex(c => new { c.OrganisationId, c.IdentityCode });
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

        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.SentAt });
        builder.HasIndex(r => new { r.ReceiverOrganisationId, r.ClientIdentityCode });
        builder.HasIndex(r => new { r.SenderOrganisationId, r.CaseId, r.SentAt });
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

internal static class IdentityCodeConversion
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<PersonalIdentityCode, string> Converter =
        new(code => code.Value, value => PersonalIdentityCode.FromStored(value));
}
