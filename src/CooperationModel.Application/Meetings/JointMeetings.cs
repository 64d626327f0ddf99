using System.Linq.Expressions;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Meetings;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Meetings;

/// <summary>
/// The joint meetings: lists (the GIN index on the participants serves "my organisation's meetings", the partial index on
/// the open follow-ups' (owner, due date) serves "open follow-ups of my organisation"), one meeting, and its changes.
/// </summary>
public sealed class JointMeetings(
    IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider time, IValidator<SaveMeetingCommand> meetingValidator,
    IValidator<AddFollowUpCommand> followUpValidator) : IJointMeetings
{
    private static readonly StringComparer FinnishOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), ignoreCase: true);

    public bool ReadsAllMeetings => MeetingAccessRule.ReadsAll(user.Role);

    public bool RecordsMeetings => MeetingAccessRule.RecordsMeetings(user.Role);

    public async Task<Result<Page<MeetingRow>>> ListAsync(MeetingFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (Check(page) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query = Readable(db);
        if (filter.Type is { } type)
        {
            query = query.Where(m => m.Type == type);
        }

        if (filter.OrganisationId is { } organisation)
        {
            query = query.Where(TakesPart(organisation));
        }

        var total = await query.CountAsync(cancellationToken);
        var open = db.MeetingFollowUps.Where(FollowUpStates.Open);
        var rows = await query.OrderByDescending(m => m.HeldAt).ThenByDescending(m => m.Id).Skip(page.Skip).Take(page.Take)
            .Select(m => new { m.Id, m.HeldAt, m.Type, m.Title, m.ParticipantOrganisationIds, Open = open.Count(f => f.MeetingId == m.Id) })
            .ToListAsync(cancellationToken);
        var names = await db.OrganisationNamesAsync([.. rows.SelectMany(r => r.ParticipantOrganisationIds).Distinct()], cancellationToken);
        return new Page<MeetingRow>(
            [.. rows.Select(r => new MeetingRow(r.Id, r.HeldAt, r.Type, r.Title, Named(names, r.ParticipantOrganisationIds), r.Open))], total);
    }

    public async Task<Result<Page<FollowUpRow>>> OpenFollowUpsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        if (Check(page) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organisationId = user.OrganisationId;
        var query = db.MeetingFollowUps.AsNoTracking().Where(FollowUpStates.Open).Where(f => f.OwnerOrganisationId == organisationId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(f => f.DueOn).ThenBy(f => f.Id).Skip(page.Skip).Take(page.Take)
            .Join(db.Meetings, f => f.MeetingId, m => m.Id, (f, m) => new { Action = f, m.Title })
            .ToListAsync(cancellationToken);
        var names = await db.OrganisationNamesAsync([organisationId], cancellationToken);
        var today = time.Today();
        return new Page<FollowUpRow>([.. rows.Select(r => Row(r.Action, r.Title, names, today))], total);
    }

    public async Task<Result<MeetingDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.FollowUps).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        var access = meeting?.AccessFor(user.Role, user.OrganisationId) ?? MeetingAccess.None;
        if (meeting is null || !access.Reads())
        {
            return JointMeeting.Errors.NotFound;
        }

        var names = await db.OrganisationNamesAsync(meeting.ParticipantOrganisationIds, cancellationToken);
        var today = time.Today();
        var followUps = meeting.FollowUps.OrderBy(f => f.DueOn).ThenBy(f => f.Id).Select(f => Row(f, meeting.Title, names, today)).ToList();
        return new MeetingDetails(
            meeting.Id, meeting.HeldAt, meeting.Type, Named(names, meeting.ParticipantOrganisationIds), meeting.Title, meeting.Agenda,
            meeting.Minutes, meeting.Decisions, meeting.RecordedByName, meeting.RecordedAt, meeting.ChangedAt, meeting.ChangedByName,
            followUps, access);
    }

    public async Task<Result<Guid>> SaveAsync(SaveMeetingCommand command, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.Role is null)
        {
            return CommonErrors.WrongRole;
        }

        var valid = await meetingValidator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<Guid>.Failure(valid.Errors);
        }

        var content = MeetingTime.Unchecked(command, MeetingTime.Content(command).Value);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var ids = command.Participants.Distinct().ToList();
        var known = (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        if (command.MeetingId is not { } meetingId)
        {
            var recorded = JointMeeting.Record(content, known, user.Role, user.ToActor(), time.GetUtcNow());
            if (!recorded.TryGetValue(out var meeting))
            {
                return Result<Guid>.Failure(recorded.Errors);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            return meeting.Id;
        }

        var existing = await db.Meetings.Include(m => m.FollowUps).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (existing is null)
        {
            return JointMeeting.Errors.NotFound;
        }

        var changed = existing.Change(existing.AccessFor(user.Role, user.OrganisationId), content, known, user.Role, user.ToActor(), time.GetUtcNow());
        if (!changed.IsSuccess)
        {
            return Result<Guid>.Failure(changed.Errors);
        }

        var saved = await db.SaveOrConflictAsync(cancellationToken);
        return saved.IsSuccess ? meetingId : Result<Guid>.Failure(saved.Errors);
    }

    public async Task<Result> AddFollowUpAsync(AddFollowUpCommand command, CancellationToken cancellationToken = default)
    {
        var valid = await followUpValidator.CheckAsync(command, cancellationToken);
        return valid.IsSuccess
            ? await WorkAsync(command.MeetingId, (meeting, db) =>
            {
                var added = meeting.AddFollowUp(
                    meeting.AccessFor(user.Role, user.OrganisationId), command.Text, command.Owner, MeetingTime.Day(command.DueOn), user.ToActor(), time.GetUtcNow());
                if (added.TryGetValue(out var action))
                {
                    db.MeetingFollowUps.Add(action);
                }

                return added;
            }, cancellationToken)
            : valid;
    }

    public Task<Result> CompleteFollowUpAsync(MarkFollowUpCommand command, CancellationToken cancellationToken = default) =>
        WorkAsync(command.MeetingId, (meeting, _) => meeting.Complete(command.FollowUpId, user.Role, user.ToActor(), time.GetUtcNow()), cancellationToken);

    public Task<Result> ReopenFollowUpAsync(MarkFollowUpCommand command, CancellationToken cancellationToken = default) =>
        WorkAsync(command.MeetingId, (meeting, _) => meeting.Reopen(command.FollowUpId, user.Role, user.ToActor()), cancellationToken);

    public async Task<IReadOnlyList<OrganisationName>> OrganisationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.Organisations.AsNoTracking()
            .Select(o => new OrganisationName(o.Id, o.Kind, o.NameFi, o.NameSv, o.NameEn))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.NameFi, FinnishOrder)];
    }

    /// <summary>The meetings the user reads: a coordinator all, anyone else those their organisation takes part in (<see cref="TakesPart"/>).</summary>
    private IQueryable<JointMeeting> Readable(IAppDbContext db)
    {
        var meetings = db.Meetings.AsNoTracking();
        if (MeetingAccessRule.ReadsAll(user.Role))
        {
            return meetings;
        }

        return meetings.Where(TakesPart(user.OrganisationId));
    }

    /// <summary>
    /// The meetings an organisation takes part in, as <c>ARRAY[id] &lt;@ participant_organisation_ids</c> (the commutator of @&gt;): what the GIN
    /// index serves (<c>id = ANY(...)</c>, which <c>Contains</c> alone gives, could not use it).
    /// </summary>
    public static Expression<Func<JointMeeting, bool>> TakesPart(Guid organisationId)
    {
        var one = new[] { organisationId };
        return m => one.All(id => m.ParticipantOrganisationIds.Contains(id));
    }

    private async Task<Result> WorkAsync(Guid meetingId, Func<JointMeeting, IAppDbContext, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.Include(m => m.FollowUps).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return JointMeeting.Errors.NotFound;
        }

        var result = change(meeting, db);
        return result.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : result;
    }

    private FollowUpRow Row(FollowUpAction action, string meetingTitle, IReadOnlyDictionary<Guid, OrganisationName> names, DateOnly today) =>
        new(action.Id, action.MeetingId, meetingTitle, action.Text, names.GetValueOrDefault(action.OwnerOrganisationId), action.DueOn,
            action.StateOn(today), action.DoneAt, action.DoneByName, MeetingAccessRule.MayComplete(user.Role, user.OrganisationId, action.OwnerOrganisationId));

    private static List<OrganisationName> Named(IReadOnlyDictionary<Guid, OrganisationName> names, IEnumerable<Guid> ids) =>
        [.. ids.Select(names.GetValueOrDefault).OfType<OrganisationName>()
            .OrderBy(o => o.NameFi, FinnishOrder)];

    private Error? Check(PageRequest page)
    {
        if (!user.IsAuthenticated || user.Role is null)
        {
            return CommonErrors.WrongRole;
        }

        var paged = ListRules.CheckPage(page);
        return paged.IsSuccess ? null : paged.FirstError;
    }
}
