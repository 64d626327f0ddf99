using System.Text;
using System.Text.RegularExpressions;
using CooperationModel.Application.Notifications;
using CooperationModel.Infrastructure.Notifications;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Notifications;

/// <summary>
/// E-mail where configured, on an app and database of its own (so every pending notification is known): one mail per
/// user with the count and the link, in three languages, and nothing about the client.
/// </summary>
public sealed partial class NotificationMailTests : IAsyncLifetime
{
    private const string BaseUrl = "https://yhteistyomalli.test/";
    private static readonly Uri Link = new("https://yhteistyomalli.test/notifications");

    private readonly string _pickup = Directory.CreateTempSubdirectory("cm-mail-").FullName;
    private AppFixture _app = null!;

    public async Task InitializeAsync()
    {
        _app = AppFixture.With(new Dictionary<string, string>
        {
            ["Notifications:Email:PickupDirectory"] = _pickup,
            ["Notifications:Email:From"] = "yhteistyomalli@kela.test",
            ["Notifications:Email:BaseUrl"] = BaseUrl,
            // The test sends itself; the job's own round would come only tomorrow.
            ["Notifications:Email:Interval"] = "1.00:00:00",
        });
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public async Task SendPending_PickupDirectory_OneMailPerUserWithCountAndLinkOnly()
    {
        // The demo data holds one referral to Helsinki; this one is the second, and its completion tells the handler.
        var steps = new ReferralLoopSteps(_app);
        var sent = await _app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);
        await steps.InAssessmentAsync(sent.ReferralId);
        await steps.CompleteAsync(sent.ReferralId, note: $"Tavattiin {sent.ClientName}.");
        var mailer = _app.Factory.Services.GetRequiredService<NotificationMailer>();
        var text = _app.Factory.Services.GetRequiredService<INotificationMailText>();

        var mailCount = await mailer.SendPendingAsync();

        mailCount.ShouldBe(2);
        var mails = Directory.GetFiles(_pickup, "*.eml").Select(Mail.Read).ToList();
        mails.Select(m => m.To).ShouldBe([DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.WorkerHelsinki.Email], ignoreOrder: true);
        foreach (var mail in mails)
        {
            var count = mail.To == DemoDataSeeder.WorkerHelsinki.Email ? 2 : 1;
            var expected = text.Compose(count, Link);
            mail.Body.ShouldBe(expected.Body);
            mail.Subject.ShouldBe(expected.Subject);
            mail.Body.ShouldContain(Link.AbsoluteUri);
            mail.Body.ShouldContain($": {count}.");
            foreach (var secret in new[] { sent.ClientName, sent.IdentityCode, sent.Description!, "Tavattiin" })
            {
                mail.Raw.ShouldNotContain(secret, Case.Insensitive);
                mail.Body.ShouldNotContain(secret, Case.Insensitive);
                mail.Subject.ShouldNotContain(secret, Case.Insensitive);
            }
        }

        (await PendingAsync()).ShouldBe(0);
        (await mailer.SendPendingAsync()).ShouldBe(0);
        Directory.GetFiles(_pickup, "*.eml").Length.ShouldBe(2);
    }

    [Fact]
    public void Compose_AnyCount_ThreeLanguagesWithTheCountAndTheLink()
    {
        var text = _app.Factory.Services.GetRequiredService<INotificationMailText>();

        var mail = text.Compose(7, Link);

        mail.Body.ShouldContain("päivityksiä: 7.");
        mail.Body.ShouldContain("uppdateringar i Samarbetsmodellen: 7.");
        mail.Body.ShouldContain("Cooperation model: 7.");
        Regex.Matches(mail.Body, Regex.Escape(Link.AbsoluteUri)).Count.ShouldBe(3);
    }

    private async Task<long> PendingAsync()
    {
        await using var connection = new NpgsqlConnection(_app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM notifications WHERE emailed_at IS NULL AND read_at IS NULL", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>A mail as the pickup directory holds it: the receiver, the decoded subject and body, and the raw file.</summary>
    private sealed partial record Mail(string To, string Subject, string Body, string Raw)
    {
        public static Mail Read(string path)
        {
            var raw = File.ReadAllText(path);
            var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = raw[..split];
            var to = ToHeader().Match(headers).Groups[1].Value.Trim().Trim('<', '>');
            var subject = string.Concat(EncodedWord().Matches(headers).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))));
            var body = Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(raw[(split + 4)..], @"\s", "")));
            return new Mail(to, subject, body, raw);
        }

        [GeneratedRegex(@"^To: (.+)$", RegexOptions.Multiline)]
        private static partial Regex ToHeader();

        [GeneratedRegex(@"=\?utf-8\?B\?([^?]+)\?=", RegexOptions.IgnoreCase)]
        private static partial Regex EncodedWord();
    }
}
