using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Clients;

/// <summary>Stages 3 and 4: the queues, taking a case, urgency, the call with the client, and the decision with its deadline.</summary>
public sealed partial class ClientCase
{
    /// <summary>Stage 3: the application goes to the district's urgent queue when urgency was asked for, otherwise to the normal queue.</summary>
    public Result SendToProcessing(Actor handler, DateTimeOffset now)
    {
        if (Application is null)
        {
            return Errors.NoApplication;
        }

        var moved = MoveTo(CaseStage.Processing, handler, now);
        if (!moved.IsSuccess)
        {
            return moved;
        }

        Queue = Application.UrgentRequested ? ProcessingQueue.Urgent : ProcessingQueue.Normal;
        QueuedAt = now;
        HandlerUserId = null;
        HandlerName = null;
        UrgencyConfirmed = false;
        Record(handler, now, CaseEventKind.Queued, detail: Queue.ToString());
        UpdateDeadline();
        return Result.Success();
    }

    /// <summary>A handler takes the case from its queue. Two handlers never hold the same case.</summary>
    public Result Take(Actor handler, DateTimeOffset now)
    {
        if (Stage != CaseStage.Processing)
        {
            return Errors.NotInProcessing;
        }

        if (HandlerUserId is not null)
        {
            return HandlerUserId == handler.UserId ? Result.Success() : Errors.AlreadyTaken;
        }

        HandlerUserId = handler.UserId;
        HandlerName = handler.DisplayName;
        Record(handler, now, CaseEventKind.Taken, detail: Queue?.ToString());
        return Result.Success();
    }

    /// <summary>The handler who took an urgent case confirms that it is urgent.</summary>
    public Result ConfirmUrgency(Actor handler, DateTimeOffset now)
    {
        var check = CheckUrgentAndMine(handler);
        if (!check.IsSuccess)
        {
            return check;
        }

        UrgencyConfirmed = true;
        Record(handler, now, CaseEventKind.UrgencyConfirmed);
        return Result.Success();
    }

    /// <summary>The handler who took an urgent case finds it is not urgent: it moves to the normal queue with the normal deadline.</summary>
    public Result MoveToNormalQueue(Actor handler, DateTimeOffset now)
    {
        var check = CheckUrgentAndMine(handler);
        if (!check.IsSuccess)
        {
            return check;
        }

        Queue = ProcessingQueue.Normal;
        UrgencyConfirmed = false;
        Record(handler, now, CaseEventKind.MovedToNormalQueue);
        UpdateDeadline();
        return Result.Success();
    }

    /// <summary>The phone call with the client, and the agreed way of collecting the decision and any payment commitment.</summary>
    public Result LogClientCall(Actor handler, DecisionCollection agreedCollection, DateTimeOffset now)
    {
        if (Stage is not (CaseStage.Processing or CaseStage.Decision))
        {
            return Errors.NotInProcessing;
        }

        AgreedCollection = agreedCollection;
        Record(handler, now, CaseEventKind.ClientCalled, detail: agreedCollection.ToString());
        return Result.Success();
    }

    /// <summary>
    /// Stage 4: the decision, by the handler who took the case from the queue. An urgent case may carry a payment commitment.
    /// </summary>
    public Result RecordDecision(Actor handler, CaseDecision decision, DateOnly today, DateTimeOffset now)
    {
        if (Stage != CaseStage.Processing || Application is null)
        {
            return Errors.NotInProcessing;
        }

        if (HandlerUserId != handler.UserId)
        {
            return Errors.NotYourCase;
        }

        var check = decision.Check(Application, IsUrgent, today);
        if (!check.IsSuccess)
        {
            return check;
        }

        Decision = decision;
        Record(handler, now, CaseEventKind.DecisionRecorded, detail: decision.Outcome.ToString());
        return MoveTo(CaseStage.Decision, handler, now);
    }

    private Result CheckUrgentAndMine(Actor handler)
    {
        if (Stage != CaseStage.Processing)
        {
            return Errors.NotInProcessing;
        }

        if (Queue != ProcessingQueue.Urgent)
        {
            return Errors.NotInUrgentQueue;
        }

        return HandlerUserId == handler.UserId ? Result.Success() : Errors.NotYourCase;
    }

    /// <summary>
    /// 14 a §: urgent matters are decided on the day of arrival or the next working day; others by the 7th working
    /// day after the application is complete. Without a complete application a normal deadline cannot be counted yet.
    /// </summary>
    private void UpdateDeadline() =>
        DecisionDueOn = Application switch
        {
            null => null,
            _ when IsUrgent => DecisionDeadline.For(Application.ReceivedOn, urgent: true),
            { CompleteOn: { } complete } => DecisionDeadline.For(complete, urgent: false),
            _ => null,
        };
}
