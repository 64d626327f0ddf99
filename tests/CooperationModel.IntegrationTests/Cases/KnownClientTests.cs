using CooperationModel.Application.Cases.FindClient;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Cases;

/// <summary>
/// One identity code, one client: a new case for a code the district knows shows the client and their cases, and a
/// different name needs the handler's confirmation, which goes on the timeline. (A second case under another name once
/// opened without a word, and the workspace listed two names for one code.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KnownClientTests(AppFixture app)
{
    [Fact]
    public async Task OpenCase_KnownCodeUnderAnotherName_RefusedUntilConfirmedThenOnTheTimeline()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var first = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        var open = handler.Get<IOpenCaseHandler>();

        var refused = await open.HandleAsync(new OpenCaseCommand("Toinen Nimi", first.IdentityCode, ProcessSteps.Helsinki));
        refused.ShouldFailWith<ValidationError>(ClientCase.Errors.NameDiffersFromKnownClient.Code).Field.ShouldBe("ClientName");
        (await handler.Get<IFindClientHandler>().HandleAsync(first.IdentityCode)).ShouldNotBeNull().Cases.ShouldHaveSingleItem();

        var confirmed = await open.HandleAsync(new OpenCaseCommand("Toinen Nimi", first.IdentityCode, ProcessSteps.Helsinki, ConfirmNameChange: true));
        confirmed.ShouldSucceed();
        var second = await ProcessSteps.GetAsync(handler, confirmed.Value);
        second.ClientName.ShouldBe("Toinen Nimi");
        second.Timeline.Select(e => e.Kind).ShouldContain(CaseEventKind.NameChangeConfirmed);
        (await ProcessSteps.GetAsync(handler, first.Id)).Timeline.Select(e => e.Kind).ShouldNotContain(CaseEventKind.NameChangeConfirmed);
    }

    [Fact]
    public async Task OpenCase_KnownCodeUnderTheSameName_OpensWithoutConfirmation()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var first = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);

        var again = await handler.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand($"  {first.ClientName.ToUpperInvariant()} ", first.IdentityCode, ProcessSteps.Helsinki));

        again.ShouldSucceed();
        (await ProcessSteps.GetAsync(handler, again.Value)).Timeline.Select(e => e.Kind).ShouldNotContain(CaseEventKind.NameChangeConfirmed);
    }

    [Fact]
    public async Task FindClient_KnownCode_NamesAndCasesNewestFirstAndEachListedInTheAccessLog()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var first = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        var renamed = await handler.Get<IOpenCaseHandler>().HandleAsync(
            new OpenCaseCommand("Uusi Sukunimi", first.IdentityCode, ProcessSteps.Helsinki, ConfirmNameChange: true));
        renamed.ShouldSucceed();

        var known = (await handler.Get<IFindClientHandler>().HandleAsync(first.IdentityCode)).ShouldNotBeNull();

        known.Names.ShouldBe(["Uusi Sukunimi", first.ClientName], ignoreOrder: true);
        known.Cases.Select(c => c.Id).ShouldBe([renamed.Value, first.Id]);
        known.Cases.ShouldAllBe(c => c.Stage == CaseStage.Guidance);
        await using var scope = app.NewDbContextPastRowLevelSecurity(FixedUser.Anonymous);
        var listed = await scope.Db.AccessLog.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Action == AccessAction.List && (e.RecordId == first.Id || e.RecordId == renamed.Value))
            .Select(e => e.RecordId).ToListAsync();
        listed.ShouldContain(first.Id);
        listed.ShouldContain(renamed.Value);
    }

    [Fact]
    public async Task FindClient_UnknownOrAnotherDistrictsClient_Nothing()
    {
        await using var north = await app.AsUserAsync(DemoDataSeeder.HandlerNorth);
        var northern = await ProcessSteps.OpenAsync(north, ProcessSteps.Oulu);
        await using var south = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        (await south.Get<IFindClientHandler>().HandleAsync(IdentityCodes.Next())).ShouldBeNull();
        (await south.Get<IFindClientHandler>().HandleAsync(northern.IdentityCode)).ShouldBeNull();
        (await south.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand("Eri Ihminen", northern.IdentityCode, ProcessSteps.Helsinki))).ShouldSucceed();
    }
}
