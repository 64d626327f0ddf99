using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

// Local agreements: shared by their two parties, read by coordinators, no tenant column, no row-level security and no
// client data (AgreementAccessRule decides who reads and changes; the free texts are checked for identity codes by the
// domain). Each party's list is served by an index that starts with that party's organisation.

public sealed class LocalAgreementConfiguration : IEntityTypeConfiguration<LocalAgreement>
{
    public void Configure(EntityTypeBuilder<LocalAgreement> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Subject).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(AgreementDraft.TitleMaxLength);
        builder.Property(a => a.Text).HasMaxLength(AgreementDraft.TextMaxLength);
        builder.Property(a => a.KelaContactName).HasMaxLength(AgreementDraft.ContactNameMaxLength);
        builder.Property(a => a.KelaContactPhone).HasMaxLength(AgreementDraft.PhoneMaxLength);
        builder.Property(a => a.KelaContactEmail).HasMaxLength(AgreementDraft.EmailMaxLength);
        builder.Property(a => a.OrganiserContactName).HasMaxLength(AgreementDraft.ContactNameMaxLength);
        builder.Property(a => a.OrganiserContactPhone).HasMaxLength(AgreementDraft.PhoneMaxLength);
        builder.Property(a => a.OrganiserContactEmail).HasMaxLength(AgreementDraft.EmailMaxLength);
        builder.Property(a => a.RecordedByName).HasMaxLength(200);
        builder.Property(a => a.ChangedByName).HasMaxLength(200);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.KelaDistrictOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganiserOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.KelaDistrictOrganisationId, a.ValidUntil });
        builder.HasIndex(a => new { a.OrganiserOrganisationId, a.ValidUntil });
        // PostgreSQL's xmin: the two parties' admins changing it at once, one wins and the other is told.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
