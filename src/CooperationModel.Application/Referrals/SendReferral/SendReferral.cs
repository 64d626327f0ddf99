using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.SendReferral;

/// <summary>
/// A Kela handler sends a referral from a case to social services: an application transfer or a notice, with the
/// consent record (given or not; when, how and what it covers).
/// </summary>
public sealed record SendReferralCommand(
    Guid CaseId,
    ReferralGround? Ground,
    bool? ConsentGiven,
    string? SituationDescription,
    DateOnly? ConsentGivenOn = null,
    ConsentMethod? ConsentMethod = null,
    bool ConsentCoversDescription = false,
    bool ConsentCoversFeedback = false,
    bool Urgent = false,
    string? RepeatReason = null)
{
    /// <summary>The consent record the form describes; null until the handler has said whether consent was given.</summary>
    public ConsentRecord? Consent => ConsentGiven is { } given
        ? new ConsentRecord(given, ConsentGivenOn, ConsentMethod, ConsentCoversDescription, ConsentCoversFeedback).Normalised()
        : null;
}

public interface ISendReferralHandler
{
    Task<Result<Guid>> HandleAsync(SendReferralCommand command, CancellationToken cancellationToken = default);
}

public sealed class SendReferralHandler(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    IValidator<SendReferralCommand> validator,
    TimeProvider clock,
    IIdentityCodeHasher identityCodes,
    ReferralRouting routing) : ISendReferralHandler
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
        // Three reads and a save: on one connection, so the tenant setting is sent once.
        await db.KeepConnectionOpenAsync(cancellationToken);
        var clientCase = await db.Cases.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken);
        if (clientCase is null)
        {
            return CaseNotFound;
        }

        // Open referrals of the same client from this district (the tenant filter keeps it to referrals we can see).
        var hasOpen = await db.Referrals.WithIdentityCode(identityCodes.Hash(clientCase.IdentityCode))
            .Where(r => r.SenderOrganisationId == clientCase.OrganisationId)
            .AnyAsync(ReferralPredicates.Open, cancellationToken);
        if (hasOpen && string.IsNullOrWhiteSpace(command.RepeatReason))
        {
            return RepeatReasonRequired;
        }

        var deadlines = await db.DeadlinePolicyOfAsync(routing.ReceiverFor(clientCase.HomeMunicipalityCode), cancellationToken);
        var content = new ReferralContent(command.Ground!.Value, command.Consent!, command.SituationDescription, command.Urgent);
        var sent = Referral.Send(
            routing,
            clientCase, content, user.ToActor(), clock.Today(), clock.GetUtcNow(), deadlines, hasOpen ? command.RepeatReason : null);
        if (!sent.TryGetValue(out var referral))
        {
            return Result<Guid>.Failure(sent.Errors);
        }

        db.Referrals.Add(referral);
        db.Notifications.AddRange(ReferralNotifications.OfSteps(referral, referral.Events));
        clientCase.NoteReferralSent(user.ToActor(), referral.Ground, clock.GetUtcNow());
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return Result<Guid>.Failure(saved.Errors);
        }

        return referral.Id;
    }
}
