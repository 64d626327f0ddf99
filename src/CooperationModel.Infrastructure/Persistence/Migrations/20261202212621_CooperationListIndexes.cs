using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CooperationListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_operating_environments_checked_on_date",
                table: "operating_environments",
                column: "checked_on_date");

            migrationBuilder.CreateIndex(
                name: "ix_directory_contacts_language_function",
                table: "directory_contacts",
                columns: new[] { "language", "function" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_operating_environments_checked_on_date",
                table: "operating_environments");

            migrationBuilder.DropIndex(
                name: "ix_directory_contacts_language_function",
                table: "directory_contacts");
        }
    }
}
