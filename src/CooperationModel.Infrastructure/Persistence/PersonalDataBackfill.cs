using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Persistence;

/// <summary>
/// Encrypts what a database written before encryption came in still holds in plain text (migration SecurityInDepth
/// could not: the keys are outside the database). Runs at start-up as the tables' owner, after the migrations; finds
/// nothing to do once done. Reading such a row works meanwhile: the protector passes plain text through.
/// </summary>
internal static class PersonalDataBackfill
{
    private const int Batch = 500;

    public static async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await EncryptAsync<ClientCase>(
            db, "SELECT id AS \"Value\" FROM cases WHERE identity_code_hash = '' OR survey NOT LIKE 'CfDJ8%'",
            [nameof(ClientCase.IdentityCode), nameof(ClientCase.Survey)], cancellationToken);
        await EncryptAsync<Referral>(
            db,
            "SELECT id AS \"Value\" FROM referrals WHERE client_identity_code_hash = '' OR situation_description NOT LIKE 'CfDJ8%' "
            + "OR closing_note NOT LIKE 'CfDJ8%' OR repeat_reason NOT LIKE 'CfDJ8%'",
            [nameof(Referral.ClientIdentityCode), nameof(Referral.SituationDescription), nameof(Referral.ClosingNote), nameof(Referral.RepeatReason)],
            cancellationToken);
        await EncryptAsync<ReferralForward>(
            db, "SELECT id AS \"Value\" FROM referral_forwards WHERE note NOT LIKE 'CfDJ8%' OR closing_note NOT LIKE 'CfDJ8%'",
            [nameof(ReferralForward.Note), nameof(ReferralForward.ClosingNote)], cancellationToken);
        await EncryptAsync<ReferralMessage>(
            db, "SELECT id AS \"Value\" FROM referral_messages WHERE body NOT LIKE 'CfDJ8%'", [nameof(ReferralMessage.Body)], cancellationToken);
        await EncryptAsync<MessageAttachment>(
            db, "SELECT id AS \"Value\" FROM message_attachments WHERE substring(content FROM 1 FOR 4) <> '\\x09f0c9f0'::bytea",
            [nameof(MessageAttachment.Content)], cancellationToken);
    }

    private static async Task EncryptAsync<T>(AppDbContext db, string plainRows, string[] properties, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
#pragma warning disable EF1003 // The SQL is one of the constants above; nothing from outside goes into it.
            var ids = await db.Database.SqlQueryRaw<Guid>(plainRows + $" LIMIT {Batch}").ToListAsync(cancellationToken);
#pragma warning restore EF1003
            if (ids.Count == 0)
            {
                return;
            }

            var rows = await db.Set<T>().IgnoreQueryFilters()
                .Where(row => ids.Contains(EF.Property<Guid>(row, "Id")))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                foreach (var property in properties)
                {
                    db.Entry(row).Property(property).IsModified = true;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
