using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>While a client's referral is open, another one from the district needs a reason, so the partner is not flooded.</summary>
[Collection(AppCollection.Name)]
public sealed class RepeatReferralTests(AppFixture app)
{
    private readonly ReferralLoopSteps _steps = new(app);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SendReferral_OpenReferralAndNoReason_RepeatReasonRequiredAndNothingStored(string? reason)
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var result = await handler.Get<ISendReferralHandler>().HandleAsync(Sending.Command(
            first.CaseId, ReferralGround.BasicAmountReduced, false, null, repeatReason: reason));

        var error = result.ShouldFailWith<ValidationError>("Referral.RepeatReasonRequired");
        error.Field.ShouldBe(nameof(SendReferralCommand.RepeatReason));
        (await _steps.CountStoredAsync(first.CaseId)).ShouldBe(1);
        var clientCase = await ProcessSteps.GetAsync(handler, first.CaseId);
        clientCase.Referrals.ShouldHaveSingleItem().Id.ShouldBe(first.ReferralId);
    }

    [Fact]
    public async Task SendReferral_OpenReferralWithReason_SentAndReasonStored()
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, first.ReferralId);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var second = await ReferralLoopSteps.SendFromAsync(handler, first.CaseId, repeatReason: "  Uusi huoli: häätöuhka. ");

        second.ShouldNotBe(first.ReferralId);
        (await ReferralLoopSteps.GetAsync(handler, second)).RepeatReason.ShouldBe("Uusi huoli: häätöuhka.");
        (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, second)).RepeatReason.ShouldBe("Uusi huoli: häätöuhka.");
        (await ReferralLoopSteps.GetAsync(handler, first.ReferralId)).RepeatReason.ShouldBeNull();
        (await ProcessSteps.GetAsync(handler, first.CaseId)).Referrals.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendReferral_ReasonTooLong_NoteTooLong()
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var result = await handler.Get<ISendReferralHandler>().HandleAsync(Sending.Command(
            first.CaseId, ReferralGround.BasicAmountReduced, false, null, repeatReason: new string('a', Referral.NoteMaxLength + 1)));

        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Code == Referral.Errors.NoteTooLong.Code);
        (await _steps.CountStoredAsync(first.CaseId)).ShouldBe(1);
    }

    [Fact]
    public async Task SendReferral_FirstCompleted_NoReasonNeeded()
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.InAssessmentAsync(first.ReferralId);
        await _steps.CompleteAsync(first.ReferralId, ReferralOutcome.NoNeedFound);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var second = await ReferralLoopSteps.SendFromAsync(handler, first.CaseId);

        (await ReferralLoopSteps.GetAsync(handler, second)).RepeatReason.ShouldBeNull();
    }

    [Fact]
    public async Task SendReferral_FirstReturned_NoReasonNeeded()
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.ReturnAsync(first.ReferralId, ReturnReason.NotReached);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var second = await ReferralLoopSteps.SendFromAsync(handler, first.CaseId);

        (await ReferralLoopSteps.GetAsync(handler, second)).Status.ShouldBe(ReferralStatus.Sent);
    }

    [Fact]
    public async Task SendReferral_NoOpenReferralButAReason_SentWithoutTheReason()
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.ReturnAsync(first.ReferralId, ReturnReason.NoNeed);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var second = await ReferralLoopSteps.SendFromAsync(handler, first.CaseId, repeatReason: "Varmuuden vuoksi.");

        (await ReferralLoopSteps.GetAsync(handler, second)).RepeatReason.ShouldBeNull();
    }

    [Fact]
    public async Task SendReferral_FirstReroutedAndStillOpen_ReasonNeeded()
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.ReturnAsync(first.ReferralId, ReturnReason.WrongOrganiser, "049");
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var result = await handler.Get<ISendReferralHandler>().HandleAsync(Sending.Command(
            first.CaseId, ReferralGround.BasicAmountReduced, false, null));

        result.ShouldFailWith<ValidationError>("Referral.RepeatReasonRequired");
    }

    [Fact]
    public async Task SendReferral_SameClientInAnotherCaseOfTheDistrict_ReasonNeeded()
    {
        var first = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await handler.Get<IOpenCaseHandler>().HandleAsync(
            new OpenCaseCommand(first.ClientName, first.IdentityCode, ProcessSteps.Helsinki));
        opened.ShouldSucceed();

        var result = await handler.Get<ISendReferralHandler>().HandleAsync(Sending.Command(
            opened.Value, ReferralGround.BasicAmountReduced, false, null));

        result.ShouldFailWith<ValidationError>("Referral.RepeatReasonRequired");
        (await _steps.CountStoredAsync(opened.Value)).ShouldBe(0);
    }

    [Fact]
    public async Task SendReferral_OpenReferralOnlyFromAnotherDistrict_NoReasonNeeded()
    {
        var north = await _steps.SendAsync(DemoDataSeeder.HandlerNorth, ProcessSteps.Oulu);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await handler.Get<IOpenCaseHandler>().HandleAsync(
            new OpenCaseCommand(north.ClientName, north.IdentityCode, ProcessSteps.Helsinki));
        opened.ShouldSucceed();

        var sent = await ReferralLoopSteps.SendFromAsync(handler, opened.Value);

        (await ReferralLoopSteps.GetAsync(handler, sent)).RepeatReason.ShouldBeNull();
    }
}
