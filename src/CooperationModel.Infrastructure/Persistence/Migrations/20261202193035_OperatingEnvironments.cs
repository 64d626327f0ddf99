using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OperatingEnvironments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "operating_environments",
                columns: table => new
                {
                    municipality_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    organiser_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    has_kela_office = table.Column<bool>(type: "boolean", nullable: false),
                    kela_office_opening_days = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    has_kela_service_point = table.Column<bool>(type: "boolean", nullable: false),
                    has_public_computers = table.Column<bool>(type: "boolean", nullable: false),
                    social_office = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    walk_in_hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    social_emergency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    checked_on_date = table.Column<DateOnly>(type: "date", nullable: true),
                    checked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operating_environments", x => x.municipality_code);
                    table.ForeignKey(
                        name: "fk_operating_environments_municipalities_municipality_code",
                        column: x => x.municipality_code,
                        principalTable: "municipalities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_operating_environments_organiser_code_type",
                table: "operating_environments",
                columns: new[] { "organiser_code", "type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "operating_environments");
        }
    }
}
