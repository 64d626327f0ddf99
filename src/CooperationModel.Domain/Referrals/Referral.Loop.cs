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
            ReceiverOrganisationId = ReceiverFor(clientCase.HomeMunicipalityCode),
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
        referral.Record(sender, now, ReferralEventKind.Sent, content.Ground.ToString());
        referral.Disclose(sender, referral.ReceiverOrganisationId, referral.SentData, referral.SendingBasis, now);
        return referral;
    }

    /// <summary>The receiving organisation opened the referral for the first time. Returns whether anything changed.</summary>
    public bool MarkReceived(Actor reader, DateTimeOffset now)
    {
        if (reader.OrganisationId != ReceiverOrganisationId || Status != ReferralStatus.Sent)
        {
            return false;
        }

        Status = ReferralStatus.Received;
        ReceivedAt = now;
        Record(reader, now, ReferralEventKind.Received);
        return true;
    }

    /// <summary>A social worker of the receiving organisation acknowledges the referral and becomes its named worker.</summary>
    public Result Accept(Actor worker, DateTimeOffset now)
    {
        if (worker.OrganisationId != ReceiverOrganisationId)
        {
            return Errors.NotTheReceiver;
        }

        switch (Status)
        {
            case ReferralStatus.Sent or ReferralStatus.Received:
                break;
            case ReferralStatus.Accepted or ReferralStatus.InAssessment or ReferralStatus.Completed:
                return Errors.AlreadyAccepted;
            case ReferralStatus.Returned:
                return Errors.CannotAccept;
        }

        MarkReceived(worker, now);
        Status = ReferralStatus.Accepted;
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
        var check = CheckReceiverWorking(assigner);
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
        if (Status is ReferralStatus.Sent or ReferralStatus.Received)
        {
            Status = ReferralStatus.Accepted;
            AcceptedAt = now;
        }

        NamedWorkerUserId = worker.UserId;
        NamedWorkerName = worker.DisplayName;
        Record(assigner, now, ReferralEventKind.Assigned, worker.DisplayName.Length > 100 ? worker.DisplayName[..100] : worker.DisplayName);
        return Result.Success();
    }

    /// <summary>The service-need assessment has started (SHL 36 §).</summary>
    public Result StartAssessment(Actor worker, DateTimeOffset now)
    {
        var check = CheckReceiverWorking(worker);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (Status != ReferralStatus.Accepted)
        {
            return Status == ReferralStatus.InAssessment ? Result.Success() : Errors.NotAccepted;
        }

        Status = ReferralStatus.InAssessment;
        Record(worker, now, ReferralEventKind.AssessmentStarted);
        return Result.Success();
    }

    /// <summary>
    /// Social services records how the referral ended; with an assessment done, the plan made. Recording it completes
    /// the referral, so the worker never fills in a separate status form.
    /// </summary>
    public Result Complete(Actor worker, ReferralOutcome outcome, PlanType? plan, string? note, DateTimeOffset now)
    {
        var check = CheckReceiverWorking(worker);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (Status is not (ReferralStatus.Accepted or ReferralStatus.InAssessment))
        {
            return Errors.NotAccepted;
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

        Status = ReferralStatus.Completed;
        Outcome = outcome;
        PlanMade = plan;
        ClosingNote = Tidy(note);
        CompletedAt = now;
        Record(worker, now, ReferralEventKind.Completed, plan is { } made ? $"{outcome}.{made}" : outcome.ToString());
        DiscloseFeedback(worker, now);
        return Result.Success();
    }

    /// <summary>
    /// The receiver returns the referral with a coded reason. When it reached the wrong organiser, the receiver names
    /// the client's actual home municipality and the referral is re-routed there at once, due by the new organiser's
    /// deadlines; both sides see why.
    /// </summary>
    public Result Return(
        Actor worker,
        ReturnReason reason,
        string? note,
        Municipality? actualHome,
        ReferralDeadlinePolicy newReceiverDeadlines,
        DateOnly today,
        DateTimeOffset now)
    {
        if (worker.OrganisationId != ReceiverOrganisationId)
        {
            return Errors.NotTheReceiver;
        }

        if (!IsOpen)
        {
            return Errors.Closed;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        if (reason != Referrals.ReturnReason.WrongOrganiser)
        {
            Status = ReferralStatus.Returned;
            ReturnReason = reason;
            ClosingNote = Tidy(note);
            ReturnedAt = now;
            Record(worker, now, ReferralEventKind.Returned, reason.ToString());
            DiscloseFeedback(worker, now);
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

        var newReceiver = ReceiverFor(actualHome.Code);
        if (newReceiver == ReceiverOrganisationId)
        {
            return Errors.SameOrganiser;
        }

        // Both sides see why it moved: the reason, the time and the returning worker's note stay on the referral.
        ReturnReason = reason;
        ReturnedAt = now;
        ClosingNote = Tidy(note);
        Status = ReferralStatus.Returned;
        Record(worker, now, ReferralEventKind.Returned, reason.ToString());
        ReceiverOrganisationId = newReceiver;
        HomeMunicipalityCode = actualHome.Code;
        Status = ReferralStatus.Sent;
        RespondBy = newReceiverDeadlines.RespondBy(Ground, Urgent, today);
        ReceivedAt = null;
        NamedWorkerUserId = null;
        NamedWorkerName = null;
        AcceptedAt = null;
        Record(worker, now, ReferralEventKind.Rerouted, actualHome.Code);
        // The wrong organiser hands the referral on as it came: the same data on the same basis.
        Disclose(worker, newReceiver, SentData, SendingBasis, now);
        return Result.Success();
    }
}
