using System.Globalization;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Clients;

/// <summary>The survey, a referral sent from the case, and moves by hand, each checked against the one table of CaseStages.</summary>
public sealed partial class ClientCase
{
    /// <summary>The life-situation survey, at any stage; a new one replaces the old, and the timeline keeps the date.</summary>
    public Result RecordSurvey(Actor handler, LifeSituationSurvey survey, DateOnly today, DateTimeOffset now)
    {
        var valid = survey.Validate(today);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        Survey = survey with { Notes = string.IsNullOrWhiteSpace(survey.Notes) ? null : survey.Notes.Trim() };
        Record(handler, now, CaseEventKind.SurveyRecorded, detail: survey.SurveyedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Result.Success();
    }

    /// <summary>A referral was sent from this case; after a decision that moves the case to the referral stage.</summary>
    public void NoteReferralSent(Actor handler, ReferralGround ground, DateTimeOffset now)
    {
        Record(handler, now, CaseEventKind.ReferralSent, detail: ground.ToString());
        if (Stage == CaseStage.Decision)
        {
            MoveTo(CaseStage.ReferralToSocialWork, handler, now);
        }
    }

    /// <summary>
    /// A move the handler makes by hand (back to guidance or application, on to cooperation or referral). Moves into
    /// processing and decision need their data and go through <see cref="SendToProcessing"/> and <see cref="RecordDecision"/>.
    /// </summary>
    public Result AdvanceTo(Actor handler, CaseStage next, DateTimeOffset now)
    {
        if (next is CaseStage.Processing or CaseStage.Decision)
        {
            return CaseStages.CanMove(Stage, next) ? Errors.UseTheStageAction : CaseStages.IllegalMove(Stage, next);
        }

        var moved = MoveTo(next, handler, now);
        if (moved.IsSuccess && next == CaseStage.Application)
        {
            // Back to the application stage: out of the queue, and a new period starts without the old decision.
            // The deadline is counted again when the (new or corrected) application dates are recorded.
            Queue = null;
            QueuedAt = null;
            HandlerUserId = null;
            HandlerName = null;
            UrgencyConfirmed = false;
            Decision = null;
            DecisionDueOn = null;
        }

        return moved;
    }

    private Result MoveTo(CaseStage next, Actor handler, DateTimeOffset now)
    {
        if (!CaseStages.CanMove(Stage, next))
        {
            return CaseStages.IllegalMove(Stage, next);
        }

        var from = Stage;
        Stage = next;
        Record(handler, now, CaseEventKind.StageChanged, fromStage: from);
        return Result.Success();
    }
}
