using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "referral_id",
                table: "notifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "model_feedback_id",
                table: "notifications",
                type: "uuid",
                nullable: true);

            // An answer to feedback on the model named the feedback in referral_id until now.
            migrationBuilder.Sql("UPDATE notifications SET model_feedback_id = referral_id, referral_id = NULL WHERE kind = 'ModelFeedbackAnswered';");

            migrationBuilder.AddCheckConstraint(
                name: "ck_notifications_one_subject",
                table: "notifications",
                sql: "(referral_id IS NULL) <> (model_feedback_id IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_notifications_one_subject",
                table: "notifications");

            migrationBuilder.Sql("UPDATE notifications SET referral_id = model_feedback_id WHERE model_feedback_id IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "model_feedback_id",
                table: "notifications");

            migrationBuilder.AlterColumn<Guid>(
                name: "referral_id",
                table: "notifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
