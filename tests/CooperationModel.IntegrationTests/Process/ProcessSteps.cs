using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.IntegrationTests.Process;

/// <summary>
/// The steps the process tests share: handlers of their own in a district, cases opened with unique clients and sent
/// to a queue through the use cases, and the app's "today" (Finnish time, as the use cases count it).
/// </summary>
public sealed class ProcessSteps(AppFixture app)
{
    public const string Password = "Vahva-Salasana-2026!";

    /// <summary>Eteläinen: Helsinki.</summary>
    public const string Helsinki = "091";

    /// <summary>Pohjoinen: Oulu.</summary>
    public const string Oulu = "564";

    /// <summary>Keskinen: Jyväskylä. Only the queue-order tests use this district.</summary>
    public const string Jyvaskyla = "179";

    /// <summary>Itäinen: Kuopio. Only the concurrent-take tests use this district.</summary>
    public const string Kuopio = "297";

    public DateOnly Today => app.Factory.Services.GetRequiredService<TimeProvider>().Today();

    public static Guid DistrictId(string districtCode) => Organisation.IdFor(OrganisationKind.KelaDistrict, districtCode);

    public static FixedUser FixedOf(AppUser user) =>
        new(user.Id, user.OrganisationId, OrganisationKind.KelaDistrict, user.Role, user.DisplayName);

    /// <summary>A new Kela handler of the district, with a unique name.</summary>
    public Task<AppUser> NewHandlerAsync(string districtCode, string name) =>
        app.CreateUserAsync($"{name} {Guid.NewGuid():N}"[..(name.Length + 9)], DistrictId(districtCode), UserRole.KelaHandler, Password);

    public Task<UserScope> AsAsync(AppUser user) => app.AsUserAsync(user.Email!);

    /// <summary>Opens a case for a new, uniquely named client; returns its id and identity code.</summary>
    public static async Task<OpenedCase> OpenAsync(UserScope handler, string municipalityCode)
    {
        var identityCode = IdentityCodes.Next();
        var name = $"Prosessi Testi {Guid.NewGuid():N}"[..30];
        var opened = await handler.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand(name, identityCode, municipalityCode));
        opened.ShouldSucceed();
        return new OpenedCase(opened.Value, identityCode, name);
    }

    /// <summary>Opens a case and records an application (guidance → application), not yet sent to processing.</summary>
    public async Task<OpenedCase> OpenWithApplicationAsync(
        UserScope handler, string municipalityCode, bool urgent, DateOnly? receivedOn = null, DateOnly? completeOn = null)
    {
        var opened = await OpenAsync(handler, municipalityCode);
        (await handler.Get<IProcessCommands>().RecordApplicationAsync(new RecordApplicationCommand(
            opened.Id, ApplicationChannel.OnlineAtHome, receivedOn ?? Today, completeOn ?? receivedOn ?? Today, urgent))).ShouldSucceed();
        return opened;
    }

    /// <summary>Opens a case, records the application and sends it to the urgent or the normal queue.</summary>
    public async Task<OpenedCase> QueueAsync(
        UserScope handler, string municipalityCode, bool urgent, DateOnly? receivedOn = null, DateOnly? completeOn = null)
    {
        var opened = await OpenWithApplicationAsync(handler, municipalityCode, urgent, receivedOn, completeOn);
        (await handler.Get<IProcessCommands>().SendToProcessingAsync(opened.Id)).ShouldSucceed();
        return opened;
    }

    /// <summary>Takes every untaken case of the handler's queue, so a test starts from an empty queue.</summary>
    public static async Task DrainAsync(UserScope handler, ProcessingQueue queue)
    {
        var commands = handler.Get<IProcessCommands>();
        for (var taken = 0; taken < 10_000; taken++)
        {
            var next = await commands.TakeNextAsync(queue);
            if (!next.IsSuccess)
            {
                next.FirstError.Code.ShouldBe(ProcessCommands.QueueEmpty.Code);
                return;
            }
        }

        throw new InvalidOperationException("The queue never became empty.");
    }

    public static async Task<CaseDetails> GetAsync(UserScope user, Guid caseId)
    {
        var details = await user.Get<IGetCaseHandler>().HandleAsync(caseId);
        details.ShouldSucceed();
        return details.Value;
    }

    /// <summary>One list of the workspace, limited to one client by the identity-code search.</summary>
    public static async Task<Page<CaseRow>> ListForClientAsync(UserScope user, CaseListFilter filter, OpenedCase client) =>
        (await user.Get<IListCasesHandler>().HandleAsync(new ListCasesQuery(client.IdentityCode, new PageRequest(1, PageRequest.MaxPageSize), filter))).Value;

    /// <summary>Every row of a list, page by page.</summary>
    public static async Task<IReadOnlyList<CaseRow>> ListAllPagesAsync(UserScope user, CaseListFilter filter)
    {
        var rows = new List<CaseRow>();
        for (var page = 1; ; page++)
        {
            var next = (await user.Get<IListCasesHandler>().HandleAsync(new ListCasesQuery(null, new PageRequest(page, PageRequest.MaxPageSize), filter))).Value;
            rows.AddRange(next.Items);
            if (next.Items.Count == 0 || rows.Count >= next.TotalCount)
            {
                return rows;
            }
        }
    }

    public static async Task<Page<CaseRow>> ListAsync(UserScope user, CaseListFilter filter) =>
        (await user.Get<IListCasesHandler>().HandleAsync(new ListCasesQuery(null, new PageRequest(1, PageRequest.MaxPageSize), filter))).Value;
}

/// <summary>A case a test opened: its id and the client's (fictitious) identity code and name.</summary>
public sealed record OpenedCase(Guid Id, string IdentityCode, string ClientName);

public static class ResultAssertions
{
    /// <summary>Fails with the first error's code, so a failing step says why.</summary>
    public static void ShouldSucceed(this Result result) =>
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? "" : result.FirstError.Code);

    /// <summary>Exactly one error, of the given type and code.</summary>
    public static TError ShouldFailWith<TError>(this Result result, string code)
        where TError : Error
    {
        result.IsSuccess.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<TError>();
        error.Code.ShouldBe(code);
        return error;
    }
}
