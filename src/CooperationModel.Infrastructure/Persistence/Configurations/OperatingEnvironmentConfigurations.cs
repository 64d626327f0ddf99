using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

// Each municipality's operating environment: work facts of the partners' directory (no tenant column, no row-level
// security, no client data); everyone signed in reads every row, the organiser's admin changes its own (the use case asks
// OperatingEnvironmentAccessRule). The free texts are checked for identity codes by the domain.

public sealed class OperatingEnvironmentConfiguration : IEntityTypeConfiguration<OperatingEnvironment>
{
    public void Configure(EntityTypeBuilder<OperatingEnvironment> builder)
    {
        builder.HasKey(e => e.MunicipalityCode);
        builder.Property(e => e.MunicipalityCode).HasMaxLength(3).ValueGeneratedNever();
        builder.HasOne<Municipality>().WithOne().HasForeignKey<OperatingEnvironment>(e => e.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.OrganiserCode).HasMaxLength(3);
        builder.Property(e => e.KelaOfficeOpeningDays).HasMaxLength(OperatingEnvironment.HoursMaxLength);
        builder.Property(e => e.WalkInHours).HasMaxLength(OperatingEnvironment.HoursMaxLength);
        builder.Property(e => e.Note).HasMaxLength(OperatingEnvironment.NoteMaxLength);
        builder.Property(e => e.CheckedBy).HasMaxLength(OperatingEnvironment.CheckedByMaxLength);
        builder.Ignore(e => e.Checked);
        builder.Ignore(e => e.Facts);
        // The overview groups by organiser and the list filters by organiser and type: both start with the organiser.
        builder.HasIndex(e => new { e.OrganiserCode, e.Type });
        // The national list of stale environments (checked before the cutoff, CheckedOn.StaleBefore).
        builder.HasIndex(e => e.CheckedOnDate);
        // PostgreSQL's xmin: two admins saving the same municipality at once, one wins and the other is told.
        builder.Property<uint>("Version").IsRowVersion();
    }
}
