using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CooperationModelHandbook : Migration
    {
        /// <summary>
        /// Feedback on the model is shared by two organisations, like a referral: its sender's (inserts it) and the national
        /// coordination's (triages it). Row-level security holds the app's role to them (see docs/security.md).
        /// </summary>
        private const string RowLevelSecurityUp = """
            ALTER TABLE model_feedback ENABLE ROW LEVEL SECURITY;
            CREATE POLICY party_reads ON model_feedback FOR SELECT USING (
                organisation_id = (SELECT app_current_organisation()) OR coordination_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY sender_sends ON model_feedback FOR INSERT WITH CHECK (organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY coordination_triages ON model_feedback FOR UPDATE
                USING (coordination_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY party_removes ON model_feedback FOR DELETE USING (
                organisation_id = (SELECT app_current_organisation()) OR coordination_organisation_id = (SELECT app_current_organisation()));
            """;

        private const string RowLevelSecurityDown = """
            DROP POLICY IF EXISTS party_reads ON model_feedback;
            DROP POLICY IF EXISTS sender_sends ON model_feedback;
            DROP POLICY IF EXISTS coordination_triages ON model_feedback;
            DROP POLICY IF EXISTS party_removes ON model_feedback;
            ALTER TABLE model_feedback DISABLE ROW LEVEL SECURITY;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "model_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coordination_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model_version = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    triaged_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_feedback_organisations_coordination_organisation_id",
                        column: x => x.coordination_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_model_feedback_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    based_on = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "model_stage_texts",
                columns: table => new
                {
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ideas = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_stage_texts", x => new { x.version_id, x.stage, x.language });
                    table.ForeignKey(
                        name: "fk_model_stage_texts_model_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "model_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_model_feedback_coordination_organisation_id_stage_status",
                table: "model_feedback",
                columns: new[] { "coordination_organisation_id", "stage", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_model_feedback_organisation_id_sent_by_user_id_sent_at",
                table: "model_feedback",
                columns: new[] { "organisation_id", "sent_by_user_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_number",
                table: "model_versions",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_one_draft",
                table: "model_versions",
                column: "published_on",
                unique: true,
                filter: "published_on IS NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.Sql(RowLevelSecurityUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowLevelSecurityDown);

            migrationBuilder.DropTable(
                name: "model_feedback");

            migrationBuilder.DropTable(
                name: "model_stage_texts");

            migrationBuilder.DropTable(
                name: "model_versions");
        }
    }
}
