using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartnerDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directory_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    function = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    phone_hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    secure_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    video_meeting_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    emergency_hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    payment_commitment_place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    checked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directory_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_directory_contacts_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_directory_contacts_municipality_code_function",
                table: "directory_contacts",
                columns: new[] { "municipality_code", "function" });

            migrationBuilder.CreateIndex(
                name: "ix_directory_contacts_organisation_id_municipality_code_functi",
                table: "directory_contacts",
                columns: new[] { "organisation_id", "municipality_code", "function" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directory_contacts");
        }
    }
}
