using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Referrals;

/// <summary>The chain beyond the receiver: forwards to health care and outreach youth work, and their own small loop.</summary>
public sealed partial class Referral
{
    /// <summary>
    /// Social services forwards the referral to health care (of the same organiser's area) or to outreach youth work
    /// (of the client's home municipality). A note goes with it only when the consent covers describing the situation;
    /// without consent the forward rests on SHL 41 § (multi-professional cooperation).
    /// </summary>
    public Result<ReferralForward> Forward(Actor worker, ForwardTarget target, string? note, DateTimeOffset now)
    {
        var check = CheckReceiverWorking(worker);
        if (!check.IsSuccess)
        {
            return Result<ReferralForward>.Failure(check.Errors);
        }

        if (Status is not (ReferralStatus.Accepted or ReferralStatus.InAssessment))
        {
            return Errors.NotAccepted;
        }

        var hasNote = !string.IsNullOrWhiteSpace(note);
        if (hasNote && !ConsentCoversDescription)
        {
            return Errors.ForwardNoteWithoutConsent;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        var to = PartnerFor(target);
        if (_forwards.Any(f => f.ToOrganisationId == to && f.IsOpen))
        {
            return Errors.AlreadyForwarded;
        }

        var forward = ReferralForward.Create(Id, target, ReceiverOrganisationId, to, worker, Tidy(note), now);
        _forwards.Add(forward);
        Record(worker, now, ReferralEventKind.Forwarded, target.ToString());
        var what = DisclosedData.ClientIdentity | DisclosedData.Ground
            | (SituationDescription is null ? DisclosedData.None : DisclosedData.SituationDescription)
            | (hasNote ? DisclosedData.ForwardNote : DisclosedData.None);
        Disclose(worker, to, what, ConsentGiven ? LegalBasis.ClientConsent : LegalBasis.SocialWelfareAct41, now);
        return forward;
    }

    /// <summary>The partner's organisation opened the forwarded referral for the first time.</summary>
    public bool MarkForwardReceived(Actor reader, DateTimeOffset now)
    {
        var forward = OpenForwardTo(reader.OrganisationId);
        if (forward is null || !forward.MarkReceived(now))
        {
            return false;
        }

        Record(reader, now, ReferralEventKind.ForwardReceived, forward.Target.ToString(), forward.Status);
        return true;
    }

    /// <summary>A worker of the partner acknowledges the forward and becomes its named worker.</summary>
    public Result AcceptForward(Actor worker, DateTimeOffset now)
    {
        if (OpenForwardTo(worker.OrganisationId) is not { } forward)
        {
            return Errors.NotForwardedToYou;
        }

        if (forward.Status is not (ReferralStatus.Sent or ReferralStatus.Received))
        {
            return Errors.AlreadyAccepted;
        }

        // Accepting unopened counts as opening it too, as for the referral itself.
        MarkForwardReceived(worker, now);
        forward.Accept(worker, now);
        Record(worker, now, ReferralEventKind.ForwardAccepted, forward.Target.ToString(), forward.Status);
        return Result.Success();
    }

    /// <summary>The partner's named work is done; the note goes back to social services.</summary>
    public Result CompleteForward(Actor worker, string? note, DateTimeOffset now)
    {
        if (OpenForwardTo(worker.OrganisationId) is not { } forward)
        {
            return Errors.NotForwardedToYou;
        }

        if (forward.Status != ReferralStatus.Accepted)
        {
            return Errors.NotAccepted;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        forward.Complete(Tidy(note), now);
        Record(worker, now, ReferralEventKind.ForwardCompleted, forward.Target.ToString(), forward.Status);
        DiscloseForwardFeedback(worker, forward, now);
        return Result.Success();
    }

    /// <summary>The partner returns the forward with a coded reason.</summary>
    public Result ReturnForward(Actor worker, ReturnReason reason, string? note, DateTimeOffset now)
    {
        if (OpenForwardTo(worker.OrganisationId) is not { } forward)
        {
            return Errors.NotForwardedToYou;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        forward.Return(reason, Tidy(note), now);
        Record(worker, now, ReferralEventKind.ForwardReturned, reason.ToString(), forward.Status);
        DiscloseForwardFeedback(worker, forward, now);
        return Result.Success();
    }

    private ReferralForward? OpenForwardTo(Guid organisationId) =>
        _forwards.LastOrDefault(f => f.ToOrganisationId == organisationId && f.IsOpen);

    private Guid PartnerFor(ForwardTarget target) => target switch
    {
        ForwardTarget.HealthCare => Organisation.IdFor(OrganisationKind.HealthCare, OrganiserCodeFor(HomeMunicipalityCode)),
        ForwardTarget.OutreachYouthWork => Organisation.IdFor(OrganisationKind.OutreachYouthWork, HomeMunicipalityCode),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}
