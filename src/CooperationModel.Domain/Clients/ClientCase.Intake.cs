using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Clients;

/// <summary>Stages 1 and 2: guidance contacts and the application.</summary>
public sealed partial class ClientCase
{
    /// <summary>Stage 1: a guidance contact, with the client's devices and skills (they give the client type).</summary>
    public Result RecordGuidance(Actor handler, GuidanceChannel channel, bool hasDevices, bool hasSkills, DateTimeOffset now)
    {
        _guidance.Add(GuidanceContact.Create(Id, OrganisationId, channel, hasDevices, hasSkills, handler, now));
        Record(handler, now, CaseEventKind.GuidanceRecorded, detail: channel.ToString());
        return Result.Success();
    }

    /// <summary>
    /// Stage 2: the application's channel, dates and urgency. Recording it moves a case in guidance to the application
    /// stage; it can be corrected until the decision (for example when the missing attachments come in).
    /// </summary>
    public Result RecordApplication(Actor handler, ApplicationDetails application, DateOnly today, DateTimeOffset now)
    {
        if (Stage is not (CaseStage.Guidance or CaseStage.Application or CaseStage.Processing))
        {
            return Errors.ApplicationClosed;
        }

        var errors = new List<Error>();
        if (application.ReceivedOn > today)
        {
            errors.Add(Errors.ReceivedInFuture);
        }
        else
        {
            errors.AddRange(EnteredDate.Check(application.ReceivedOn, today, nameof(ApplicationDetails.ReceivedOn)).Errors);
        }

        if (application.CompleteOn is { } complete)
        {
            if (complete < application.ReceivedOn)
            {
                errors.Add(Errors.CompleteBeforeReceived);
            }

            if (complete > today)
            {
                errors.Add(Errors.CompleteInFuture);
            }
            else
            {
                errors.AddRange(EnteredDate.Check(complete, today, nameof(ApplicationDetails.CompleteOn)).Errors);
            }
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Application = application;
        Record(handler, now, CaseEventKind.ApplicationRecorded, detail: application.Channel.ToString());
        if (Stage == CaseStage.Guidance)
        {
            MoveTo(CaseStage.Application, handler, now);
        }

        UpdateDeadline();
        return Result.Success();
    }
}
