using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Referrals;

/// <summary>The chain beyond the receiver: forwards to health care and outreach youth work, and their own small loop.</summary>
public sealed partial class Referral
{
    /// <summary>
    /// Social services forwards the referral to health care (of the same organiser's area) or to outreach youth work
    /// (of the client's home municipality). A note goes with it only when the consent covers describing the situation;
    /// without consent the forward rests on SHL 41 § (multi-professional cooperation).
    /// </summary>
    public Result<ReferralForward> Forward(ReferralRouting routing, Actor worker, ForwardTarget target, string? note, DateTimeOffset now)
    {
        var check = CheckForward(worker);
        if (!check.IsSuccess)
        {
            return Result<ReferralForward>.Failure(check.Errors);
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

        var to = routing.PartnerFor(target, HomeMunicipalityCode);
        if (_forwards.Any(f => f.ToOrganisationId == to && f.IsOpen))
        {
            return Errors.AlreadyForwarded;
        }

        var forward = ReferralForward.Create(Id, target, ReceiverOrganisationId, to, worker, Tidy(note), now);
        _forwards.Add(forward);
        Record(worker, now, ReferralEventKind.Forwarded, StepDetail.To(target));
        Disclose(worker, to, ReferralDisclosures.Forward(this, hasNote), now);
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

        Record(reader, now, ReferralEventKind.ForwardReceived, StepDetail.To(forward.Target), forward.StepStatus);
        return true;
    }

    /// <summary>A worker of the partner acknowledges the forward and becomes its named worker.</summary>
    public Result AcceptForward(Actor worker, DateTimeOffset now)
    {
        var allowed = CheckForwardStep(worker, f => f.CheckAccept());
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        var forward = OpenForwardTo(worker.OrganisationId)!;

        // Accepting unopened counts as opening it too, as for the referral itself.
        MarkForwardReceived(worker, now);
        forward.Accept(worker, now);
        Record(worker, now, ReferralEventKind.ForwardAccepted, StepDetail.To(forward.Target), forward.StepStatus);
        return Result.Success();
    }

    /// <summary>The partner's named work is done; the note goes back to social services.</summary>
    public Result CompleteForward(Actor worker, string? note, DateTimeOffset now)
    {
        var allowed = CheckForwardStep(worker, f => f.CheckComplete());
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        var forward = OpenForwardTo(worker.OrganisationId)!;
        forward.Complete(Tidy(note), now);
        Record(worker, now, ReferralEventKind.ForwardCompleted, StepDetail.To(forward.Target), forward.StepStatus);
        Disclose(worker, forward.FromOrganisationId, ReferralDisclosures.ForwardFeedback(this, forward), now);
        return Result.Success();
    }

    /// <summary>The partner returns the forward with a coded reason.</summary>
    public Result ReturnForward(Actor worker, ReturnReason reason, string? note, DateTimeOffset now)
    {
        var allowed = CheckForwardStep(worker, f => f.CheckReturn());
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        var forward = OpenForwardTo(worker.OrganisationId)!;
        forward.Return(reason, Tidy(note), now);
        Record(worker, now, ReferralEventKind.ForwardReturned, StepDetail.Because(reason), forward.StepStatus);
        Disclose(worker, forward.FromOrganisationId, ReferralDisclosures.ForwardFeedback(this, forward), now);
        return Result.Success();
    }

    internal Result CheckForward(Actor worker)
    {
        var check = CheckReceiverWorking(worker);
        return !check.IsSuccess ? check : HasNamedWorker ? Result.Success() : Errors.NotAccepted;
    }

    /// <summary>A partner's step: there is an open forward to the worker's organisation, and its own loop allows the step.</summary>
    internal Result CheckForwardStep(Actor worker, Func<ReferralForward, Result> step) =>
        OpenForwardTo(worker.OrganisationId) is { } forward ? step(forward) : Errors.NotForwardedToYou;

    /// <summary>The open forward to an organisation: the link its workers work on.</summary>
    public ReferralForward? OpenForwardTo(Guid organisationId) =>
        _forwards.LastOrDefault(f => f.ToOrganisationId == organisationId && f.IsOpen);
}
