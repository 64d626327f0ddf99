using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.DeadlineSettings;

/// <summary>One ground's deadline as the organiser has it: its own setting, or the default.</summary>
public sealed record DeadlineSettingRow(ReferralGround Ground, int AcceptWithinWorkingDays, bool IsDefault);

/// <summary>The working days to accept referrals on one ground (0 = the same working day).</summary>
public sealed record SetDeadlineCommand(ReferralGround? Ground, int? AcceptWithinWorkingDays);

/// <summary>
/// A social services organiser's admin reads and sets the organiser's own deadlines per ground. They apply to referrals
/// sent from then on; an urgent application transfer is due the same working day whatever they say.
/// </summary>
public interface IDeadlineSettingsHandler
{
    Task<Result<IReadOnlyList<DeadlineSettingRow>>> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets one ground or many in one save; a failing row fails them all, its error named by its ground.</summary>
    Task<Result> SetAsync(IReadOnlyList<SetDeadlineCommand> commands, CancellationToken cancellationToken = default);
}

public sealed class DeadlineSettingsHandler(
    IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SetDeadlineCommand> validator) : IDeadlineSettingsHandler
{
    /// <summary>Only a social services organiser receives referrals, so only it has deadlines to set.</summary>
    public static ForbiddenError NotAnOrganiser => new("Deadline.NotAnOrganiser");

    public async Task<Result<IReadOnlyList<DeadlineSettingRow>>> GetAsync(CancellationToken cancellationToken = default)
    {
        var allowed = Check();
        if (!allowed.IsSuccess)
        {
            return Result<IReadOnlyList<DeadlineSettingRow>>.Failure(allowed.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var own = await db.DeadlineSettings.AsNoTracking()
            .Where(s => s.OrganisationId == user.OrganisationId)
            .ToDictionaryAsync(s => s.Ground, s => s.AcceptWithinWorkingDays, cancellationToken);
        return ReferralGrounds.All
            .Select(g => own.TryGetValue(g, out var days)
                ? new DeadlineSettingRow(g, days, IsDefault: false)
                : new DeadlineSettingRow(g, ReferralDeadlinePolicy.DefaultWorkingDays, IsDefault: true))
            .ToList();
    }

    public async Task<Result> SetAsync(IReadOnlyList<SetDeadlineCommand> commands, CancellationToken cancellationToken = default)
    {
        var allowed = Check();
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        var errors = new List<Error>();
        foreach (var command in commands)
        {
            var valid = await validator.CheckAsync(command, cancellationToken);
            errors.AddRange(valid.Errors.Select(e => command.Ground is { } ground ? e with { Field = ground.ToString() } : e));
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var own = await db.DeadlineSettings
            .Where(s => s.OrganisationId == user.OrganisationId)
            .ToDictionaryAsync(s => s.Ground, cancellationToken);
        foreach (var command in commands)
        {
            var ground = command.Ground!.Value;
            var days = command.AcceptWithinWorkingDays!.Value;
            if (own.TryGetValue(ground, out var setting))
            {
                errors.AddRange(setting.Change(days).Errors);
            }
            else if (ReferralDeadlineSetting.Create(user.OrganisationId, ground, days).TryGetValue(out var created))
            {
                db.DeadlineSettings.Add(created);
                own[ground] = created;
            }
            else
            {
                errors.Add(ReferralDeadlineSetting.Errors.OutOfRange with { Field = ground.ToString() });
            }
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        try
        {
            return await db.SaveOrConflictAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin added the same ground's first setting at the same moment (the key is the organiser and ground).
            return CommonErrors.ChangedByAnother;
        }
    }

    private Result Check() =>
        user.Role != UserRole.OrganisationAdmin ? CommonErrors.WrongRole
        : user.OrganisationKind != OrganisationKind.SocialServicesOrganiser ? NotAnOrganiser
        : Result.Success();
}

public sealed class SetDeadlineValidator : AbstractValidator<SetDeadlineCommand>
{
    public const string GroundRequired = "Deadline.GroundRequired";

    public SetDeadlineValidator()
    {
        RuleFor(c => c.Ground).NotNull().WithMessage(GroundRequired).IsInEnum().WithMessage(GroundRequired);
        RuleFor(c => c.AcceptWithinWorkingDays)
            .Must(days => days is >= 0 and <= ReferralDeadlineSetting.MaxWorkingDays)
            .WithMessage(ReferralDeadlineSetting.Errors.OutOfRange.Code);
    }
}
