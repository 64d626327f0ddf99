using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ForwardConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "referral_forwards",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ux_referral_forwards_one_open_per_partner",
                table: "referral_forwards",
                columns: new[] { "to_organisation_id", "referral_id" },
                unique: true,
                filter: "status IN ('Sent', 'Received', 'Accepted')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_referral_forwards_one_open_per_partner",
                table: "referral_forwards");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "referral_forwards");
        }
    }
}
