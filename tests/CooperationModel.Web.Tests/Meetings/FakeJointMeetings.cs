using CooperationModel.Application.Common;
using CooperationModel.Application.Meetings;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Common;

namespace CooperationModel.Web.Tests.Meetings;

/// <summary>The meetings' use cases faked: records what the forms send and answers <see cref="Answer"/> (success when null).</summary>
internal sealed class FakeJointMeetings : IJointMeetings
{
    public List<object> Sent { get; } = [];

    public Error? Answer { get; set; }

    public bool ReadsAllMeetings => false;

    public bool RecordsMeetings => true;

    public Task<Result<Page<MeetingRow>>> ListAsync(MeetingFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<Page<MeetingRow>>>(new Page<MeetingRow>([], 0));

    public Task<Result<Page<FollowUpRow>>> OpenFollowUpsAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<Page<FollowUpRow>>>(new Page<FollowUpRow>([], 0));

    public Task<Result<MeetingDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<MeetingDetails>>(Domain.Meetings.JointMeeting.Errors.NotFound);

    public Task<Result<Guid>> SaveAsync(SaveMeetingCommand command, CancellationToken cancellationToken = default)
    {
        Sent.Add(command);
        return Task.FromResult(Answer is { } error ? Result<Guid>.Failure(error) : Result<Guid>.Success(Guid.NewGuid()));
    }

    public Task<Result> AddFollowUpAsync(AddFollowUpCommand command, CancellationToken cancellationToken = default) => Answered(command);

    public Task<Result> CompleteFollowUpAsync(MarkFollowUpCommand command, CancellationToken cancellationToken = default) => Answered(command);

    public Task<Result> ReopenFollowUpAsync(MarkFollowUpCommand command, CancellationToken cancellationToken = default) => Answered(command);

    public Task<IReadOnlyList<OrganisationName>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationName>>([]);

    private Task<Result> Answered(object command)
    {
        Sent.Add(command);
        return Task.FromResult(Answer is { } error ? Result.Failure(error) : Result.Success());
    }
}
