using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using FluentValidation;

namespace CooperationModel.Application.Referrals.Loop;

/// <summary>Social services records how the referral ended: the outcome and, with an assessment, the plan made.</summary>
public sealed record CompleteReferralCommand(Guid ReferralId, ReferralOutcome? Outcome, PlanType? Plan, string? Note);

/// <summary>Social services returns the referral with a reason; a wrong organiser names the client's actual home municipality.</summary>
public sealed record ReturnReferralCommand(Guid ReferralId, ReturnReason? Reason, string? Note, string? MunicipalityCode);

/// <summary>What a social worker of the receiving organisation does after acknowledging a referral.</summary>
public interface IReferralLoopCommands
{
    Task<Result> StartAssessmentAsync(Guid referralId, CancellationToken cancellationToken = default);

    Task<Result> CompleteAsync(CompleteReferralCommand command, CancellationToken cancellationToken = default);

    Task<Result> ReturnAsync(ReturnReferralCommand command, CancellationToken cancellationToken = default);

    /// <summary>Gives the referral to a social worker of the same organisation, who becomes its named worker.</summary>
    Task<Result> AssignAsync(Guid referralId, Guid workerUserId, CancellationToken cancellationToken = default);

    /// <summary>The social workers of the current user's organisation, to give a referral to.</summary>
    Task<IReadOnlyList<Actor>> ColleaguesAsync(CancellationToken cancellationToken = default);
}

public sealed class ReferralLoopCommands(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    IValidator<CompleteReferralCommand> completeValidator,
    IValidator<ReturnReferralCommand> returnValidator,
    IUserDirectory users,
    ReferralRouting routing,
    TimeProvider clock) : IReferralLoopCommands
{
    /// <summary>The chosen worker is not a social worker of the receiving organisation.</summary>
    public static ValidationError NotAColleague => new("Referral.NotAColleague") { Field = "Worker" };

    public async Task<Result> AssignAsync(Guid referralId, Guid workerUserId, CancellationToken cancellationToken = default)
    {
        var worker = (await ColleaguesAsync(cancellationToken)).SingleOrDefault(c => c.UserId == workerUserId);
        return worker is null
            ? NotAColleague
            : await RunAsync(referralId, (r, actor) => r.Assign(actor, worker, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<IReadOnlyList<Actor>> ColleaguesAsync(CancellationToken cancellationToken = default) =>
        user.Role == UserRole.SocialWorker ? await users.MembersAsync(user.OrganisationId, UserRole.SocialWorker, cancellationToken) : [];

    public Task<Result> StartAssessmentAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        RunAsync(referralId, (r, actor) => r.StartAssessment(actor, clock.GetUtcNow()), cancellationToken);

    public async Task<Result> CompleteAsync(CompleteReferralCommand command, CancellationToken cancellationToken = default)
    {
        var valid = await completeValidator.CheckAsync(command, cancellationToken);
        return !valid.IsSuccess
            ? valid
            : await RunAsync(command.ReferralId, (r, actor) =>
                r.Complete(actor, command.Outcome!.Value, command.Plan, command.Note, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<Result> ReturnAsync(ReturnReferralCommand command, CancellationToken cancellationToken = default)
    {
        var valid = await returnValidator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        var actualHome = command.MunicipalityCode is { Length: > 0 } code ? ReferenceCatalog.Instance.FindMunicipality(code) : null;
        var newDeadlines = ReferralDeadlinePolicy.Default;
        if (command.Reason == ReturnReason.WrongOrganiser && actualHome is not null)
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            newDeadlines = await db.DeadlinePolicyOfAsync(routing.ReceiverFor(actualHome.Code), cancellationToken);
        }

        return await RunAsync(command.ReferralId, (r, actor) =>
            r.Return(routing, actor, command.Reason!.Value, command.Note, actualHome, newDeadlines, clock.Today(), clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>A social worker of the receiving organisation, then one change of the referral (<see cref="ReferralWork"/>).</summary>
    private Task<Result> RunAsync(Guid referralId, Func<Referral, Actor, Result> change, CancellationToken cancellationToken) =>
        user.Role?.WorksReferrals() != true
            ? Task.FromResult<Result>(CommonErrors.WrongRole)
            : dbFactory.ChangeReferralAsync(referralId, referral => change(referral, user.ToActor()), cancellationToken);
}

public sealed class CompleteReferralValidator : AbstractValidator<CompleteReferralCommand>
{
    public CompleteReferralValidator()
    {
        RuleFor(c => c.Outcome).NotNull().WithMessage("Referral.OutcomeRequired").IsInEnum().WithMessage("Referral.OutcomeRequired");
        RuleFor(c => c.Plan).NotNull().When(c => c.Outcome == ReferralOutcome.AssessmentDone).WithMessage(Referral.Errors.PlanRequired.Code);
        RuleFor(c => c.Plan).Null().When(c => c.Outcome is not null and not ReferralOutcome.AssessmentDone).WithMessage(Referral.Errors.PlanOnlyWithAssessment.Code);
        RuleFor(c => c.Note).MaximumLength(Referral.NoteMaxLength).WithMessage(Referral.Errors.NoteTooLong.Code);
    }
}

public sealed class ReturnReferralValidator : AbstractValidator<ReturnReferralCommand>
{
    public ReturnReferralValidator()
    {
        RuleFor(c => c.Reason).NotNull().WithMessage("Referral.ReturnReasonRequired").IsInEnum().WithMessage("Referral.ReturnReasonRequired");
        RuleFor(c => c.MunicipalityCode)
            .Must(code => ReferenceCatalog.Instance.FindMunicipality(code ?? "") is not null)
            .When(c => c.Reason == ReturnReason.WrongOrganiser)
            .WithMessage(Referral.Errors.MunicipalityRequired.Code);
        RuleFor(c => c.Note).MaximumLength(Referral.NoteMaxLength).WithMessage(Referral.Errors.NoteTooLong.Code);
    }
}
