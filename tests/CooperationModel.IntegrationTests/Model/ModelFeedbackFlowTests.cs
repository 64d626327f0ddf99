using CooperationModel.Application.Common;
using CooperationModel.Application.Model;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Notifications;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Model;

/// <summary>
/// Feedback on the model on PostgreSQL: a social worker sends, the coordinator triages and answers, the sender reads the
/// answer and is notified (by id only); feedback belongs to its sender's organisation and the national coordination only.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ModelFeedbackFlowTests(AppFixture app)
{
    private async Task<Guid> SendAsync(DemoUser sender, CaseStage stage, string text, string culture = "fi-FI")
    {
        await using var scope = await app.AsUserAsync(sender);
        var sent = await scope.Get<IModelFeedbackHandler>().SendAsync(new SendFeedbackCommand(stage, FeedbackKind.Unclear, text, culture));
        sent.IsSuccess.ShouldBeTrue(sent.IsSuccess ? "" : sent.FirstError.Code);
        return sent.Value;
    }

    private async Task<int> CountAsync(CaseStage stage, FeedbackStatus status)
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        var counts = await scope.Get<IModelFeedbackHandler>().CountAsync();
        return counts.Value.Single(c => c.Stage == stage && c.Status == status).Count;
    }

    [Fact]
    public async Task Triage_CoordinatorAnswers_SenderReadsTheAnswerAndIsNotifiedByIdOnly()
    {
        var text = $"Vaihe 5: mitä suostumus kattaa, on epäselvää ({Guid.NewGuid():N})";
        var newBefore = await CountAsync(CaseStage.ReferralToSocialWork, FeedbackStatus.New);
        var id = await SendAsync(DemoDataSeeder.WorkerHelsinki, CaseStage.ReferralToSocialWork, text);
        (await CountAsync(CaseStage.ReferralToSocialWork, FeedbackStatus.New)).ShouldBe(newBefore + 1);

        await using (var coordinator = await app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            var handler = coordinator.Get<IModelFeedbackHandler>();
            var row = (await handler.ListForTriageAsync(CaseStage.ReferralToSocialWork, FeedbackStatus.New)).Value.Single(r => r.Id == id);
            row.Text.ShouldBe(text);
            row.Language.ShouldBe("fi");
            row.NextStatuses.ShouldContain(FeedbackStatus.Answered);

            (await handler.TriageAsync(new TriageFeedbackCommand(id, FeedbackStatus.UnderReview, null, row.Version))).IsSuccess.ShouldBeTrue();
            var reviewed = (await handler.ListForTriageAsync(null, FeedbackStatus.UnderReview)).Value.Single(r => r.Id == id);
            var answered = await handler.TriageAsync(new TriageFeedbackCommand(id, FeedbackStatus.TakenIntoNextVersion, "Tarkennetaan versioon 2.0.", reviewed.Version));
            answered.IsSuccess.ShouldBeTrue(answered.IsSuccess ? "" : answered.FirstError.Code);
        }

        (await CountAsync(CaseStage.ReferralToSocialWork, FeedbackStatus.New)).ShouldBe(newBefore);

        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            var mine = (await worker.Get<IModelFeedbackHandler>().ListMineAsync()).Single(f => f.Id == id);
            mine.Status.ShouldBe(FeedbackStatus.TakenIntoNextVersion);
            mine.Answer.ShouldBe("Tarkennetaan versioon 2.0.");
        }

        await using var db = app.NewDbContext(await app.FixedUserAsync(DemoDataSeeder.WorkerHelsinki));
        var notification = await db.Db.Notifications.SingleAsync(n => n.ModelFeedbackId == id);
        notification.Kind.ShouldBe(NotificationKind.ModelFeedbackAnswered);
        notification.ReferralId.ShouldBeNull();
        (await app.FixedUserAsync(DemoDataSeeder.WorkerHelsinki)).UserId.ShouldBe(notification.UserId!.Value);
    }

    [Fact]
    public async Task Triage_StaleVersion_Conflict()
    {
        var id = await SendAsync(DemoDataSeeder.HandlerSouth, CaseStage.Decision, "Päätöskirjeen kieli toimii hyvin.");
        await using var coordinator = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        var handler = coordinator.Get<IModelFeedbackHandler>();
        var row = (await handler.ListForTriageAsync(CaseStage.Decision, null)).Value.Single(r => r.Id == id);
        (await handler.TriageAsync(new TriageFeedbackCommand(id, FeedbackStatus.UnderReview, null, row.Version))).IsSuccess.ShouldBeTrue();
        (await handler.TriageAsync(new TriageFeedbackCommand(id, FeedbackStatus.Declined, "Ei muutosta.", row.Version)))
            .FirstError.Code.ShouldBe(CommonErrors.ChangedByAnother.Code);
    }

    [Fact]
    public async Task Send_TextWithIdentityCode_RefusedAndNothingStored()
    {
        var code = IdentityCodes.Next();
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var handler = scope.Get<IModelFeedbackHandler>();
        var sent = await handler.SendAsync(new SendFeedbackCommand(CaseStage.Guidance, FeedbackKind.Works, $"Asiakas {code} sai hyvää ohjausta", "sv-FI"));
        sent.FirstError.Code.ShouldBe(PersonalData.ContainsIdentityCodeCode);
        sent.FirstError.Field.ShouldBe("Text");
        (await handler.ListMineAsync()).ShouldNotContain(f => f.Text.Contains(code));
    }

    [Fact]
    public async Task Send_OnTheVersionTheSenderReads_RecordedAgainstIt_UnpublishedRefused()
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var handler = scope.Get<IModelFeedbackHandler>();

        var first = await handler.SendAsync(new SendFeedbackCommand(CaseStage.Decision, FeedbackKind.Works, "Versio 1.0 toimii.", "fi-FI", CooperationModelContent.FirstVersion));
        (await handler.ListMineAsync()).Single(f => f.Id == first.Value).ModelVersion.ShouldBe(CooperationModelContent.FirstVersion);

        var unpublished = await handler.SendAsync(new SendFeedbackCommand(CaseStage.Decision, FeedbackKind.Works, "Versio 9.9 toimii.", "fi-FI", "9.9"));
        unpublished.FirstError.Code.ShouldBe("Feedback.UnknownVersion");
        unpublished.FirstError.Field.ShouldBe(nameof(SendFeedbackCommand.ModelVersion));
        (await handler.ListMineAsync()).ShouldNotContain(f => f.Text == "Versio 9.9 toimii.");

        // Without a version: the newest published one (a later test run may have published 1.1 or 2.0).
        var newest = await handler.SendAsync(new SendFeedbackCommand(CaseStage.Decision, FeedbackKind.Works, "Uusin versio toimii.", "fi-FI"));
        await using var db = app.NewDbContext(await app.FixedUserAsync(DemoDataSeeder.WorkerHelsinki));
        var expected = await db.Db.ModelVersions.Where(v => v.PublishedOn != null)
            .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.CreatedAt).Select(v => v.Number).FirstOrDefaultAsync()
            ?? CooperationModelContent.FirstVersion;
        (await handler.ListMineAsync()).Single(f => f.Id == newest.Value).ModelVersion.ShouldBe(expected);
    }

    [Fact]
    public async Task Triage_NotACoordinator_WrongRoleAndNoList()
    {
        var id = await SendAsync(DemoDataSeeder.WorkerHelsinki, CaseStage.Guidance, "Ohjauksen kuvaus on selkeä.");
        foreach (var user in new[] { DemoDataSeeder.WorkerHelsinki, DemoDataSeeder.AdminHelsinki, DemoDataSeeder.HandlerSouth })
        {
            await using var scope = await app.AsUserAsync(user);
            var handler = scope.Get<IModelFeedbackHandler>();
            (await handler.TriageAsync(new TriageFeedbackCommand(id, FeedbackStatus.Declined, "Ei", 0))).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
            (await handler.ListForTriageAsync(null, null)).IsSuccess.ShouldBeFalse();
            (await handler.CountAsync()).IsSuccess.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Feedback_OtherOrganisations_SeeNoneOfIt_FilterAndRowLevelSecurity()
    {
        var id = await SendAsync(DemoDataSeeder.WorkerHelsinki, CaseStage.Cooperation, "Yhteiset tapaamiset toimivat.", "en-GB");

        // The sender's organisation and the national coordination see it; the filter and RLS hide it from everyone else.
        foreach (var (user, sees) in new[]
                 {
                     (DemoDataSeeder.AdminHelsinki, true), (DemoDataSeeder.Coordinator, true),
                     (DemoDataSeeder.HandlerSouth, false), (DemoDataSeeder.WorkerNorthOstrobothnia, false), (DemoDataSeeder.HealthCareHelsinki, false),
                 })
        {
            await using var scope = app.NewDbContext(await app.FixedUserAsync(user));
            (await scope.Db.ModelFeedback.AnyAsync(f => f.Id == id)).ShouldBe(sees, user.Email);
            var raw = await scope.Db.Database.SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM model_feedback WHERE id = {0}", id).ToListAsync();
            (raw.Count == 1).ShouldBe(sees, $"row-level security for {user.Email}");
        }

        await using var other = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await other.Get<IModelFeedbackHandler>().ListMineAsync()).ShouldNotContain(f => f.Id == id);
    }

    [Fact]
    public async Task Feedback_RowOfAnotherOrganisation_CannotBeWrittenEvenPastTheFilter()
    {
        var id = await SendAsync(DemoDataSeeder.WorkerHelsinki, CaseStage.Application, "Hakemisen ohjeet ovat selkeät.");
        await using var scope = app.NewDbContext(await app.FixedUserAsync(DemoDataSeeder.HandlerSouth));
        var updated = await scope.Db.Database.ExecuteSqlRawAsync("UPDATE model_feedback SET text = 'muutettu' WHERE id = {0}", id);
        updated.ShouldBe(0);
    }
}
