using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_named_worker_user_id_sen",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "named_worker_user_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "client_identity_code" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_opened_by_user_id_stage",
                table: "cases",
                columns: new[] { "organisation_id", "opened_by_user_id", "stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_named_worker_user_id_sen",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_id_opened_by_user_id_stage",
                table: "cases");
        }
    }
}
