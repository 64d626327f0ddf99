using CooperationModel.Domain.Swot;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

/// <summary>
/// An analysis round owns its workshops and themes (by their analysis code); a finding belongs to its round through its
/// theme. Removing a round's theme or workshop is the use case's (and the domain's) decision, never a cascade.
/// </summary>
public sealed class SwotRoundConfiguration : IEntityTypeConfiguration<SwotRound>
{
    public void Configure(EntityTypeBuilder<SwotRound> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.TitleFi).HasMaxLength(SwotRound.TitleMaxLength);
        builder.Property(r => r.Source).HasMaxLength(SwotRound.SourceMaxLength);
        // PostgreSQL's xmin: two coordinators changing one round at once, one wins and the other is told.
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasMany<SwotTheme>().WithOne().HasForeignKey(t => t.AnalysisCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<SwotWorkshop>().WithOne().HasForeignKey(w => w.AnalysisCode).OnDelete(DeleteBehavior.Restrict);
    }
}
