using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "client_name_folded",
                table: "referrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower(client_name)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "client_name_folded",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower(client_name)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_client_name_folded",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "client_name_folded" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_client_name_sent_at",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "client_name", "sent_at" },
                descending: new[] { false, false, true })
                .Annotation("Npgsql:IndexInclude", new[] { "sender_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_client_name_folded",
                table: "cases",
                columns: new[] { "organisation_id", "client_name_folded" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_client_name_folded",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_client_name_sent_at",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_id_client_name_folded",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "client_name_folded",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "client_name_folded",
                table: "cases");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
