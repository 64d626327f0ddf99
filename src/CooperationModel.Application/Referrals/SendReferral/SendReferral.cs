using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.SendReferral;

/// <summary>A Kela handler sends a referral from a case to social services.</summary>
public sealed record SendReferralCommand(
    Guid CaseId,
    ReferralGround? Ground,
    bool? ConsentGiven,
    string? SituationDescription,
    bool ConsentCoversFeedback = false,
    string? RepeatReason = null);

public interface ISendReferralHandler
{
    Task<Result<Guid>> HandleAsync(SendReferralCommand command, CancellationToken cancellationToken = default);
}

public sealed class SendReferralHandler(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    IValidator<SendReferralCommand> validator,
    TimeProvider clock) : ISendReferralHandler
{
    public static NotFoundError CaseNotFound => new("Case.NotFound");

    /// <summary>The client already has an open referral: a new one needs a reason, so the partner is not flooded.</summary>
    public static ValidationError RepeatReasonRequired => new("Referral.RepeatReasonRequired") { Field = nameof(SendReferralCommand.RepeatReason) };

    public async Task<Result<Guid>> HandleAsync(SendReferralCommand command, CancellationToken cancellationToken = default)
    {
        var allowed = await user.CheckAsync(UserRole.KelaHandler, validator, command, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return Result<Guid>.Failure(allowed.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var clientCase = await db.Cases.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken);
        if (clientCase is null)
        {
            return CaseNotFound;
        }

        // Open referrals of the same client from this district (the tenant filter keeps it to referrals we can see).
        var hasOpen = await db.Referrals.AnyAsync(
            r => r.SenderOrganisationId == clientCase.OrganisationId
                && r.ClientIdentityCode == clientCase.IdentityCode
                && r.Status != ReferralStatus.Completed && r.Status != ReferralStatus.Returned,
            cancellationToken);
        if (hasOpen && string.IsNullOrWhiteSpace(command.RepeatReason))
        {
            return RepeatReasonRequired;
        }

        var sent = Referral.Send(
            clientCase, command.Ground!.Value, command.ConsentGiven!.Value, command.SituationDescription,
            user.ToActor(), clock.GetUtcNow(), command.ConsentCoversFeedback, hasOpen ? command.RepeatReason : null);
        if (!sent.TryGetValue(out var referral))
        {
            return Result<Guid>.Failure(sent.Errors);
        }

        db.Referrals.Add(referral);
        clientCase.NoteReferralSent(user.ToActor(), referral.Ground, clock.GetUtcNow());
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return Result<Guid>.Failure(saved.Errors);
        }

        return referral.Id;
    }
}
