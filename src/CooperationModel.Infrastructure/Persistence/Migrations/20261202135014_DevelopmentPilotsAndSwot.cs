using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DevelopmentPilotsAndSwot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pilots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    name_fi = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    name_sv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    aim_fi = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    aim_sv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    owners = table.Column<List<string>>(type: "text[]", nullable: false),
                    stages = table.Column<int[]>(type: "integer[]", nullable: false),
                    area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    municipality_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    area_region_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    timetable_fi = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    timetable_sv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    start_month = table.Column<DateOnly>(type: "date", nullable: true),
                    end_month = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answers_weakness_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "swot_themes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    analysis_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    name_fi = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swot_themes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "swot_workshops",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    analysis_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kela_district_code = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    municipality_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    remote = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swot_workshops", x => new { x.analysis_code, x.code });
                });

            migrationBuilder.CreateTable(
                name: "pilot_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_pilot_entries_pilots_pilot_id",
                        column: x => x.pilot_id,
                        principalTable: "pilots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pilot_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_pilot_status_changes_pilots_pilot_id",
                        column: x => x.pilot_id,
                        principalTable: "pilots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "swot_findings",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    theme_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text_fi = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    sub_points = table.Column<List<string>>(type: "text[]", nullable: false),
                    workshop_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    source = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swot_findings", x => x.code);
                    table.ForeignKey(
                        name: "fk_swot_findings_swot_themes_theme_code",
                        column: x => x.theme_code,
                        principalTable: "swot_themes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_entries_pilot_id_at",
                table: "pilot_entries",
                columns: new[] { "pilot_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_status_changes_pilot_id_at",
                table: "pilot_status_changes",
                columns: new[] { "pilot_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_pilots_code",
                table: "pilots",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pilots_status",
                table: "pilots",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_swot_findings_theme_code_kind",
                table: "swot_findings",
                columns: new[] { "theme_code", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pilot_entries");

            migrationBuilder.DropTable(
                name: "pilot_status_changes");

            migrationBuilder.DropTable(
                name: "swot_findings");

            migrationBuilder.DropTable(
                name: "swot_workshops");

            migrationBuilder.DropTable(
                name: "pilots");

            migrationBuilder.DropTable(
                name: "swot_themes");
        }
    }
}
