using NpgsqlTypes;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>
/// The tables the volume seeder writes, in an order that keeps every foreign key satisfied. Identity codes have the keyed
/// hash the app looks them up by. With the app's protector, the columns the app encrypts (those PersonalDataBackfill
/// lists) are written encrypted, as the app writes them; without it, plain (the app reads text from before encryption as
/// it is, but its start-up then encrypts every such row: hours at ten years of volume).
/// </summary>
internal sealed class VolumeTables(byte[] identityCodeHashKey, Func<string, string>? protect = null)
{
    private const NpgsqlDbType Uuid = NpgsqlDbType.Uuid;
    private const NpgsqlDbType Text = NpgsqlDbType.Varchar;
    private const NpgsqlDbType Time = NpgsqlDbType.TimestampTz;
    private const NpgsqlDbType Date = NpgsqlDbType.Date;
    private const NpgsqlDbType Bool = NpgsqlDbType.Boolean;
    private const NpgsqlDbType Int = NpgsqlDbType.Integer;

    /// <summary>The app's identity code hash: base64 of HMAC-SHA256 over the code's UTF-8, under the app's key.</summary>
    public string HashOf(string identityCode) =>
        Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(identityCodeHashKey, System.Text.Encoding.UTF8.GetBytes(identityCode)));

    public CopyTable Users { get; } = new(
        "\"AspNetUsers\"",
        ("id", Uuid), ("organisation_id", Uuid), ("role", Text), ("display_name", Text), ("user_name", Text),
        ("normalized_user_name", Text), ("email", Text), ("normalized_email", Text), ("email_confirmed", Bool),
        ("security_stamp", Text), ("concurrency_stamp", Text), ("phone_number_confirmed", Bool), ("two_factor_enabled", Bool),
        ("lockout_enabled", Bool), ("access_failed_count", Int));

    public CopyTable Cases { get; } = new CopyTable(
        "cases",
        ("id", Uuid), ("organisation_id", Uuid), ("client_name", Text), ("identity_code", Text), ("home_municipality_code", Text),
        ("opened_at", Time), ("opened_by_user_id", Uuid), ("stage", Text),
        ("application_channel", Text), ("application_received_on", Date), ("application_complete_on", Date), ("application_urgent_requested", Bool),
        ("queue", Text), ("queued_at", Time), ("handler_user_id", Uuid), ("handler_name", Text), ("urgency_confirmed", Bool),
        ("decision_due_on", Date), ("decision_outcome", Text), ("decided_on", Date),
        ("decision_signal_to_other_benefits", Bool), ("decision_signal_to_social_services", Bool), ("identity_code_hash", Text))
        .Protecting(protect, "identity_code");

    public CopyTable CaseEvents { get; } = new(
        "case_events",
        ("id", Uuid), ("case_id", Uuid), ("organisation_id", Uuid), ("at", Time), ("sequence", Int), ("actor_user_id", Uuid),
        ("actor_name", Text), ("kind", Text), ("stage", Text), ("from_stage", Text), ("detail", Text));

    public CopyTable GuidanceContacts { get; } = new(
        "guidance_contacts",
        ("id", Uuid), ("case_id", Uuid), ("organisation_id", Uuid), ("at", Time), ("channel", Text), ("has_devices", Bool),
        ("has_skills", Bool), ("recorded_by_user_id", Uuid));

    public CopyTable Referrals { get; } = new CopyTable(
        "referrals",
        ("id", Uuid), ("case_id", Uuid), ("sender_organisation_id", Uuid), ("receiver_organisation_id", Uuid), ("ground", Text),
        ("urgent", Bool), ("respond_by", Date), ("consent_given", Bool), ("consent_given_on", Date), ("consent_method", Text),
        ("consent_recorded_by_user_id", Uuid), ("consent_recorded_by_name", Text), ("consent_covers_description", Bool),
        ("consent_covers_feedback", Bool), ("situation_description", Text), ("client_name", Text), ("client_identity_code", Text),
        ("home_municipality_code", Text), ("status", Text), ("sent_at", Time), ("sent_by_user_id", Uuid), ("sent_by_name", Text),
        ("received_at", Time), ("named_worker_user_id", Uuid), ("named_worker_name", Text), ("accepted_at", Time),
        ("outcome", Text), ("plan_made", Text), ("completed_at", Time), ("return_reason", Text), ("returned_at", Time),
        ("closing_note", Text), ("client_identity_code_hash", Text))
        .Protecting(protect, "client_identity_code", "situation_description", "closing_note");

    public CopyTable ReferralEvents { get; } = new(
        "referral_events",
        ("id", Uuid), ("referral_id", Uuid), ("sequence", Int), ("at", Time), ("actor_user_id", Uuid), ("actor_name", Text),
        ("actor_organisation_id", Uuid), ("kind", Text), ("status", Text), ("detail", Text));

    public CopyTable Forwards { get; } = new CopyTable(
        "referral_forwards",
        ("id", Uuid), ("referral_id", Uuid), ("target", Text), ("from_organisation_id", Uuid), ("to_organisation_id", Uuid),
        ("forwarded_at", Time), ("forwarded_by_user_id", Uuid), ("forwarded_by_name", Text), ("note", Text), ("status", Text),
        ("received_at", Time), ("named_worker_user_id", Uuid), ("named_worker_name", Text), ("accepted_at", Time),
        ("closed_at", Time), ("return_reason", Text), ("closing_note", Text))
        .Protecting(protect, "note", "closing_note");

    public CopyTable Disclosures { get; } = new(
        "disclosures",
        ("id", Uuid), ("referral_id", Uuid), ("at", Time), ("from_organisation_id", Uuid), ("to_organisation_id", Uuid),
        ("by_user_id", Uuid), ("by_name", Text), ("what", Int), ("basis", Text));

    public CopyTable Messages { get; } = new CopyTable(
        "referral_messages",
        ("id", Uuid), ("referral_id", Uuid), ("from_organisation_id", Uuid), ("to_organisation_id", Uuid), ("sent_by_user_id", Uuid),
        ("sent_by_name", Text), ("sent_at", Time), ("body", Text), ("read_at", Time), ("read_by_name", Text))
        .Protecting(protect, "body");

    public CopyTable Notifications { get; } = new(
        "notifications",
        ("id", Uuid), ("organisation_id", Uuid), ("user_id", Uuid), ("kind", Text), ("referral_id", Uuid), ("created_at", Time),
        ("read_at", Time));

    /// <summary>The use log; its id is an identity column the database numbers.</summary>
    public CopyTable AccessLog { get; } = new(
        "access_log",
        ("at", Time), ("organisation_id", Uuid), ("user_id", Uuid), ("user_name", Text), ("role", Text), ("client_key", Text),
        ("record_type", Text), ("record_id", Uuid), ("section", Text), ("action", Text), ("result", Text), ("purpose", Text), ("detail", Text));

    /// <summary>Parents before children.</summary>
    public IReadOnlyList<CopyTable> InWriteOrder =>
        [Users, Cases, CaseEvents, GuidanceContacts, Referrals, ReferralEvents, Forwards, Disclosures, Messages, Notifications, AccessLog];
}
