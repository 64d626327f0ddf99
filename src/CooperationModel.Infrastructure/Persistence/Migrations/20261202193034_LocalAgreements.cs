using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LocalAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "local_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kela_district_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organiser_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    kela_contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kela_contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    kela_contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    organiser_contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organiser_contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organiser_contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ended_early_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_local_agreements_organisations_kela_district_organisation_id",
                        column: x => x.kela_district_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_local_agreements_organisations_organiser_organisation_id",
                        column: x => x.organiser_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_local_agreements_kela_district_organisation_id_valid_until",
                table: "local_agreements",
                columns: new[] { "kela_district_organisation_id", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_local_agreements_organiser_organisation_id_valid_until",
                table: "local_agreements",
                columns: new[] { "organiser_organisation_id", "valid_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "local_agreements");
        }
    }
}
