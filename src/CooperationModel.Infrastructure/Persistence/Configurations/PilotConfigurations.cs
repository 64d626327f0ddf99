using CooperationModel.Domain.Pilots;
using CooperationModel.Domain.Swot;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

// National records of the coordination (no tenant column, no row-level security, no client data): like the reference
// data, every signed-in coordinator reads the same rows. The free texts are checked for identity codes by the domain.

public sealed class DevelopmentPilotConfiguration : IEntityTypeConfiguration<DevelopmentPilot>
{
    public void Configure(EntityTypeBuilder<DevelopmentPilot> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(80);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameFi).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Property(p => p.NameSv).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Property(p => p.AimFi).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Property(p => p.AimSv).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Property(p => p.TimetableFi).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Property(p => p.TimetableSv).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Property(p => p.Source).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Ignore(p => p.IsNational);
        // The app's organisations linked as owners (their users read the pilot and comment): none until a coordinator links one.
        builder.Property(p => p.OwnerOrganisationIds).HasDefaultValueSql("'{}'::uuid[]");
        builder.HasIndex(p => p.Status);
        // PostgreSQL's xmin: two coordinators changing the status at once, one wins and the other is told.
        builder.Property<uint>("Version").IsRowVersion();
        builder.HasMany(p => p.StatusChanges).WithOne().HasForeignKey(c => c.PilotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.PilotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.StatusChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.PilotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Findings).WithOne().HasForeignKey(f => f.PilotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Verdicts).WithOne().HasForeignKey(v => v.PilotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Verdicts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.EvaluationAllowed);
    }
}

public sealed class PilotStatusChangeConfiguration : IEntityTypeConfiguration<PilotStatusChange>
{
    public void Configure(EntityTypeBuilder<PilotStatusChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reason).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.HasIndex(c => new { c.PilotId, c.At });
    }
}

public sealed class PilotEntryConfiguration : IEntityTypeConfiguration<PilotEntry>
{
    public void Configure(EntityTypeBuilder<PilotEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Text).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.HasIndex(e => new { e.PilotId, e.At });
    }
}

// The evaluation of a pilot (indicators, findings, verdicts): national records like the pilot, no tenant.

public sealed class PilotIndicatorConfiguration : IEntityTypeConfiguration<PilotIndicator>
{
    public void Configure(EntityTypeBuilder<PilotIndicator> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(DevelopmentPilot.MaxShortTextLength);
        builder.Property(i => i.Target).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Property(i => i.Baseline).HasMaxLength(DevelopmentPilot.MaxShortTextLength);
        builder.Property(i => i.Result).HasMaxLength(DevelopmentPilot.MaxShortTextLength);
        builder.HasIndex(i => i.PilotId);
    }
}

public sealed class PilotEvaluationFindingConfiguration : IEntityTypeConfiguration<PilotEvaluationFinding>
{
    public void Configure(EntityTypeBuilder<PilotEvaluationFinding> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Text).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.HasIndex(f => new { f.PilotId, f.At });
    }
}

public sealed class PilotVerdictRecordConfiguration : IEntityTypeConfiguration<PilotVerdictRecord>
{
    public void Configure(EntityTypeBuilder<PilotVerdictRecord> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Rationale).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.Ignore(v => v.SuggestedStatus);
        builder.HasIndex(v => new { v.PilotId, v.At });
    }
}

public sealed class SwotWorkshopConfiguration : IEntityTypeConfiguration<SwotWorkshop>
{
    public void Configure(EntityTypeBuilder<SwotWorkshop> builder)
    {
        builder.HasKey(w => new { w.AnalysisCode, w.Code });
        builder.Property(w => w.AnalysisCode).HasMaxLength(20);
        builder.Property(w => w.Code).HasMaxLength(40);
    }
}

public sealed class SwotThemeConfiguration : IEntityTypeConfiguration<SwotTheme>
{
    public void Configure(EntityTypeBuilder<SwotTheme> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.Property(t => t.AnalysisCode).HasMaxLength(20);
        builder.Property(t => t.NameFi).HasMaxLength(DevelopmentPilot.MaxTextLength);
    }
}

public sealed class SwotFindingConfiguration : IEntityTypeConfiguration<SwotFinding>
{
    public void Configure(EntityTypeBuilder<SwotFinding> builder)
    {
        builder.HasKey(f => f.Code);
        builder.Property(f => f.Code).HasMaxLength(40);
        builder.Property(f => f.ThemeCode).HasMaxLength(40);
        builder.Property(f => f.TextFi).HasMaxLength(DevelopmentPilot.MaxTextLength);
        builder.HasOne<SwotTheme>().WithMany().HasForeignKey(f => f.ThemeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.ThemeCode, f.Kind });
    }
}
