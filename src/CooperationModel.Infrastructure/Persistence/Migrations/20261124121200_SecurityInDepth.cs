using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CooperationModel.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SecurityInDepth : Migration
    {
        /// <summary>The role the app connects as (or whose members it connects as); created here only if missing.</summary>
        private const string RowLevelSecurityUp = """
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cooperationmodel_app') THEN
                    CREATE ROLE cooperationmodel_app NOLOGIN NOBYPASSRLS;
                END IF;
            END $$;

            -- Policies call it as (SELECT app_current_organisation()): an InitPlan, evaluated once per query rather than
            -- once per row, and usable in index conditions.
            CREATE FUNCTION app_current_organisation() RETURNS uuid
                LANGUAGE sql STABLE PARALLEL SAFE
                AS $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;

            -- Which organisations have notifications to e-mail: ids only, for the mailer, which then reads each one's own.
            CREATE FUNCTION app_organisations_with_unmailed_notifications() RETURNS TABLE (organisation_id uuid)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT DISTINCT n.organisation_id FROM notifications n WHERE n.read_at IS NULL AND n.emailed_at IS NULL $$;
            REVOKE ALL ON FUNCTION app_organisations_with_unmailed_notifications() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app_organisations_with_unmailed_notifications() TO cooperationmodel_app;

            GRANT USAGE ON SCHEMA public TO cooperationmodel_app;
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cooperationmodel_app;
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cooperationmodel_app;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cooperationmodel_app;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO cooperationmodel_app;
            REVOKE ALL ON __ef_migrations_history FROM cooperationmodel_app;
            -- The logs are append only for the app.
            REVOKE UPDATE, DELETE, TRUNCATE ON access_log, disclosures FROM cooperationmodel_app;

            -- A client's case and what belongs to it: the Kela district's own.
            ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant ON cases USING (organisation_id = (SELECT app_current_organisation()));
            ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant ON case_events USING (organisation_id = (SELECT app_current_organisation()));
            ALTER TABLE guidance_contacts ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant ON guidance_contacts USING (organisation_id = (SELECT app_current_organisation()));

            -- A referral: its sender, its receiver, and whoever it was disclosed to or by (a partner it was forwarded
            -- to; a receiver that handed it on to the right organiser, which must still see the row it updates).
            ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
            CREATE POLICY party_reads ON referrals FOR SELECT USING (
                sender_organisation_id = (SELECT app_current_organisation())
                OR receiver_organisation_id = (SELECT app_current_organisation())
                OR EXISTS (SELECT 1 FROM disclosures d WHERE d.to_organisation_id = (SELECT app_current_organisation()) AND d.referral_id = referrals.id)
                OR EXISTS (SELECT 1 FROM disclosures d WHERE d.from_organisation_id = (SELECT app_current_organisation()) AND d.referral_id = referrals.id));
            CREATE POLICY sender_sends ON referrals FOR INSERT WITH CHECK (sender_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY party_changes ON referrals FOR UPDATE
                USING (sender_organisation_id = (SELECT app_current_organisation()) OR receiver_organisation_id = (SELECT app_current_organisation())
                    OR EXISTS (SELECT 1 FROM disclosures d WHERE d.to_organisation_id = (SELECT app_current_organisation()) AND d.referral_id = referrals.id)
                    OR EXISTS (SELECT 1 FROM disclosures d WHERE d.from_organisation_id = (SELECT app_current_organisation()) AND d.referral_id = referrals.id));
            CREATE POLICY party_removes ON referrals FOR DELETE
                USING (sender_organisation_id = (SELECT app_current_organisation()) OR receiver_organisation_id = (SELECT app_current_organisation()));

            -- A referral's steps and forwards: seen with the referral; written by the organisation that acts.
            ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
            CREATE POLICY with_referral ON referral_events FOR SELECT USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
            CREATE POLICY actor_writes ON referral_events FOR INSERT WITH CHECK (actor_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY with_referral_removed ON referral_events FOR DELETE USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
            ALTER TABLE referral_forwards ENABLE ROW LEVEL SECURITY;
            CREATE POLICY with_referral ON referral_forwards FOR SELECT USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));
            CREATE POLICY forwarder_forwards ON referral_forwards FOR INSERT WITH CHECK (from_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY link_changes ON referral_forwards FOR UPDATE
                USING (from_organisation_id = (SELECT app_current_organisation()) OR to_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY with_referral_removed ON referral_forwards FOR DELETE USING (EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_id));

            -- A message thread: its two organisations only; files with their message.
            ALTER TABLE referral_messages ENABLE ROW LEVEL SECURITY;
            CREATE POLICY thread_reads ON referral_messages FOR SELECT
                USING (from_organisation_id = (SELECT app_current_organisation()) OR to_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY sender_sends ON referral_messages FOR INSERT WITH CHECK (from_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY reader_marks ON referral_messages FOR UPDATE
                USING (from_organisation_id = (SELECT app_current_organisation()) OR to_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY thread_removes ON referral_messages FOR DELETE
                USING (from_organisation_id = (SELECT app_current_organisation()) OR to_organisation_id = (SELECT app_current_organisation()));
            ALTER TABLE message_attachments ENABLE ROW LEVEL SECURITY;
            CREATE POLICY with_message ON message_attachments FOR SELECT USING (EXISTS (SELECT 1 FROM referral_messages m WHERE m.id = message_id));
            CREATE POLICY sender_attaches ON message_attachments FOR INSERT WITH CHECK (EXISTS (
                SELECT 1 FROM referral_messages m WHERE m.id = message_id AND m.from_organisation_id = (SELECT app_current_organisation())));
            CREATE POLICY with_message_removed ON message_attachments FOR DELETE USING (EXISTS (SELECT 1 FROM referral_messages m WHERE m.id = message_id));

            -- The logs: each organisation reads its own; the app's role cannot change or delete them (no grant above).
            ALTER TABLE disclosures ENABLE ROW LEVEL SECURITY;
            CREATE POLICY party_reads ON disclosures FOR SELECT
                USING (from_organisation_id = (SELECT app_current_organisation()) OR to_organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY discloser_writes ON disclosures FOR INSERT WITH CHECK (from_organisation_id = (SELECT app_current_organisation()));
            ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_reads ON access_log FOR SELECT USING (organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY own_writes ON access_log FOR INSERT WITH CHECK (organisation_id = (SELECT app_current_organisation()));

            -- Notifications carry ids only: written for the organisation told (another one), read and marked by its own.
            ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
            CREATE POLICY anyone_notifies ON notifications FOR INSERT WITH CHECK (true);
            CREATE POLICY own_reads ON notifications FOR SELECT USING (organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY own_marks ON notifications FOR UPDATE USING (organisation_id = (SELECT app_current_organisation()));
            CREATE POLICY own_removes ON notifications FOR DELETE USING (organisation_id = (SELECT app_current_organisation()));

            -- No JIT compilation in this database: the policies' subplans lift the planner's cost estimate of a large
            -- organisation's list queries over jit_above_cost, and compiling took longer (0.4-1 s) than the queries run.
            DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$;
            """;

        private const string RowLevelSecurityDown = """
            DROP POLICY IF EXISTS anyone_notifies ON notifications;
            DROP POLICY IF EXISTS own_reads ON notifications;
            DROP POLICY IF EXISTS own_marks ON notifications;
            DROP POLICY IF EXISTS own_removes ON notifications;
            ALTER TABLE notifications DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS party_reads ON disclosures;
            DROP POLICY IF EXISTS discloser_writes ON disclosures;
            ALTER TABLE disclosures DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS with_message ON message_attachments;
            DROP POLICY IF EXISTS sender_attaches ON message_attachments;
            DROP POLICY IF EXISTS with_message_removed ON message_attachments;
            ALTER TABLE message_attachments DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS thread_reads ON referral_messages;
            DROP POLICY IF EXISTS sender_sends ON referral_messages;
            DROP POLICY IF EXISTS reader_marks ON referral_messages;
            DROP POLICY IF EXISTS thread_removes ON referral_messages;
            ALTER TABLE referral_messages DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS with_referral ON referral_forwards;
            DROP POLICY IF EXISTS forwarder_forwards ON referral_forwards;
            DROP POLICY IF EXISTS link_changes ON referral_forwards;
            DROP POLICY IF EXISTS with_referral_removed ON referral_forwards;
            ALTER TABLE referral_forwards DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS with_referral ON referral_events;
            DROP POLICY IF EXISTS actor_writes ON referral_events;
            DROP POLICY IF EXISTS with_referral_removed ON referral_events;
            ALTER TABLE referral_events DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS party_reads ON referrals;
            DROP POLICY IF EXISTS sender_sends ON referrals;
            DROP POLICY IF EXISTS party_changes ON referrals;
            DROP POLICY IF EXISTS party_removes ON referrals;
            ALTER TABLE referrals DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS tenant ON guidance_contacts;
            ALTER TABLE guidance_contacts DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS tenant ON case_events;
            ALTER TABLE case_events DISABLE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS tenant ON cases;
            ALTER TABLE cases DISABLE ROW LEVEL SECURITY;
            DROP FUNCTION IF EXISTS app_organisations_with_unmailed_notifications();
            DROP FUNCTION IF EXISTS app_current_organisation();
            DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET jit', current_database()); END $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_id_identity_code",
                table: "cases");

            migrationBuilder.AlterColumn<string>(
                name: "situation_description",
                table: "referrals",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "repeat_reason",
                table: "referrals",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "closing_note",
                table: "referrals",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "client_identity_code",
                table: "referrals",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(11)",
                oldMaxLength: 11);

            migrationBuilder.AddColumn<string>(
                name: "client_identity_code_hash",
                table: "referrals",
                type: "character varying(44)",
                maxLength: 44,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "body",
                table: "referral_messages",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "note",
                table: "referral_forwards",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "closing_note",
                table: "referral_forwards",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "survey",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "identity_code",
                table: "cases",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(11)",
                oldMaxLength: 11);

            migrationBuilder.AddColumn<string>(
                name: "identity_code_hash",
                table: "cases",
                type: "character varying(44)",
                maxLength: 44,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "access_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    client_key = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: true),
                    record_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    section = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_log_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    friendly_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code_hash",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "client_identity_code_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code_hash",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "client_identity_code_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_unmailed",
                table: "notifications",
                column: "organisation_id",
                filter: "read_at IS NULL AND emailed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_identity_code_hash",
                table: "cases",
                columns: new[] { "organisation_id", "identity_code_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_organisation_id_at",
                table: "access_log",
                columns: new[] { "organisation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_organisation_id_client_key_at",
                table: "access_log",
                columns: new[] { "organisation_id", "client_key", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_organisation_id_user_id_at",
                table: "access_log",
                columns: new[] { "organisation_id", "user_id", "at" });

            // Row-level security and the two roles (docs/security.md). The app's role owns nothing and cannot bypass
            // RLS; every policy compares with app_current_organisation(), which the app sets on each connection.
            migrationBuilder.Sql(RowLevelSecurityUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowLevelSecurityDown);

            migrationBuilder.DropTable(
                name: "access_log");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code_hash",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code_hash",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "ix_notifications_unmailed",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_cases_organisation_id_identity_code_hash",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "client_identity_code_hash",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "identity_code_hash",
                table: "cases");

            migrationBuilder.AlterColumn<string>(
                name: "situation_description",
                table: "referrals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "repeat_reason",
                table: "referrals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "closing_note",
                table: "referrals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "client_identity_code",
                table: "referrals",
                type: "character varying(11)",
                maxLength: 11,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "body",
                table: "referral_messages",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "note",
                table: "referral_forwards",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "closing_note",
                table: "referral_forwards",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "survey",
                table: "cases",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "identity_code",
                table: "cases",
                type: "character varying(11)",
                maxLength: 11,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_receiver_organisation_id_client_identity_code",
                table: "referrals",
                columns: new[] { "receiver_organisation_id", "client_identity_code" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_sender_organisation_id_client_identity_code",
                table: "referrals",
                columns: new[] { "sender_organisation_id", "client_identity_code" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_identity_code",
                table: "cases",
                columns: new[] { "organisation_id", "identity_code" });
        }
    }
}
