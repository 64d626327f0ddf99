using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using FluentValidation;

namespace CooperationModel.Application.Referrals.Forwarding;

/// <summary>Social services forwards a referral to health care or outreach youth work, with a note only under consent.</summary>
public sealed record ForwardReferralCommand(Guid ReferralId, ForwardTarget? Target, string? Note);

/// <summary>The partner's work on a forward is done; the note goes back to social services only.</summary>
public sealed record CompleteForwardCommand(Guid ReferralId, string? Note);

/// <summary>The partner returns a forward with a coded reason.</summary>
public sealed record ReturnForwardCommand(Guid ReferralId, ReturnReason? Reason, string? Note);

/// <summary>
/// The forwarding chain: the receiver's social worker hands the referral on; the partner's worker (health care or
/// outreach youth work) accepts it as its named worker, then completes or returns it.
/// </summary>
public interface IForwardingCommands
{
    Task<Result> ForwardAsync(ForwardReferralCommand command, CancellationToken cancellationToken = default);

    Task<Result> AcceptAsync(Guid referralId, CancellationToken cancellationToken = default);

    Task<Result> CompleteAsync(CompleteForwardCommand command, CancellationToken cancellationToken = default);

    Task<Result> ReturnAsync(ReturnForwardCommand command, CancellationToken cancellationToken = default);
}

public sealed class ForwardingCommands(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    IValidator<ForwardReferralCommand> forwardValidator,
    IValidator<CompleteForwardCommand> completeValidator,
    IValidator<ReturnForwardCommand> returnValidator,
    ReferralRouting routing,
    TimeProvider clock) : IForwardingCommands
{
    public async Task<Result> ForwardAsync(ForwardReferralCommand command, CancellationToken cancellationToken = default)
    {
        var allowed = user.Role?.WorksReferrals() == true ? await forwardValidator.CheckAsync(command, cancellationToken) : CommonErrors.WrongRole;
        return !allowed.IsSuccess
            ? allowed
            : await RunAsync(command.ReferralId, (r, actor) => r.Forward(routing, actor, command.Target!.Value, command.Note, clock.GetUtcNow()), cancellationToken);
    }

    public Task<Result> AcceptAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        user.Role?.WorksForwards() != true
            ? Task.FromResult<Result>(CommonErrors.WrongRole)
            : RunAsync(referralId, (r, actor) => r.AcceptForward(actor, clock.GetUtcNow()), cancellationToken);

    public async Task<Result> CompleteAsync(CompleteForwardCommand command, CancellationToken cancellationToken = default)
    {
        var allowed = await CheckPartnerAsync(completeValidator, command, cancellationToken);
        return !allowed.IsSuccess
            ? allowed
            : await RunAsync(command.ReferralId, (r, actor) => r.CompleteForward(actor, command.Note, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<Result> ReturnAsync(ReturnForwardCommand command, CancellationToken cancellationToken = default)
    {
        var allowed = await CheckPartnerAsync(returnValidator, command, cancellationToken);
        return !allowed.IsSuccess
            ? allowed
            : await RunAsync(command.ReferralId, (r, actor) => r.ReturnForward(actor, command.Reason!.Value, command.Note, clock.GetUtcNow()), cancellationToken);
    }

    private async Task<Result> CheckPartnerAsync<T>(IValidator<T> validator, T command, CancellationToken cancellationToken) =>
        user.Role?.WorksForwards() == true ? await validator.CheckAsync(command, cancellationToken) : CommonErrors.WrongRole;

    /// <summary>One change of the referral, loaded with its steps and its chain (<see cref="ReferralWork"/>).</summary>
    private Task<Result> RunAsync(Guid referralId, Func<Referral, Actor, Result> change, CancellationToken cancellationToken) =>
        dbFactory.ChangeReferralAsync(referralId, referral => change(referral, user.ToActor()), cancellationToken);
}
