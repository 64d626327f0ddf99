using CooperationModel.Domain.Messages;
using CooperationModel.Application.Common;
using CooperationModel.Application.Messages.PostMessage;
using CooperationModel.Application.Notifications.CountUnread;
using CooperationModel.Application.Notifications.ListNotifications;
using CooperationModel.Domain.Notifications;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CooperationModel.IntegrationTests.Notifications;

/// <summary>
/// What the notification tests share: the stored notification rows of a referral read past every filter, and messages
/// on its threads.
/// </summary>
public sealed class NotificationSteps(AppFixture app)
{
    /// <summary>The columns a notification row may have: none of them can hold a name, a code or free text.</summary>
    public static readonly string[] Columns = ["id", "organisation_id", "user_id", "kind", "referral_id", "model_feedback_id", "created_at", "read_at", "emailed_at"];

    /// <summary>Every stored notification of a referral, whichever organisation it is for, each column by name.</summary>
    public async Task<List<Dictionary<string, object?>>> RowsOfAsync(Guid referralId)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT * FROM notifications WHERE referral_id = @id ORDER BY created_at, id", connection);
        select.Parameters.AddWithValue("id", referralId);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    /// <summary>The rows as (organisation, user, kind), to compare whole sets.</summary>
    public async Task<List<(Guid Organisation, Guid? User, string Kind)>> WhoIsToldAsync(Guid referralId) =>
        [.. (await RowsOfAsync(referralId)).Select(r => ((Guid)r["organisation_id"]!, (Guid?)r["user_id"], (string)r["kind"]!))];

    /// <summary>Writes a message on the referral's thread to another organisation of the chain, through the use case.</summary>
    public async Task PostMessageAsync(DemoUser from, Guid referralId, Guid toOrganisationId, string body)
    {
        await using var scope = await app.AsUserAsync(from);
        (await scope.Get<IPostMessageHandler>().HandleAsync(new PostMessageCommand(referralId, toOrganisationId, body, []))).ShouldSucceed();
    }

    /// <summary>
    /// Writes a message as the use case does, step by step, where no use case can: with the referral read without
    /// tracking, and saved synchronously (the change signal's other path).
    /// </summary>
    public async Task PostMessageByHandAsync(DemoUser from, Guid referralId, Guid toOrganisationId, string body, bool saveSynchronously)
    {
        await using var scope = await app.AsUserAsync(from);
        await using var db = (AppDbContext)await scope.Get<IAppDbContextFactory>().CreateAsync();
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Forwards).SingleAsync(r => r.Id == referralId);
        var posted = referral.PostMessage(scope.Get<ICurrentUser>().ToActor(), toOrganisationId, body, [], DateTimeOffset.UtcNow);
        posted.ShouldSucceed();
        db.Messages.Add(posted.Value);
        db.Notifications.AddRange(ReferralNotifications.OfMessage(referral, posted.Value));
        if (saveSynchronously)
        {
            db.SaveChanges();
        }
        else
        {
            await db.SaveChangesAsync();
        }
    }

    public static async Task<UnreadCounts> CountsAsync(UserScope user) => await user.Get<ICountUnreadHandler>().HandleAsync();

    public async Task<UnreadCounts> CountsAsync(DemoUser user)
    {
        await using var scope = await app.AsUserAsync(user);
        return await CountsAsync(scope);
    }

    public static async Task<Page<NotificationRow>> ListAsync(UserScope user, int page = 1, int pageSize = PageRequest.MaxPageSize) =>
        await user.Get<IListNotificationsHandler>().HandleAsync(new PageRequest(page, pageSize));
}
