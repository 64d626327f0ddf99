using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SwotRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "swot_rounds",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title_fi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    shipped = table.Column<bool>(type: "boolean", nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swot_rounds", x => x.code);
                });

            // A database that already holds the shipped 2022 round's workshops and themes gets its round row here (the seeder
            // fills in its title and source at the next start), so that the foreign keys below hold.
            migrationBuilder.Sql(
                """
                INSERT INTO swot_rounds (code, title_fi, month, source, shipped, published, created_at)
                SELECT c.analysis_code, '', DATE '2022-09-01', '', TRUE, TRUE, TIMESTAMPTZ '2022-09-01 00:00:00+00'
                FROM (SELECT analysis_code FROM swot_themes UNION SELECT analysis_code FROM swot_workshops) AS c
                ON CONFLICT (code) DO NOTHING;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_swot_themes_analysis_code",
                table: "swot_themes",
                column: "analysis_code");

            migrationBuilder.AddForeignKey(
                name: "fk_swot_themes_swot_rounds_analysis_code",
                table: "swot_themes",
                column: "analysis_code",
                principalTable: "swot_rounds",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_swot_workshops_swot_rounds_analysis_code",
                table: "swot_workshops",
                column: "analysis_code",
                principalTable: "swot_rounds",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_swot_themes_swot_rounds_analysis_code",
                table: "swot_themes");

            migrationBuilder.DropForeignKey(
                name: "fk_swot_workshops_swot_rounds_analysis_code",
                table: "swot_workshops");

            migrationBuilder.DropTable(
                name: "swot_rounds");

            migrationBuilder.DropIndex(
                name: "ix_swot_themes_analysis_code",
                table: "swot_themes");
        }
    }
}
