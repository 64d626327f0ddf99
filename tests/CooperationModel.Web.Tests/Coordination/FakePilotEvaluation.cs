using CooperationModel.Application.Pilots;
using CooperationModel.Domain.Common;

namespace CooperationModel.Web.Tests.Coordination;

/// <summary>The evaluation's use case faked: it keeps what it was sent and answers as told.</summary>
internal sealed class FakePilotEvaluation : IPilotEvaluation
{
    public List<object> Sent { get; } = [];

    public Error? Answer { get; set; }

    public IReadOnlyList<Error>? Errors { get; set; }

    public Task<Result> AddIndicatorAsync(AddPilotIndicatorCommand command, CancellationToken cancellationToken = default) => Answering(command);

    public Task<Result> EditIndicatorAsync(EditPilotIndicatorCommand command, CancellationToken cancellationToken = default) => Answering(command);

    public Task<Result> RemoveIndicatorAsync(RemovePilotIndicatorCommand command, CancellationToken cancellationToken = default) => Answering(command);

    public Task<Result> AddFindingAsync(AddPilotFindingCommand command, CancellationToken cancellationToken = default) => Answering(command);

    public Task<Result> GiveVerdictAsync(GivePilotVerdictCommand command, CancellationToken cancellationToken = default) => Answering(command);

    private Task<Result> Answering(object command)
    {
        Sent.Add(command);
        return Task.FromResult(Errors is { Count: > 0 } errors ? Result.Failure(errors) : Answer is { } error ? Result.Failure(error) : Result.Success());
    }
}
