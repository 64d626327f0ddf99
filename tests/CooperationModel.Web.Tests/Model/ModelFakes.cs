using CooperationModel.Application.Model;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Model;

namespace CooperationModel.Web.Tests.Model;

internal sealed class FakeModelFeedback : IModelFeedbackHandler
{
    public List<SendFeedbackCommand> Sent { get; } = [];

    public List<TriageFeedbackCommand> Triaged { get; } = [];

    public Result<Guid>? SendAnswer { get; set; }

    public Result TriageAnswer { get; set; } = Result.Success();

    public List<MyFeedbackRow> Mine { get; } = [];

    public List<TriageFeedbackRow> ToTriage { get; } = [];

    public List<FeedbackCount> Counts { get; } = [];

    public Task<Result<Guid>> SendAsync(SendFeedbackCommand command, CancellationToken cancellationToken = default)
    {
        Sent.Add(command);
        return Task.FromResult(SendAnswer ?? Result<Guid>.Success(Guid.NewGuid()));
    }

    public Task<IReadOnlyList<MyFeedbackRow>> ListMineAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MyFeedbackRow>>(Mine);

    public Task<Result<IReadOnlyList<TriageFeedbackRow>>> ListForTriageAsync(CaseStage? stage, FeedbackStatus? status, CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<IReadOnlyList<TriageFeedbackRow>>.Success([.. ToTriage.Where(r => (stage is null || r.Stage == stage) && (status is null || r.Status == status))]));

    public Task<Result<IReadOnlyList<FeedbackCount>>> CountAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<IReadOnlyList<FeedbackCount>>.Success(Counts));

    public Task<Result> TriageAsync(TriageFeedbackCommand command, CancellationToken cancellationToken = default)
    {
        Triaged.Add(command);
        return Task.FromResult(TriageAnswer);
    }
}

internal sealed class FakeModelVersions : IModelVersionsHandler
{
    public List<PublishedVersionRow> Published { get; } = [new("1.0", new DateOnly(2018, 3, 27))];

    public DraftRow? Draft { get; set; }

    public StageComparison? Comparison { get; set; }

    public int Starts { get; private set; }

    public List<EditDraftStageCommand> Edits { get; } = [];

    public Task<IReadOnlyList<PublishedVersionRow>> ListPublishedAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PublishedVersionRow>>(Published);

    public Task<IReadOnlyList<StageTextRow>?> GetPublishedTextsAsync(string number, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StageTextRow>?>(null);

    public Task<Result<DraftRow?>> GetDraftAsync(CancellationToken cancellationToken = default) => Task.FromResult(Result<DraftRow?>.Success(Draft));

    public Task<Result> StartDraftAsync(CancellationToken cancellationToken = default)
    {
        Starts++;
        Draft = new DraftRow(Guid.NewGuid(), "2.0", "1.0", new DateOnly(2018, 3, 27), 1, []);
        return Task.FromResult(Result.Success());
    }

    public Task<Result> EditDraftStageAsync(EditDraftStageCommand command, CancellationToken cancellationToken = default)
    {
        Edits.Add(command);
        return Task.FromResult(Result.Success());
    }

    public Task<Result<StageComparison>> CompareAsync(CaseStage stage, string language, CancellationToken cancellationToken = default) =>
        Task.FromResult(Comparison is { } c ? Result<StageComparison>.Success(c) : Result<StageComparison>.Failure(new NotFoundError("ModelDraft.None")));

    public Task<Result> PublishDraftAsync(PublishDraftCommand command, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());
}
