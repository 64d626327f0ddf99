using CooperationModel.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CooperationModel.Infrastructure.Persistence.Configurations;

// The joint meetings of the model: no tenant column and no row-level security (work records, never client data; the
// texts refuse identity codes in the domain). Who reads a meeting is MeetingAccessRule, asked by the use cases.

public sealed class JointMeetingConfiguration : IEntityTypeConfiguration<JointMeeting>
{
    public void Configure(EntityTypeBuilder<JointMeeting> builder)
    {
        builder.ToTable("joint_meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(JointMeeting.TitleMaxLength);
        builder.Property(m => m.Agenda).HasMaxLength(JointMeeting.AgendaMaxLength);
        builder.Property(m => m.Minutes).HasMaxLength(JointMeeting.MinutesMaxLength);
        builder.PrimitiveCollection(m => m.Decisions).ElementType(e => e.HasMaxLength(JointMeeting.DecisionsMaxLength));
        builder.Property(m => m.RecordedByName).HasMaxLength(200);
        builder.Property(m => m.ChangedByName).HasMaxLength(200);
        // "My organisation's meetings": participant_organisation_ids @> ARRAY[org], served by this GIN index.
        builder.HasIndex(m => m.ParticipantOrganisationIds).HasMethod("gin");
        // A coordinator's list of all meetings, newest first.
        builder.HasIndex(m => m.HeldAt).IsDescending();
        // PostgreSQL's xmin: two people changing the meeting at once, one wins and the other is told.
        builder.Property<uint>("Version").IsRowVersion();
        builder.HasMany(m => m.FollowUps).WithOne().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> builder)
    {
        builder.ToTable("meeting_follow_ups");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Text).HasMaxLength(FollowUpAction.TextMaxLength);
        builder.Property(f => f.AddedByName).HasMaxLength(200);
        builder.Property(f => f.DoneByName).HasMaxLength(200);
        // "Open follow-ups of my organisation", overdue first: the open ones by owner and due date.
        builder.HasIndex(f => new { f.OwnerOrganisationId, f.DueOn }).HasFilter("done_at IS NULL").HasDatabaseName("ix_meeting_follow_ups_owner_open_due");
        builder.HasIndex(f => f.MeetingId);
        builder.Property<uint>("Version").IsRowVersion();
    }
}
