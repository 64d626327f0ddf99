using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReferralChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_referrals_description_requires_consent",
                table: "referrals");

            migrationBuilder.AddColumn<bool>(
                name: "consent_covers_description",
                table: "referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "consent_given_on",
                table: "referrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consent_method",
                table: "referrals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consent_recorded_by_name",
                table: "referrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "consent_recorded_by_user_id",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "respond_by",
                table: "referrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "urgent",
                table: "referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "disclosures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    what = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disclosures", x => x.id);
                    table.ForeignKey(
                        name: "fk_disclosures_organisations_from_organisation_id",
                        column: x => x.from_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_disclosures_organisations_to_organisation_id",
                        column: x => x.to_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_disclosures_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    emailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_deadline_settings",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ground = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    accept_within_working_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_deadline_settings", x => new { x.organisation_id, x.ground });
                    table.CheckConstraint("ck_referral_deadline_settings_range", "accept_within_working_days BETWEEN 0 AND 60");
                    table.ForeignKey(
                        name: "fk_referral_deadline_settings_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_forwards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    forwarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    forwarded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    forwarded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    named_worker_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    named_worker_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    closing_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_forwards", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_forwards_organisations_from_organisation_id",
                        column: x => x.from_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referral_forwards_organisations_to_organisation_id",
                        column: x => x.to_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referral_forwards_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_referral_messages_organisations_from_organisation_id",
                        column: x => x.from_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referral_messages_organisations_to_organisation_id",
                        column: x => x.to_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referral_messages_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_attachments", x => x.id);
                    table.CheckConstraint("ck_message_attachments_size", "size_bytes > 0 AND size_bytes <= 10485760");
                    table.ForeignKey(
                        name: "fk_message_attachments_referral_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "referral_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_status_respond_by",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "status", "respond_by" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_status_respond_by",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "status", "respond_by" });

            // Referrals sent before the consent record: a stored description was sent with consent, which covered it.
            migrationBuilder.Sql("UPDATE referrals SET consent_covers_description = TRUE WHERE situation_description IS NOT NULL;");

            migrationBuilder.AddCheckConstraint(
                name: "ck_referrals_consent_record_requires_consent",
                table: "referrals",
                sql: "consent_given OR (NOT consent_covers_description AND NOT consent_covers_feedback AND consent_method IS NULL AND consent_given_on IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_referrals_description_requires_consent",
                table: "referrals",
                sql: "situation_description IS NULL OR (consent_given AND consent_covers_description)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_referrals_urgent_only_application_transfer",
                table: "referrals",
                sql: "NOT urgent OR ground IN ('SupplementaryAssistanceApplication', 'PreventiveAssistanceApplication')");

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_from_organisation_id_at",
                table: "disclosures",
                columns: new[] { "from_organisation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_from_organisation_id_referral_id",
                table: "disclosures",
                columns: new[] { "from_organisation_id", "referral_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_referral_id",
                table: "disclosures",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_to_organisation_id_at",
                table: "disclosures",
                columns: new[] { "to_organisation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_to_organisation_id_referral_id",
                table: "disclosures",
                columns: new[] { "to_organisation_id", "referral_id" });

            migrationBuilder.CreateIndex(
                name: "ix_message_attachments_message_id",
                table: "message_attachments",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_organisation_id_referral_id",
                table: "notifications",
                columns: new[] { "organisation_id", "referral_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_organisation_id_user_id_read_at_created_at",
                table: "notifications",
                columns: new[] { "organisation_id", "user_id", "read_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referral_forwards_from_organisation_id",
                table: "referral_forwards",
                column: "from_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_forwards_referral_id",
                table: "referral_forwards",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_forwards_to_organisation_id_forwarded_at",
                table: "referral_forwards",
                columns: new[] { "to_organisation_id", "forwarded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referral_forwards_to_organisation_id_referral_id",
                table: "referral_forwards",
                columns: new[] { "to_organisation_id", "referral_id" });

            migrationBuilder.CreateIndex(
                name: "ix_referral_messages_from_organisation_id_referral_id_sent_at",
                table: "referral_messages",
                columns: new[] { "from_organisation_id", "referral_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referral_messages_referral_id",
                table: "referral_messages",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_messages_to_organisation_id_read_at_referral_id",
                table: "referral_messages",
                columns: new[] { "to_organisation_id", "read_at", "referral_id" });

            migrationBuilder.CreateIndex(
                name: "ix_referral_messages_to_organisation_id_referral_id_sent_at",
                table: "referral_messages",
                columns: new[] { "to_organisation_id", "referral_id", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosures");

            migrationBuilder.DropTable(
                name: "message_attachments");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "referral_deadline_settings");

            migrationBuilder.DropTable(
                name: "referral_forwards");

            migrationBuilder.DropTable(
                name: "referral_messages");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_status_respond_by",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_status_respond_by",
                table: "referrals");

            migrationBuilder.DropCheckConstraint(
                name: "ck_referrals_consent_record_requires_consent",
                table: "referrals");

            migrationBuilder.DropCheckConstraint(
                name: "ck_referrals_description_requires_consent",
                table: "referrals");

            migrationBuilder.DropCheckConstraint(
                name: "ck_referrals_urgent_only_application_transfer",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "consent_covers_description",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "consent_given_on",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "consent_method",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "consent_recorded_by_name",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "consent_recorded_by_user_id",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "respond_by",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "urgent",
                table: "referrals");

            migrationBuilder.AddCheckConstraint(
                name: "ck_referrals_description_requires_consent",
                table: "referrals",
                sql: "consent_given OR situation_description IS NULL");
        }
    }
}
