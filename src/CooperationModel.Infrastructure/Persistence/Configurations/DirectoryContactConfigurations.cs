using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

// The partners' directory of contacts: work contacts, no client data, so no tenant column filter and no row-level
// security; who changes an entry is DirectoryAccessRule, checked by the use cases. The texts are bounded by the domain's
// constants and checked for identity codes by the domain.

public sealed class DirectoryContactConfiguration : IEntityTypeConfiguration<DirectoryContact>
{
    public void Configure(EntityTypeBuilder<DirectoryContact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // Stored as its number, so that the directory's order by function is the enum's order.
        builder.Property(c => c.Function).HasConversion<int>();
        builder.Property(c => c.MunicipalityCode).HasMaxLength(3);
        builder.Property(c => c.Name).HasMaxLength(DirectoryContactRules.MaxNameLength);
        builder.Property(c => c.Phone).HasMaxLength(DirectoryContactRules.MaxPhoneLength);
        builder.Property(c => c.PhoneHours).HasMaxLength(DirectoryContactRules.MaxHoursLength);
        builder.Property(c => c.SecureEmail).HasMaxLength(DirectoryContactRules.MaxEmailLength);
        builder.Property(c => c.VideoMeetingUrl).HasMaxLength(DirectoryContactRules.MaxUrlLength);
        builder.Property(c => c.EmergencyHours).HasMaxLength(DirectoryContactRules.MaxHoursLength);
        builder.Property(c => c.PaymentCommitmentPlace).HasMaxLength(DirectoryContactRules.MaxPlaceLength);
        builder.Property(c => c.CheckedOnDate).HasColumnName("checked_on");
        builder.Property(c => c.CheckedBy).HasMaxLength(200);
        builder.Ignore(c => c.Checked);
        // PostgreSQL's xmin: two admins saving the same entry at once, one wins and the other is told.
        builder.Property<uint>("Version").IsRowVersion();

        // The admin's list and the panels (one organisation, one municipality or the whole area, by function).
        builder.HasIndex(c => new { c.OrganisationId, c.MunicipalityCode, c.Function });
        // The search by municipality and function.
        builder.HasIndex(c => new { c.MunicipalityCode, c.Function });
        // The search by language of service alone (a Swedish-speaking worker's "whom can I call in Swedish").
        builder.HasIndex(c => new { c.Language, c.Function });
    }
}
