using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PolicyCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code_hash",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_named_worker_user_id_sen",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_sent_at",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_status_respond_by",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_case_id_sent_at",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code_hash",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_status_respond_by",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_disclosures_from_organisation_id_referral_id",
                table: "disclosures");

            migrationBuilder.DropIndex(
                name: "ix_disclosures_to_organisation_id_referral_id",
                table: "disclosures");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code_hash",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "client_identity_code_hash" })
                .Annotation("Npgsql:IndexInclude", new[] { "sender_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_named_worker_user_id_sen",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "named_worker_user_id", "sent_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "sender_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_sent_at",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "sent_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "sender_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_status_respond_by",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "status", "respond_by" })
                .Annotation("Npgsql:IndexInclude", new[] { "sender_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_case_id_sent_at",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "case_id", "sent_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "receiver_organisation_id", "id", "status", "respond_by" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code_hash",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "client_identity_code_hash" })
                .Annotation("Npgsql:IndexInclude", new[] { "receiver_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_status_respond_by",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "status", "respond_by" })
                .Annotation("Npgsql:IndexInclude", new[] { "receiver_organisation_id", "id", "case_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_from_organisation_id_referral_id",
                table: "disclosures",
                columns: new[] { "from_organisation_id", "referral_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "to_organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_to_organisation_id_referral_id",
                table: "disclosures",
                columns: new[] { "to_organisation_id", "referral_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "from_organisation_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code_hash",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_named_worker_user_id_sen",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_sent_at",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_status_respond_by",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_case_id_sent_at",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code_hash",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_status_respond_by",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_disclosures_from_organisation_id_referral_id",
                table: "disclosures");

            migrationBuilder.DropIndex(
                name: "ix_disclosures_to_organisation_id_referral_id",
                table: "disclosures");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code_hash",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "client_identity_code_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_named_worker_user_id_sen",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "named_worker_user_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_sent_at",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_status_respond_by",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "status", "respond_by" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_case_id_sent_at",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "case_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code_hash",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "client_identity_code_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_status_respond_by",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "status", "respond_by" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_from_organisation_id_referral_id",
                table: "disclosures",
                columns: new[] { "from_organisation_id", "referral_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_to_organisation_id_referral_id",
                table: "disclosures",
                columns: new[] { "to_organisation_id", "referral_id" });
        }
    }
}
