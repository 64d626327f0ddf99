using System.Text;
using CooperationModel.Application.Common;
using CooperationModel.Application.Messages.GetThreads;
using CooperationModel.Application.Messages.PostMessage;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Messages;

/// <summary>
/// The steps the thread tests share: post and open threads as a demo user, forward a referral to health care (there
/// is no forwarding use case yet, so the receiving worker calls the domain and saves), and read the disclosure log.
/// </summary>
public sealed class MessageSteps(AppFixture app)
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    public static readonly Guid CityOfHelsinki = ReferralLoopSteps.CityOfHelsinki;

    public static readonly Guid HealthCareHelsinki = DemoDataSeeder.HealthCareHelsinki.OrganisationId;

    public static Guid Southern => ReferralLoopSteps.Southern;

    public ReferralLoopSteps Loop { get; } = new(app);

    public async Task<Result<Guid>> PostAsync(DemoUser user, Guid referralId, Guid to, string? body, params AttachmentUpload[] files)
    {
        await using var scope = await app.AsUserAsync(user);
        return await scope.Get<IPostMessageHandler>().HandleAsync(new PostMessageCommand(referralId, to, body, files));
    }

    public async Task<Guid> PostOkAsync(DemoUser user, Guid referralId, Guid to, string? body, params AttachmentUpload[] files)
    {
        var posted = await PostAsync(user, referralId, to, body, files);
        posted.ShouldSucceed();
        return posted.Value;
    }

    public async Task<Result<IReadOnlyList<MessageThread>>> ThreadsAsync(DemoUser user, Guid referralId)
    {
        await using var scope = await app.AsUserAsync(user);
        return await scope.Get<IGetThreadsHandler>().HandleAsync(referralId);
    }

    public async Task<IReadOnlyList<MessageThread>> ThreadsOkAsync(DemoUser user, Guid referralId)
    {
        var threads = await ThreadsAsync(user, referralId);
        threads.ShouldSucceed();
        return threads.Value;
    }

    /// <summary>One message as a user sees it, found in whichever thread holds it.</summary>
    public async Task<ThreadMessage> MessageAsync(DemoUser user, Guid referralId, Guid messageId) =>
        (await ThreadsOkAsync(user, referralId)).SelectMany(t => t.Messages).Single(m => m.Id == messageId);

    /// <summary>A Southern handler sends a referral of a new Helsinki client.</summary>
    public async Task<Guid> SendAsync(bool consent = true) => (await Loop.SendAsync(DemoDataSeeder.HandlerSouth, consent: consent)).ReferralId;

    /// <summary>Helsinki accepts the referral and forwards it to Helsinki's health care.</summary>
    public async Task ForwardToHealthCareAsync(Guid referralId)
    {
        await Loop.AcceptAsync(DemoDataSeeder.WorkerHelsinki, referralId);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        await using var db = await worker.Get<IAppDbContextFactory>().CreateAsync();
        var referral = await db.Referrals.Include(r => r.Events).Include(r => r.Forwards).SingleAsync(r => r.Id == referralId);
        referral.Forward(worker.Get<ReferralRouting>(), worker.Get<ICurrentUser>().ToActor(), ForwardTarget.HealthCare, null, DateTimeOffset.UtcNow).ShouldSucceed();
        await db.SaveChangesAsync();
    }

    /// <summary>The disclosures of a referral that carried messages or files, as the sending district's log holds them.</summary>
    public async Task<List<Disclosure>> MessageDisclosuresAsync(Guid referralId, Guid organisationId)
    {
        var reader = new FixedUser(Guid.NewGuid(), organisationId, OrganisationKind.KelaDistrict, UserRole.KelaHandler, "Lokin lukija");
        await using var scope = app.NewDbContext(reader);
        var all = await scope.Db.Disclosures.Where(d => d.ReferralId == referralId).OrderBy(d => d.At).ToListAsync();
        return [.. all.Where(d => (d.What & (DisclosedData.Message | DisclosedData.Attachment)) != 0)];
    }
}
