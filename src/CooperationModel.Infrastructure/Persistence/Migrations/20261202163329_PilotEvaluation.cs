using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PilotEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pilot_evaluation_findings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_evaluation_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_pilot_evaluation_findings_pilots_pilot_id",
                        column: x => x.pilot_id,
                        principalTable: "pilots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pilot_indicators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    target = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    baseline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    result = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_pilot_indicators_pilots_pilot_id",
                        column: x => x.pilot_id,
                        principalTable: "pilots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pilot_verdicts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pilot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_verdicts", x => x.id);
                    table.ForeignKey(
                        name: "fk_pilot_verdicts_pilots_pilot_id",
                        column: x => x.pilot_id,
                        principalTable: "pilots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_evaluation_findings_pilot_id_at",
                table: "pilot_evaluation_findings",
                columns: new[] { "pilot_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_indicators_pilot_id",
                table: "pilot_indicators",
                column: "pilot_id");

            migrationBuilder.CreateIndex(
                name: "ix_pilot_verdicts_pilot_id_at",
                table: "pilot_verdicts",
                columns: new[] { "pilot_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pilot_evaluation_findings");

            migrationBuilder.DropTable(
                name: "pilot_indicators");

            migrationBuilder.DropTable(
                name: "pilot_verdicts");
        }
    }
}
