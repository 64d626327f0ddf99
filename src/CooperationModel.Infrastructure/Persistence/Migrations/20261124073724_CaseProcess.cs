using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseProcess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "agreed_collection",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "application_channel",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "application_complete_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "application_received_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "application_urgent_requested",
                table: "cases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "decided_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_clarity",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_correctness",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "decision_due_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_outcome",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "decision_signal_to_other_benefits",
                table: "cases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "decision_signal_to_social_services",
                table: "cases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handler_name",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "handler_user_id",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_commitment_pick_up_place",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "queue",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "queued_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reduction_percent",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reduction_reason",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Guidance");

            migrationBuilder.AddColumn<string>(
                name: "survey",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "urgency_confirmed",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "cases",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from_stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    detail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "guidance_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    has_devices = table.Column<bool>(type: "boolean", nullable: false),
                    has_skills = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guidance_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_guidance_contacts_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_decision_due_on",
                table: "cases",
                columns: new[] { "organisation_id", "decision_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_handler_user_id_stage",
                table: "cases",
                columns: new[] { "organisation_id", "handler_user_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_stage_queue_handler_user_id_queued_at",
                table: "cases",
                columns: new[] { "organisation_id", "stage", "queue", "handler_user_id", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id",
                table: "case_events",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_organisation_id_case_id_at",
                table: "case_events",
                columns: new[] { "organisation_id", "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_guidance_contacts_case_id",
                table: "guidance_contacts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_guidance_contacts_organisation_id_case_id_at",
                table: "guidance_contacts",
                columns: new[] { "organisation_id", "case_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "guidance_contacts");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_id_decision_due_on",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_id_handler_user_id_stage",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_id_stage_queue_handler_user_id_queued_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "agreed_collection",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "application_channel",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "application_complete_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "application_received_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "application_urgent_requested",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decided_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decision_clarity",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decision_correctness",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decision_due_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decision_outcome",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decision_signal_to_other_benefits",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decision_signal_to_social_services",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "handler_name",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "handler_user_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "payment_commitment_pick_up_place",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "queue",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "queued_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reduction_percent",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reduction_reason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "survey",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "urgency_confirmed",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "cases");
        }
    }
}
