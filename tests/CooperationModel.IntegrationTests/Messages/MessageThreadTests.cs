using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Messages;

/// <summary>
/// A thread per pair of organisations in the referral's chain: Kela and social services, social services and each
/// partner. Only the two see it; the receiving organisation's opening clears the unread marker.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MessageThreadTests(AppFixture app)
{
    private readonly MessageSteps _steps = new(app);

    [Fact]
    public async Task PostMessage_KelaToSocialServicesAndBack_BothSeeOneThreadOldestFirst()
    {
        var referralId = await _steps.SendAsync();

        var question = await _steps.PostOkAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "  Onko asiakas tavoitettu?\nTerveisin Eeva  ");
        var answer = await _steps.PostOkAsync(DemoDataSeeder.WorkerHelsinki, referralId, MessageSteps.Southern, "Tavoitettu, aika sovittu.");

        var kela = (await _steps.ThreadsOkAsync(DemoDataSeeder.HandlerSouth, referralId)).ShouldHaveSingleItem();
        kela.Counterpart.Id.ShouldBe(MessageSteps.CityOfHelsinki);
        kela.Counterpart.NameFi.ShouldNotBeNullOrWhiteSpace();
        kela.CanWrite.ShouldBeTrue();
        kela.Messages.Select(m => m.Id).ShouldBe([question, answer]);
        kela.Messages[0].ShouldSatisfyAllConditions(
            m => m.Body.ShouldBe("Onko asiakas tavoitettu?\nTerveisin Eeva"),
            m => m.Mine.ShouldBeTrue(),
            m => m.SentByName.ShouldBe(DemoDataSeeder.HandlerSouth.DisplayName),
            m => m.From.Id.ShouldBe(MessageSteps.Southern));
        kela.Messages[1].ShouldSatisfyAllConditions(
            m => m.Mine.ShouldBeFalse(),
            m => m.SentByName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName),
            m => m.From.Id.ShouldBe(MessageSteps.CityOfHelsinki));

        var helsinki = (await _steps.ThreadsOkAsync(DemoDataSeeder.WorkerHelsinki, referralId)).ShouldHaveSingleItem();
        helsinki.Counterpart.Id.ShouldBe(MessageSteps.Southern);
        helsinki.Messages.Select(m => (m.Id, m.Mine)).ShouldBe([(question, false), (answer, true)]);
    }

    [Fact]
    public async Task GetThreads_SenderOpens_StaysUnreadUntilTheRecipientOrganisationOpens()
    {
        var referralId = await _steps.SendAsync();
        var messageId = await _steps.PostOkAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "Kysymys");

        var bySender = await _steps.MessageAsync(DemoDataSeeder.HandlerSouth, referralId, messageId);
        bySender.IsNew.ShouldBeFalse();
        (await _steps.MessageAsync(DemoDataSeeder.HandlerSouth, referralId, messageId)).ReadAt.ShouldBeNull();

        var firstOpening = await _steps.MessageAsync(DemoDataSeeder.WorkerHelsinki, referralId, messageId);
        firstOpening.IsNew.ShouldBeTrue();
        (await _steps.MessageAsync(DemoDataSeeder.WorkerHelsinki, referralId, messageId)).IsNew.ShouldBeFalse();

        var receipt = await _steps.MessageAsync(DemoDataSeeder.HandlerSouth, referralId, messageId);
        receipt.ReadAt.ShouldNotBeNull();
        receipt.ReadByName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
    }

    /// <summary>An admin has no client relationship: the receiver's admin reads no thread (it once could), and marks nothing read.</summary>
    [Fact]
    public async Task GetThreads_AdminOfTheReceiver_WrongRoleAndTheMessageStaysUnread()
    {
        var referralId = await _steps.SendAsync();
        var messageId = await _steps.PostOkAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "Kysymys");

        (await _steps.ThreadsAsync(DemoDataSeeder.AdminHelsinki, referralId)).ShouldFailWith<ForbiddenError>(CommonErrors.WrongRole.Code);

        (await _steps.MessageAsync(DemoDataSeeder.WorkerHelsinki, referralId, messageId)).IsNew.ShouldBeTrue();
    }

    [Fact]
    public async Task PostMessage_AdminOrCoordinator_WrongRole()
    {
        var referralId = await _steps.SendAsync();

        (await _steps.PostAsync(DemoDataSeeder.AdminHelsinki, referralId, MessageSteps.Southern, "Hei"))
            .ShouldFailWith<ForbiddenError>(CommonErrors.WrongRole.Code);
        (await _steps.PostAsync(DemoDataSeeder.Coordinator, referralId, MessageSteps.Southern, "Hei"))
            .ShouldFailWith<ForbiddenError>(CommonErrors.WrongRole.Code);
    }

    [Fact]
    public async Task Threads_WorkerOfAnotherOrganiser_NeitherSeesNorPosts()
    {
        var referralId = await _steps.SendAsync();
        await _steps.PostOkAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "Vain Helsingille");

        (await _steps.ThreadsAsync(DemoDataSeeder.WorkerNorthOstrobothnia, referralId)).ShouldFailWith<NotFoundError>("Referral.NotFound");
        (await _steps.PostAsync(DemoDataSeeder.WorkerNorthOstrobothnia, referralId, MessageSteps.Southern, "Hei"))
            .ShouldFailWith<NotFoundError>("Referral.NotFound");
        (await _steps.PostAsync(DemoDataSeeder.HandlerNorth, referralId, MessageSteps.CityOfHelsinki, "Hei"))
            .ShouldFailWith<NotFoundError>("Referral.NotFound");

        var kela = (await _steps.ThreadsOkAsync(DemoDataSeeder.HandlerSouth, referralId)).ShouldHaveSingleItem();
        kela.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PostMessage_ToAnOrganisationOutsideTheChain_NotInThread()
    {
        var referralId = await _steps.SendAsync();

        (await _steps.PostAsync(DemoDataSeeder.HandlerSouth, referralId, DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId, "Hei"))
            .ShouldFailWith<ForbiddenError>("Message.NotInThread");
        (await _steps.PostAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.Southern, "Itselle"))
            .ShouldFailWith<ForbiddenError>("Message.NotInThread");
    }

    [Fact]
    public async Task Threads_ForwardedToHealthCare_EachPairHasItsOwnThread()
    {
        var referralId = await _steps.SendAsync(consent: false);
        await _steps.ForwardToHealthCareAsync(referralId);
        var toKela = await _steps.PostOkAsync(DemoDataSeeder.WorkerHelsinki, referralId, MessageSteps.Southern, "Kelalle");
        var toHealth = await _steps.PostOkAsync(DemoDataSeeder.WorkerHelsinki, referralId, MessageSteps.HealthCareHelsinki, "Terveydenhuollolle");
        var fromHealth = await _steps.PostOkAsync(DemoDataSeeder.HealthCareHelsinki, referralId, MessageSteps.CityOfHelsinki, "Sosiaalityölle");

        var health = (await _steps.ThreadsOkAsync(DemoDataSeeder.HealthCareHelsinki, referralId)).ShouldHaveSingleItem();
        health.Counterpart.Id.ShouldBe(MessageSteps.CityOfHelsinki);
        health.Messages.Select(m => m.Id).ShouldBe([toHealth, fromHealth]);

        var kela = (await _steps.ThreadsOkAsync(DemoDataSeeder.HandlerSouth, referralId)).ShouldHaveSingleItem();
        kela.Counterpart.Id.ShouldBe(MessageSteps.CityOfHelsinki);
        kela.Messages.Select(m => m.Id).ShouldBe([toKela]);

        var helsinki = await _steps.ThreadsOkAsync(DemoDataSeeder.WorkerHelsinki, referralId);
        helsinki.Select(t => t.Counterpart.Id).ShouldBe([MessageSteps.Southern, MessageSteps.HealthCareHelsinki]);
        helsinki[1].Messages.Select(m => m.Id).ShouldBe([toHealth, fromHealth]);
    }

    [Fact]
    public async Task PostMessage_AcrossTheChain_NotInThread()
    {
        var referralId = await _steps.SendAsync();
        await _steps.ForwardToHealthCareAsync(referralId);

        (await _steps.PostAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.HealthCareHelsinki, "Suoraan terveydenhuoltoon"))
            .ShouldFailWith<ForbiddenError>("Message.NotInThread");
        (await _steps.PostAsync(DemoDataSeeder.HealthCareHelsinki, referralId, MessageSteps.Southern, "Suoraan Kelalle"))
            .ShouldFailWith<ForbiddenError>("Message.NotInThread");
    }

    [Fact]
    public async Task PostMessage_EmptyOrTooLong_ValidationErrorsAndNothingStored()
    {
        var referralId = await _steps.SendAsync();

        (await _steps.PostAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, "   "))
            .ShouldFailWith<ValidationError>("Message.Empty").Field.ShouldBe("Body");
        (await _steps.PostAsync(DemoDataSeeder.HandlerSouth, referralId, MessageSteps.CityOfHelsinki, new string('x', 4001)))
            .ShouldFailWith<ValidationError>("Message.TooLong");

        (await _steps.ThreadsOkAsync(DemoDataSeeder.HandlerSouth, referralId)).ShouldHaveSingleItem().Messages.ShouldBeEmpty();
    }
}
