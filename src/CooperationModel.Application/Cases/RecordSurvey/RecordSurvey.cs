using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Surveys;
using FluentValidation;

namespace CooperationModel.Application.Cases.RecordSurvey;

/// <summary>The handler records a life-situation survey on a case.</summary>
public sealed record RecordSurveyCommand(Guid CaseId, LifeSituationSurvey Survey);

public interface IRecordSurveyHandler
{
    Task<Result> HandleAsync(RecordSurveyCommand command, CancellationToken cancellationToken = default);
}

public sealed class RecordSurveyHandler(CaseCommands cases, TimeProvider clock) : IRecordSurveyHandler
{
    public Task<Result> HandleAsync(RecordSurveyCommand command, CancellationToken cancellationToken = default) =>
        cases.RunAsync(command.CaseId, (c, actor) => c.RecordSurvey(actor, command.Survey, clock.Today(), clock.GetUtcNow()), cancellationToken);
}

/// <summary>The survey's own rules, for inline messages in the form (the domain checks them again on saving).</summary>
public sealed class RecordSurveyValidator : AbstractValidator<RecordSurveyCommand>
{
    public RecordSurveyValidator(TimeProvider clock)
    {
        RuleFor(c => c.Survey).Custom((survey, context) =>
        {
            foreach (var error in survey.Validate(clock.Today()).Errors)
            {
                context.AddFailure(error.Field ?? "", error.Code);
            }
        });
    }
}
