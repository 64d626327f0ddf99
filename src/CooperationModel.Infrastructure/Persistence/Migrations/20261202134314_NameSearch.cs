using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NameSearch : Migration
    {
        /// <summary>
        /// Under row-level security PostgreSQL runs a qual that is not leakproof, as LIKE is, only after the policy and
        /// row by row, so the trigram index could never serve the app's search. These functions read the index as their
        /// owner and apply the tenant themselves, as the policies do: the organisation the session is set to
        /// (app_current_organisation(); none set, no rows). They return ids only; the app then reads the rows under its
        /// policies. The part searched for is matched literally (LIKE's wildcards in it are escaped).
        /// </summary>
        private const string FunctionsUp = """
            CREATE FUNCTION app_case_ids_named(folded text) RETURNS TABLE (id uuid)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT c.id FROM cases c WHERE c.organisation_id = app_current_organisation()
                      AND c.client_name_folded LIKE '%' || replace(replace(replace(folded, '\', '\\'), '%', '\%'), '_', '\_') || '%' $$;
            REVOKE ALL ON FUNCTION app_case_ids_named(text) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app_case_ids_named(text) TO cooperationmodel_app;

            CREATE FUNCTION app_received_referral_ids_named(folded text) RETURNS TABLE (id uuid)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT r.id FROM referrals r WHERE r.receiver_organisation_id = app_current_organisation()
                      AND r.client_name_folded LIKE '%' || replace(replace(replace(folded, '\', '\\'), '%', '\%'), '_', '\_') || '%' $$;
            REVOKE ALL ON FUNCTION app_received_referral_ids_named(text) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app_received_referral_ids_named(text) TO cooperationmodel_app;
            """;

        private const string FunctionsDown = """
            DROP FUNCTION app_received_referral_ids_named(text);
            DROP FUNCTION app_case_ids_named(text);
            """;

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

            migrationBuilder.Sql(FunctionsUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FunctionsDown);

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
