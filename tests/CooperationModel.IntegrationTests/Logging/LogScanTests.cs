using System.Net;
using System.Text;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Domain.Common;
using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Messages;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using Serilog.Events;

namespace CooperationModel.IntegrationTests.Logging;

/// <summary>
/// No identity code, client name or free text ever reaches the application log: an app of its own, whose Serilog
/// pipeline also writes to an in-memory sink, runs a whole referral flow (use cases and HTTP, error paths included)
/// with recognisable client data, and every captured event is scanned for it.
/// </summary>
[Collection(LogScanCollection.Name)]
public sealed class LogScanTests
{
    /// <summary>Every source at its most verbose, EF Core's SQL and ASP.NET Core's hosting diagnostics included.</summary>
    private static readonly Dictionary<string, string> Verbose = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System"] = "Verbose",
        // The console would print all of it into the test output; the capture sink still gets everything.
        ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Fatal",
    };

    [Fact]
    public async Task ReferralFlow_AppsConfiguredLevels_NoClientDataInTheLog()
    {
        var (capture, client) = await RunFlowAsync(new Dictionary<string, string>());

        // The capture is real: the app's own events and the request log of the HTTP steps reached it.
        capture.Events.ShouldContain(e => Source(e) == "Serilog.AspNetCore.RequestLoggingMiddleware", "no request log captured");
        ShouldNotLeak(capture, client);
    }

    /// <summary>
    /// Everything the configuration can turn on. ASP.NET Core's hosting diagnostics would log every URL with its query
    /// string (the inbox search by name or identity code), so Program.cs holds that one source at Warning whatever the
    /// configuration says: it is not captured here, and that is the point.
    /// </summary>
    [Fact]
    public async Task ReferralFlow_EverySourceVerbose_NoClientDataInTheLog()
    {
        var (capture, client) = await RunFlowAsync(Verbose);

        ShouldCaptureEverything(capture);
        ShouldNotLeak(capture, client);
    }

    /// <summary>The capture is real and as verbose as the app can be: Verbose events, request logs, EF Core's SQL.</summary>
    private static void ShouldCaptureEverything(LogCapture capture)
    {
        capture.Events.ShouldContain(e => e.Level == LogEventLevel.Verbose, "nothing at Verbose level captured");
        capture.Events.ShouldContain(e => Source(e) == "Serilog.AspNetCore.RequestLoggingMiddleware", "no request log captured");
        capture.Events.ShouldContain(
            e => Source(e) == "Microsoft.EntityFrameworkCore.Database.Command" && e.MessageTemplate.Text.Contains("Executed DbCommand"),
            "no EF Core SQL captured");
        capture.Events.ShouldContain(e => Source(e) == "Microsoft.EntityFrameworkCore.ChangeTracking", "no EF Core change tracking captured");
    }

    /// <summary>The client's data of one flow: a unique name, a fresh identity code, and unique free texts.</summary>
    private sealed record ClientData(string Name, string IdentityCode, string Description, string KelaMessage, string WorkerMessage, string ForwardNote, string PartnerNote, string ClosingNote)
    {
        public static ClientData New()
        {
            var tag = Guid.NewGuid().ToString("N")[..8];
            return new(
                $"Lokitesti Asiakas {tag}",
                IdentityCodes.Next(),
                $"Lokikuvaus {tag}: asiakkaalla vuokrarästejä ja terveyshuolia.",
                $"Lokiviesti Kelasta {tag}: liitteenä päätös.",
                $"Lokivastaus kunnasta {tag}: kiitos, liitteenä suunnitelma.",
                $"Lokilähete terveydenhuoltoon {tag}.",
                $"Lokipalaute terveydenhuollosta {tag}.",
                $"Lokiloppukirjaus {tag}.");
        }

        /// <summary>What must not appear, by what it is: the identity code also without its century sign.</summary>
        public IEnumerable<(string What, string Value)> Secrets()
        {
            yield return ("client name", Name);
            yield return ("identity code", IdentityCode);
            yield return ("identity code without century sign", IdentityCode.Remove(6, 1));
            yield return ("situation description", Description);
            yield return ("message body (Kela)", KelaMessage);
            yield return ("message body (social services)", WorkerMessage);
            yield return ("forward note", ForwardNote);
            yield return ("partner's closing note", PartnerNote);
            yield return ("referral closing note", ClosingNote);
        }
    }

    private static async Task<(LogCapture Capture, ClientData Client)> RunFlowAsync(IReadOnlyDictionary<string, string> levels)
    {
        var capture = new LogCapture();
        var app = AppFixture.With(levels, capture.AddTo);
        await app.InitializeAsync();
        try
        {
            var client = ClientData.New();
            await RunAsync(app, client);
            return (capture, client);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task RunAsync(AppFixture app, ClientData client)
    {
        var messages = new MessageSteps(app);
        Guid referralId;

        // Kela opens the case and sends the referral, with consent and a description.
        await using (var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            var opened = await handler.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand(client.Name, client.IdentityCode, ProcessSteps.Helsinki));
            opened.ShouldSucceed();
            var sent = await handler.Get<ISendReferralHandler>().HandleAsync(
                Sending.Command(opened.Value, ReferralGround.ObviousNeedForSocialCare, consent: true, client.Description, coversFeedback: true));
            sent.ShouldSucceed();
            referralId = sent.Value;

            // Error paths: a case for the same client in a municipality that does not exist, the code in lower case,
            // a second case for the same client, a referral that does not exist.
            (await handler.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand(client.Name, client.IdentityCode, "000"))).IsSuccess.ShouldBeFalse();
            (await handler.Get<IOpenCaseHandler>().HandleAsync(
                new OpenCaseCommand(client.Name, client.IdentityCode.ToLowerInvariant() + "x", ProcessSteps.Helsinki))).IsSuccess.ShouldBeFalse();
            await handler.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand(client.Name, client.IdentityCode, ProcessSteps.Helsinki));
            (await handler.Get<IGetReferralHandler>().HandleAsync(Guid.NewGuid())).ShouldFailWith<NotFoundError>("Referral.NotFound");
        }

        // Social services accepts; a message with an attachment each way, and a refused one (a file type never allowed).
        await messages.Loop.AcceptAsync(DemoDataSeeder.WorkerHelsinki, referralId);
        var kelaMessage = await messages.PostOkAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, client.KelaMessage, new AttachmentUpload("paatos.pdf", MessageSteps.Pdf));
        await messages.PostOkAsync(
            DemoDataSeeder.WorkerHelsinki, referralId, MessageSteps.Southern, client.WorkerMessage, new AttachmentUpload("suunnitelma.png", MessageSteps.Png));
        (await messages.PostAsync(
            DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, client.KelaMessage,
            new AttachmentUpload("ohjelma.exe", Encoding.ASCII.GetBytes("MZ" + client.IdentityCode)))).IsSuccess.ShouldBeFalse();

        // Forwarded to health care, which accepts and completes it; then social services completes the referral.
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await worker.Get<IForwardingCommands>().ForwardAsync(new ForwardReferralCommand(referralId, ForwardTarget.HealthCare, client.ForwardNote))).ShouldSucceed();
        }

        await using (var partner = await app.AsUserAsync(DemoDataSeeder.HealthCareHelsinki))
        {
            (await ReferralLoopSteps.InboxForClientAsync(partner, client.IdentityCode)).ShouldHaveSingleItem();
            (await partner.Get<IForwardingCommands>().AcceptAsync(referralId)).ShouldSucceed();
            (await partner.Get<IForwardingCommands>().CompleteAsync(new CompleteForwardCommand(referralId, client.PartnerNote))).ShouldSucceed();
        }

        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await worker.Get<IReferralLoopCommands>().CompleteAsync(
                new CompleteReferralCommand(referralId, ReferralOutcome.NoNeedFound, null, client.ClosingNote))).ShouldSucceed();
        }

        // Over HTTP, signed in as the receiving social worker: the inbox searched by name and by code, the referral,
        // its page, the file Kela sent.
        var http = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);
        (await http.InboxIdsAsync("&search=" + Uri.EscapeDataString(client.Name))).ShouldBe([referralId]);
        (await http.InboxIdsAsync("&search=" + Uri.EscapeDataString(client.IdentityCode))).ShouldBe([referralId]);
        (await http.GetAsync($"/api/referrals/{referralId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetPageAsync($"/referrals/{referralId}")).ShouldContain(client.Name);
        var attachment = (await messages.MessageAsync(DemoDataSeeder.HandlerSouth, referralId, kelaMessage)).Attachments.ShouldHaveSingleItem();
        (await http.GetAsync($"/referrals/{referralId}/attachments/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // And failing requests: a referral that does not exist, a malformed query carrying the name.
        (await http.GetAsync($"/api/referrals/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync("/api/inbox?page=ei&search=" + Uri.EscapeDataString(client.Name))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await http.GetAsync($"/referrals/{Guid.NewGuid()}/attachments/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Malformed values that carry the client's data, in every parameter of the inbox: `?mine=<identity code>` once put
        // the code into the log, raw and at error level, from the framework's binding exception.
        var code = Uri.EscapeDataString(client.IdentityCode);
        var name = Uri.EscapeDataString(client.Name);
        string[] malformed =
        [
            $"mine={code}", $"overdue={code}", $"page={code}", $"pageSize={code}", $"status={code}", $"ground={name}", $"order={code}",
            $"municipality={code}", $"search={name}%00", $"search={code}&page=2147483647", $"status=Sent,Received&search={name}",
        ];
        foreach (var query in malformed)
        {
            (await http.GetAsync("/api/inbox?" + query)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
        }

        (await http.GetAsync($"/api/referrals/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Fails with every event that carries client data, naming what leaked, where and from which source.</summary>
    private static void ShouldNotLeak(LogCapture capture, ClientData client, string? knownLeak = null)
    {
        var events = capture.Events;
        events.Count.ShouldBeGreaterThan(0, "nothing was captured");
        var leaks = new List<string>();
        foreach (var logEvent in events)
        {
            foreach (var (part, text) in LogCapture.Texts(logEvent))
            {
                // Also as a URL would carry it: "%20" or "+" for a space, "%C3%A4" for "ä".
                var decoded = Uri.UnescapeDataString(text.Replace('+', ' '));
                foreach (var (what, value) in client.Secrets())
                {
                    if (text.Contains(value, StringComparison.OrdinalIgnoreCase) || decoded.Contains(value, StringComparison.OrdinalIgnoreCase))
                    {
                        leaks.Add($"{what} in the {part} of {LogCapture.Describe(logEvent)}");
                    }
                }
            }
        }

        leaks.ShouldBeEmpty(
            (knownLeak is null ? "" : knownLeak + "\n")
            + $"client data reached the log ({events.Count} events scanned):\n" + string.Join("\n", leaks.Distinct()));
    }

    private static string? Source(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name } ? name : null;
}

/// <summary>
/// Runs alone: Serilog's static logger is the app's (Program does not preserve it), so another app starting or
/// stopping in parallel would take over or silence this one's log.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogScanCollection
{
    public const string Name = "LogScan";
}
