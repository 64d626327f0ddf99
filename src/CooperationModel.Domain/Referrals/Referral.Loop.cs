using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;

namespace CooperationModel.Domain.Referrals;

/// <summary>The loop: sent, received, accepted, assigned, in assessment, and completed or returned (a wrong organiser re-routes it).</summary>
public sealed partial class Referral
{
    /// <summary>
    /// Sends a referral from the case's district to the organiser of the client's home municipality, due by that
    /// organiser's deadline for the ground. The consent record is stamped with the sender as its recorder.
    /// </summary>
    public static Result<Referral> Send(
        ReferralRouting routing,
        ClientCase clientCase,
        ReferralContent content,
        Actor sender,
        DateOnly today,
        DateTimeOffset now,
        ReferralDeadlinePolicy deadlines,
        string? repeatReason = null)
    {
        if (sender.OrganisationId != clientCase.OrganisationId)
        {
            return Errors.NotTheCaseDistrict;
        }

        var consent = content.Consent.Normalised();
        var errors = ConsentRule.Check(consent, content.SituationDescription, today).Errors.ToList();
        if (content.Urgent && content.Ground.KindOf() != ReferralKind.ApplicationTransfer)
        {
            errors.Add(Errors.UrgentOnlyForApplications);
        }

        if (repeatReason?.Trim().Length > NoteMaxLength)
        {
            errors.Add(Errors.NoteTooLong with { Field = "RepeatReason" });
        }

        if (errors.Count > 0)
        {
            return Result<Referral>.Failure(errors);
        }

        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now),
            CaseId = clientCase.Id,
            SenderOrganisationId = clientCase.OrganisationId,
            ReceiverOrganisationId = routing.ReceiverFor(clientCase.HomeMunicipalityCode),
            Ground = content.Ground,
            Urgent = content.Urgent,
            RespondBy = deadlines.RespondBy(content.Ground, content.Urgent, today),
            ConsentGiven = consent.Given,
            ConsentGivenOn = consent.GivenOn,
            ConsentMethod = consent.Method,
            ConsentRecordedByUserId = consent.Given ? sender.UserId : null,
            ConsentRecordedByName = consent.Given ? sender.DisplayName : null,
            ConsentCoversDescription = consent.CoversDescription,
            ConsentCoversFeedback = consent.CoversFeedback,
            SituationDescription = consent.CoversDescription ? content.SituationDescription!.Trim() : null,
            ClientName = clientCase.ClientName,
            ClientIdentityCode = clientCase.IdentityCode,
            HomeMunicipalityCode = clientCase.HomeMunicipalityCode,
            Status = ReferralStatus.Sent,
            SentAt = now,
            SentByUserId = sender.UserId,
            SentByName = sender.DisplayName,
            RepeatReason = Tidy(repeatReason),
        };
        referral.Record(sender, now, ReferralEventKind.Sent, StepDetail.SentOn(content.Ground));
        referral.Disclose(sender, referral.ReceiverOrganisationId, ReferralDisclosures.Sent(referral), now);
        return referral;
    }

    /// <summary>The receiving organisation opened the referral for the first time. Returns whether anything changed.</summary>
    public bool MarkReceived(Actor reader, DateTimeOffset now)
    {
        if (reader.OrganisationId != ReceiverOrganisationId || !ReferralLifecycle.CanMove(Status, ReferralStatus.Received))
        {
            return false;
        }

        Enter(ReferralStatus.Received);
        ReceivedAt = now;
        Record(reader, now, ReferralEventKind.Received);
        return true;
    }

    /// <summary>A social worker of the receiving organisation acknowledges the referral and becomes its named worker.</summary>
    public Result Accept(Actor worker, DateTimeOffset now)
    {
        var allowed = CheckAccept(worker);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        MarkReceived(worker, now);
        Enter(ReferralStatus.Accepted);
        NamedWorkerUserId = worker.UserId;
        NamedWorkerName = worker.DisplayName;
        AcceptedAt = now;
        Record(worker, now, ReferralEventKind.Accepted);
        return Result.Success();
    }

    /// <summary>
    /// A worker of the receiving organisation (in practice the team's lead) gives the referral to a colleague, who
    /// becomes its named worker; an open referral not yet accepted is accepted by it. Re-assigning an accepted one
    /// changes the named worker.
    /// </summary>
    public Result Assign(Actor assigner, Actor worker, DateTimeOffset now)
    {
        var check = CheckAssign(assigner);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (worker.OrganisationId != ReceiverOrganisationId)
        {
            return Errors.NotTheReceiver;
        }

        if (NamedWorkerUserId == worker.UserId)
        {
            return Result.Success();
        }

        MarkReceived(assigner, now);
        if (ReferralLifecycle.CanMove(Status, ReferralStatus.Accepted))
        {
            Enter(ReferralStatus.Accepted);
            AcceptedAt = now;
        }

        NamedWorkerUserId = worker.UserId;
        NamedWorkerName = worker.DisplayName;
        Record(assigner, now, ReferralEventKind.Assigned, StepDetail.GivenTo(worker.DisplayName));
        return Result.Success();
    }

    /// <summary>The service-need assessment has started (SHL 36 §).</summary>
    public Result StartAssessment(Actor worker, DateTimeOffset now)
    {
        // Started already (by a colleague, or a second click): nothing to do.
        if (worker.OrganisationId == ReceiverOrganisationId && Status == ReferralStatus.InAssessment)
        {
            return Result.Success();
        }

        var allowed = CheckStartAssessment(worker);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        Enter(ReferralStatus.InAssessment);
        Record(worker, now, ReferralEventKind.AssessmentStarted);
        return Result.Success();
    }

    /// <summary>
    /// Social services records how the referral ended; with an assessment done, the plan made. Recording it completes
    /// the referral, so the worker never fills in a separate status form.
    /// </summary>
    public Result Complete(Actor worker, ReferralOutcome outcome, PlanType? plan, string? note, DateTimeOffset now)
    {
        var allowed = CheckComplete(worker);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        var errors = new List<Error>();
        if (outcome == ReferralOutcome.AssessmentDone && plan is null)
        {
            errors.Add(Errors.PlanRequired);
        }

        if (outcome != ReferralOutcome.AssessmentDone && plan is not null)
        {
            errors.Add(Errors.PlanOnlyWithAssessment);
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            errors.Add(Errors.NoteTooLong);
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Enter(ReferralStatus.Completed);
        Outcome = outcome;
        PlanMade = plan;
        ClosingNote = Tidy(note);
        CompletedAt = now;
        Record(worker, now, ReferralEventKind.Completed, StepDetail.Ended(outcome, plan));
        Disclose(worker, SenderOrganisationId, ReferralDisclosures.Feedback(this), now);
        return Result.Success();
    }

    /// <summary>
    /// The receiver returns the referral with a coded reason. When it reached the wrong organiser, the receiver names
    /// the client's actual home municipality and the referral is re-routed there at once, due by the new organiser's
    /// deadlines; both sides see why.
    /// </summary>
    public Result Return(
        ReferralRouting routing,
        Actor worker,
        ReturnReason reason,
        string? note,
        Municipality? actualHome,
        ReferralDeadlinePolicy newReceiverDeadlines,
        DateOnly today,
        DateTimeOffset now)
    {
        var allowed = CheckReturn(worker);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        if (reason != Referrals.ReturnReason.WrongOrganiser)
        {
            Enter(ReferralStatus.Returned);
            ReturnReason = reason;
            ClosingNote = Tidy(note);
            ReturnedAt = now;
            Record(worker, now, ReferralEventKind.Returned, StepDetail.Because(reason));
            Disclose(worker, SenderOrganisationId, ReferralDisclosures.Feedback(this), now);
            return Result.Success();
        }

        if (actualHome is null)
        {
            return Errors.MunicipalityRequired;
        }

        // The partners this organiser involved work with it, not with the next one: they finish first.
        if (_forwards.Any(f => f.IsOpen))
        {
            return Errors.OpenForwards;
        }

        var newReceiver = routing.ReceiverFor(actualHome.Code);
        if (newReceiver == ReceiverOrganisationId)
        {
            return Errors.SameOrganiser;
        }

        // Both sides see why it moved: the reason, the time and the returning worker's note stay on the referral.
        ReturnReason = reason;
        ReturnedAt = now;
        ClosingNote = Tidy(note);
        Enter(ReferralStatus.Returned);
        Record(worker, now, ReferralEventKind.Returned, StepDetail.Because(reason));
        // Returned → sent, the one way out of a return (ReferralLifecycle): the same step, to the right organiser.
        ReceiverOrganisationId = newReceiver;
        HomeMunicipalityCode = actualHome.Code;
        Enter(ReferralStatus.Sent);
        RespondBy = newReceiverDeadlines.RespondBy(Ground, Urgent, today);
        ReceivedAt = null;
        NamedWorkerUserId = null;
        NamedWorkerName = null;
        AcceptedAt = null;
        Record(worker, now, ReferralEventKind.Rerouted, StepDetail.ReroutedTo(actualHome.Code));
        // The wrong organiser hands the referral on as it came: the same data on the same basis.
        Disclose(worker, newReceiver, ReferralDisclosures.Sent(this), now);
        return Result.Success();
    }

    // The guards of the moves above, one each: the move runs its own, and ReferralActions asks the same ones what a user
    // may do now, so a page and the server cannot disagree.

    internal Result CheckAccept(Actor worker) =>
        worker.OrganisationId != ReceiverOrganisationId ? Errors.NotTheReceiver
        // Someone accepted it first: a conflict to show, not an illegal move.
        : HasNamedWorker || Status == ReferralStatus.Completed ? Errors.AlreadyAccepted
        : ReferralLifecycle.Check(Status, ReferralStatus.Accepted);

    internal Result CheckAssign(Actor assigner) => CheckReceiverWorking(assigner);

    internal Result CheckStartAssessment(Actor worker) =>
        worker.OrganisationId != ReceiverOrganisationId ? Errors.NotTheReceiver : ReferralLifecycle.Check(Status, ReferralStatus.InAssessment);

    internal Result CheckComplete(Actor worker) =>
        worker.OrganisationId != ReceiverOrganisationId ? Errors.NotTheReceiver : ReferralLifecycle.Check(Status, ReferralStatus.Completed);

    internal Result CheckReturn(Actor worker) =>
        worker.OrganisationId != ReceiverOrganisationId ? Errors.NotTheReceiver : ReferralLifecycle.Check(Status, ReferralStatus.Returned);
}
