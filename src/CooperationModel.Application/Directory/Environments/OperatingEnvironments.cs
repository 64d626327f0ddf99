using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Surveys;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Application.Directory.Environments;

/// <summary>One municipality's operating environment as its page shows it, with what the current user may do.</summary>
public sealed record OperatingEnvironmentView(
    string MunicipalityCode, string OrganiserCode, OperatingEnvironmentType Type, OperatingEnvironmentFacts? Facts,
    CheckedOn? Checked, bool IsStale, OperatingEnvironmentAccess Access)
{
    /// <summary>What to recommend to a client of the municipality whose type is not known (the case panel adds the client type).</summary>
    public ServiceChannelAdvice Advice => ServiceChannelAdvisor.For(Type, Facts, null);
}

/// <summary>The case page's panel: the client's home municipality's environment and the advice for this client.</summary>
public sealed record CaseEnvironmentView(
    string MunicipalityCode, OperatingEnvironmentType Type, OperatingEnvironmentFacts? Facts, CheckedOn? Checked, bool IsStale,
    ServiceChannelAdvice Advice);

/// <summary>An assessment of a municipality: its type and facts (the admin of its social services organiser only).</summary>
public sealed record ChangeOperatingEnvironmentCommand(
    string MunicipalityCode, OperatingEnvironmentType? Type, bool HasKelaOffice, string? KelaOfficeOpeningDays, bool HasKelaServicePoint,
    bool HasPublicComputers, SocialOfficeReception? SocialOffice, string? WalkInHours, SocialEmergencyService? SocialEmergency, string? Note);

public sealed class ChangeOperatingEnvironmentValidator : AbstractValidator<ChangeOperatingEnvironmentCommand>
{
    public ChangeOperatingEnvironmentValidator() =>
        RuleFor(c => c).MustPassWithOwnFields(c => OperatingEnvironment.Check(
            c.Type, c.HasKelaOffice, c.KelaOfficeOpeningDays, c.SocialOffice, c.WalkInHours, c.SocialEmergency, c.Note));
}

/// <summary>
/// The municipalities' operating environments: anyone signed in reads one (and the case panel's view of it); the admin
/// of the municipality's social services organiser changes it or confirms it unchanged, and their display name and today
/// go into its checked-on (<see cref="OperatingEnvironmentAccessRule"/>). The overview and the list are in
/// <see cref="IOperatingEnvironmentOverview"/>.
/// </summary>
public interface IOperatingEnvironments
{
    Task<Result<OperatingEnvironmentView>> GetAsync(string municipalityCode, CancellationToken cancellationToken = default);

    /// <summary>The case page's panel, read in one query: the environment and the advice for the client type, if known.</summary>
    Task<Result<CaseEnvironmentView>> ForCaseAsync(string municipalityCode, ClientType? clientType, CancellationToken cancellationToken = default);

    Task<Result> ChangeAsync(ChangeOperatingEnvironmentCommand command, CancellationToken cancellationToken = default);

    Task<Result> ConfirmUnchangedAsync(string municipalityCode, CancellationToken cancellationToken = default);
}

public sealed class OperatingEnvironments(
    IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IOptions<DirectoryOptions> options,
    IValidator<ChangeOperatingEnvironmentCommand> validator) : IOperatingEnvironments
{
    public static NotFoundError NotFound => new("Environment.NotFound");

    public static ForbiddenError NotTheOrganisersAdmin => new("Environment.NotTheOrganisersAdmin");

    public async Task<Result<OperatingEnvironmentView>> GetAsync(string municipalityCode, CancellationToken cancellationToken = default) =>
        await ReadAsync(municipalityCode, (environment, access) => new OperatingEnvironmentView(
            environment.MunicipalityCode, environment.OrganiserCode, environment.Type, environment.Facts, environment.Checked,
            IsStale(environment.Checked), access), cancellationToken);

    public async Task<Result<CaseEnvironmentView>> ForCaseAsync(string municipalityCode, ClientType? clientType, CancellationToken cancellationToken = default) =>
        await ReadAsync(municipalityCode, (environment, _) => new CaseEnvironmentView(
            environment.MunicipalityCode, environment.Type, environment.Facts, environment.Checked, IsStale(environment.Checked),
            ServiceChannelAdvisor.For(environment.Type, environment.Facts, clientType)), cancellationToken);

    /// <summary>One municipality's environment for a reader (one round trip), or not found.</summary>
    private async Task<Result<T>> ReadAsync<T>(
        string municipalityCode, Func<OperatingEnvironment, OperatingEnvironmentAccess, T> view, CancellationToken cancellationToken)
    {
        if (AccessTo(municipalityCode) is not { } access || !access.Reads())
        {
            return NotFound;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var environment = await db.OperatingEnvironments.AsNoTracking().SingleOrDefaultAsync(e => e.MunicipalityCode == municipalityCode, cancellationToken);
        if (environment is null)
        {
            return NotFound;
        }

        return view(environment, access);
    }

    public async Task<Result> ChangeAsync(ChangeOperatingEnvironmentCommand command, CancellationToken cancellationToken = default)
    {
        if (Refusal(command.MunicipalityCode) is { } refused)
        {
            return refused;
        }

        var valid = await validator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        var facts = new OperatingEnvironmentFacts(
            command.HasKelaOffice, command.KelaOfficeOpeningDays, command.HasKelaServicePoint, command.HasPublicComputers,
            command.SocialOffice!.Value, command.WalkInHours, command.SocialEmergency!.Value, command.Note);
        return await WorkAsync(command.MunicipalityCode, e => e.Change(command.Type, facts, user.DisplayName, clock.Today()), cancellationToken);
    }

    public async Task<Result> ConfirmUnchangedAsync(string municipalityCode, CancellationToken cancellationToken = default) =>
        Refusal(municipalityCode) ?? await WorkAsync(municipalityCode, e => e.ConfirmUnchanged(user.DisplayName, clock.Today()), cancellationToken);

    /// <summary>The user's access to a municipality of the catalog, or null for a code that names none.</summary>
    private OperatingEnvironmentAccess? AccessTo(string? municipalityCode) =>
        ReferenceCatalog.Instance.FindMunicipality(municipalityCode ?? "") is { } municipality
            ? OperatingEnvironmentAccessRule.For(user.IsAuthenticated ? user.Role : null, user.OrganisationKind, user.OrganisationId, municipality.OrganiserCode)
            : null;

    /// <summary>Not found for whoever may not read it; refused for a reader who may not change it.</summary>
    private Error? Refusal(string municipalityCode) => AccessTo(municipalityCode) switch
    {
        { } access when access.Changes() => null,
        { } access when access.Reads() => NotTheOrganisersAdmin,
        _ => NotFound,
    };

    private async Task<Result> WorkAsync(string municipalityCode, Func<OperatingEnvironment, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var environment = await db.OperatingEnvironments.SingleOrDefaultAsync(e => e.MunicipalityCode == municipalityCode, cancellationToken);
        if (environment is null)
        {
            return NotFound;
        }

        var result = change(environment);
        return result.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : result;
    }

    private bool IsStale(CheckedOn? checkedOn) => checkedOn?.IsStaleOn(clock.Today(), options.Value.StaleAfterMonths) == true;
}
