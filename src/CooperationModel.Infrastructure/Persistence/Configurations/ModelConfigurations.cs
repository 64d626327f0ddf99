using CooperationModel.Domain.Model;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

public sealed class ModelFeedbackConfiguration : IEntityTypeConfiguration<ModelFeedback>
{
    public void Configure(EntityTypeBuilder<ModelFeedback> builder)
    {
        builder.ToTable("model_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ModelVersion).HasMaxLength(ModelVersion.NumberMaxLength);
        builder.Property(f => f.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Language).HasMaxLength(2);
        builder.Property(f => f.Text).HasMaxLength(ModelFeedback.TextMaxLength);
        builder.Property(f => f.Answer).HasMaxLength(ModelFeedback.AnswerMaxLength);
        // PostgreSQL's xmin: two coordinators triaging the same feedback at once, one wins.
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.CoordinationOrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The sender's own list (tenant first) and the coordinators' triage and counts (their tenant column first).
        builder.HasIndex(f => new { f.OrganisationId, f.SentByUserId, f.SentAt });
        builder.HasIndex(f => new { f.CoordinationOrganisationId, f.Stage, f.Status });
    }
}

public sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.ToTable("model_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Number).HasMaxLength(ModelVersion.NumberMaxLength);
        builder.Property(v => v.BasedOn).HasMaxLength(ModelVersion.NumberMaxLength);
        builder.Property(v => v.Version).IsRowVersion();
        builder.HasIndex(v => v.Number).IsUnique();
        // At most one draft at a time.
        builder.HasIndex(v => v.PublishedOn).HasDatabaseName("ix_model_versions_one_draft").IsUnique().AreNullsDistinct(false).HasFilter("published_on IS NULL");
        builder.Ignore(v => v.IsDraft);
        builder.HasMany(v => v.Texts).WithOne().HasForeignKey(t => t.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Texts).HasField("_texts");
    }
}

public sealed class ModelStageTextConfiguration : IEntityTypeConfiguration<ModelStageText>
{
    public void Configure(EntityTypeBuilder<ModelStageText> builder)
    {
        builder.ToTable("model_stage_texts");
        builder.HasKey(t => new { t.VersionId, t.Stage, t.Language });
        builder.Property(t => t.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Text).HasMaxLength(ModelStageText.TextMaxLength);
        builder.Property(t => t.Ideas).HasMaxLength(ModelStageText.IdeasMaxLength);
        builder.Ignore(t => t.TextLines);
        builder.Ignore(t => t.IdeaLines);
    }
}
