using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Meetings;

/// <summary>What a meeting says about itself, as a form sends it (checked by <see cref="MeetingContent.Check"/>); the decisions one a line.</summary>
public sealed record MeetingContent(
    DateTimeOffset? HeldAt, MeetingType? Type, IReadOnlyCollection<Guid> ParticipantOrganisationIds, string? Title, string? Agenda,
    string? Minutes, string? Decisions)
{
    /// <summary>
    /// Every rule of the content, all errors at once: the date, the type, two or more participating organisations, a title,
    /// each text bounded and none holding a valid personal identity code (the minutes never name a client).
    /// </summary>
    public Result<CheckedMeetingContent> Check()
    {
        var errors = new List<Error>();
        if (HeldAt is null)
        {
            errors.Add(JointMeeting.Errors.DateRequired);
        }

        if (Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(JointMeeting.Errors.TypeRequired);
        }

        var participants = ParticipantOrganisationIds.Where(id => id != Guid.Empty).Distinct().Order().ToList();
        if (participants.Count < JointMeeting.MinParticipants)
        {
            errors.Add(JointMeeting.Errors.TooFewParticipants);
        }

        var title = JointMeeting.CheckText(Title, "Title", JointMeeting.TitleMaxLength, required: true, errors);
        var agenda = JointMeeting.CheckText(Agenda, "Agenda", JointMeeting.AgendaMaxLength, required: false, errors);
        var minutes = JointMeeting.CheckText(Minutes, "Minutes", JointMeeting.MinutesMaxLength, required: false, errors);
        var decisions = JointMeeting.CheckText(Decisions, "Decisions", JointMeeting.DecisionsMaxLength, required: false, errors);
        if (errors.Count > 0)
        {
            return Result<CheckedMeetingContent>.Failure(errors);
        }

        var lines = decisions.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new CheckedMeetingContent(HeldAt!.Value.ToUniversalTime(), Type!.Value, participants, title, agenda, minutes, [.. lines]);
    }
}

/// <summary>The content once its rules hold: trimmed texts, participants distinct and ordered, decisions one an item.</summary>
public sealed record CheckedMeetingContent(
    DateTimeOffset HeldAt, MeetingType Type, IReadOnlyList<Guid> ParticipantOrganisationIds, string Title, string Agenda, string Minutes,
    IReadOnlyList<string> Decisions);

/// <summary>
/// A meeting of the cooperation model (yhteistapaaminen, raati, teematapaaminen, Teams-rinki): when, what kind, the app
/// organisations taking part (two or more; the national coordination may be one), a title, the agenda, the minutes,
/// the decisions, and the follow-up actions agreed. Not client data: no tenant filter; who reads and changes it is
/// <see cref="MeetingAccessRule"/>, and every text refuses a valid identity code.
/// </summary>
public sealed class JointMeeting
{
    public const int MinParticipants = 2;
    public const int TitleMaxLength = 200;
    public const int AgendaMaxLength = 4000;
    public const int MinutesMaxLength = 4000;

    /// <summary>The decisions together (the form's text, one decision a line).</summary>
    public const int DecisionsMaxLength = 4000;

    private readonly List<FollowUpAction> _followUps = [];

    private JointMeeting()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    public MeetingType Type { get; private set; }

    /// <summary>The participating organisations (app organisations), distinct and ordered.</summary>
    public List<Guid> ParticipantOrganisationIds { get; private set; } = [];

    public string Title { get; private set; } = "";

    public string Agenda { get; private set; } = "";

    public string Minutes { get; private set; } = "";

    public List<string> Decisions { get; private set; } = [];

    public Guid RecordedByUserId { get; private set; }

    public Guid RecordedByOrganisationId { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    public string? ChangedByName { get; private set; }

    public IReadOnlyList<FollowUpAction> FollowUps => _followUps;

    public static class Errors
    {
        public static ValidationError DateRequired => new("Meeting.DateRequired") { Field = "Date" };

        public static ValidationError TimeInvalid => new("Meeting.TimeInvalid") { Field = "Time" };

        public static ValidationError TypeRequired => new("Meeting.TypeRequired") { Field = "Type" };

        public static ValidationError TooFewParticipants => new("Meeting.TooFewParticipants") { Field = "Participants", ArgumentKeys = [Number(MinParticipants)] };

        public static ValidationError UnknownOrganisation => new("Meeting.UnknownOrganisation") { Field = "Participants" };

        /// <summary>A user other than a coordinator records and changes only meetings their own organisation takes part in.</summary>
        public static ValidationError OwnOrganisationMustTakePart => new("Meeting.OwnOrganisationMustTakePart") { Field = "Participants" };

        /// <summary>An organisation that owns a follow-up action stays a participant.</summary>
        public static ValidationError OwnerMustTakePart => new("Meeting.OwnerMustTakePart") { Field = "Participants" };

        public static ValidationError TextRequired(string field) => new($"Meeting.{field}Required") { Field = field };

        /// <summary>Control characters (NUL among them, which PostgreSQL refuses in text; line breaks and tabs are text) or broken surrogate pairs.</summary>
        public static ValidationError InvalidCharacters(string field) => StorableText.InvalidCharacters(field);

        public static ValidationError TextTooLong(string field, int max) => new("Meeting.TextTooLong") { Field = field, ArgumentKeys = [Number(max)] };

        public static ValidationError FollowUpOwnerRequired => new("Meeting.FollowUpOwnerRequired") { Field = "Owner" };

        public static ValidationError FollowUpOwnerNotParticipant => new("Meeting.FollowUpOwnerNotParticipant") { Field = "Owner" };

        public static ValidationError FollowUpDueRequired => new("Meeting.FollowUpDueRequired") { Field = "DueOn" };

        /// <summary>The user may not see the meeting: told exactly as a meeting that does not exist.</summary>
        public static NotFoundError NotFound => new("Meeting.NotFound");

        public static NotFoundError FollowUpNotFound => new("Meeting.FollowUpNotFound");

        /// <summary>The user reads the meeting but does not change it.</summary>
        public static ForbiddenError ReadOnly => new("Meeting.ReadOnly");

        /// <summary>Marked done or reopened only by the owner organisation's users and the coordinators.</summary>
        public static ForbiddenError NotOwner => new("Meeting.FollowUpNotOwner");

        public static ValidationError AlreadyDone => new("Meeting.FollowUpAlreadyDone");

        public static ValidationError NotDone => new("Meeting.FollowUpNotDone");

        private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What a user of this role and organisation may do with the meeting (<see cref="MeetingAccessRule"/>).</summary>
    public MeetingAccess AccessFor(UserRole? role, Guid organisationId) => MeetingAccessRule.For(role, organisationId, ParticipantOrganisationIds);

    /// <summary>
    /// Records a new meeting; the participants must all be known organisations, and a user other than a coordinator
    /// records only a meeting their own organisation takes part in (and of a recording role).
    /// </summary>
    public static Result<JointMeeting> Record(MeetingContent content, IReadOnlySet<Guid> knownOrganisationIds, UserRole? role, Actor by, DateTimeOffset at)
    {
        if (!MeetingAccessRule.RecordsMeetings(role))
        {
            return Errors.ReadOnly;
        }

        var checkedContent = content.Check();
        if (!checkedContent.TryGetValue(out var clean))
        {
            return Result<JointMeeting>.Failure(checkedContent.Errors);
        }

        if (ParticipantsRefused(clean, knownOrganisationIds, role, by.OrganisationId) is { } refused)
        {
            return refused;
        }

        var meeting = new JointMeeting
        {
            Id = Guid.CreateVersion7(),
            RecordedByUserId = by.UserId,
            RecordedByOrganisationId = by.OrganisationId,
            RecordedByName = by.DisplayName,
            RecordedAt = at,
        };
        meeting.Apply(clean);
        return meeting;
    }

    /// <summary>Changes the facts and texts; the follow-ups' owners must stay among the participants.</summary>
    public Result Change(MeetingAccess access, MeetingContent content, IReadOnlySet<Guid> knownOrganisationIds, UserRole? role, Actor by, DateTimeOffset at)
    {
        if (Refused(access) is { } refusedAccess)
        {
            return refusedAccess;
        }

        var checkedContent = content.Check();
        if (!checkedContent.TryGetValue(out var clean))
        {
            return Result.Failure(checkedContent.Errors);
        }

        if (ParticipantsRefused(clean, knownOrganisationIds, role, by.OrganisationId) is { } refused)
        {
            return refused;
        }

        if (_followUps.Any(f => !clean.ParticipantOrganisationIds.Contains(f.OwnerOrganisationId)))
        {
            return Errors.OwnerMustTakePart;
        }

        Apply(clean);
        ChangedAt = at;
        ChangedByName = by.DisplayName;
        return Result.Success();
    }

    /// <summary>Adds a follow-up action owned by one of the participants.</summary>
    public Result<FollowUpAction> AddFollowUp(MeetingAccess access, string? text, Guid? ownerOrganisationId, DateOnly? dueOn, Actor by, DateTimeOffset at)
    {
        if (Refused(access) is { } refused)
        {
            return refused;
        }

        var errors = CheckFollowUp(text, ownerOrganisationId, dueOn, out var clean);
        if (errors.Count == 0 && !ParticipantOrganisationIds.Contains(ownerOrganisationId!.Value))
        {
            errors.Add(Errors.FollowUpOwnerNotParticipant);
        }

        if (errors.Count > 0)
        {
            return Result<FollowUpAction>.Failure(errors);
        }

        var action = new FollowUpAction(Id, clean, ownerOrganisationId!.Value, dueOn!.Value, by, at);
        _followUps.Add(action);
        return action;
    }

    /// <summary>The rules of a follow-up's own fields (for the validator as well): a bounded text without an identity code, an owner, a due date.</summary>
    public static List<Error> CheckFollowUp(string? text, Guid? ownerOrganisationId, DateOnly? dueOn, out string clean)
    {
        var errors = new List<Error>();
        clean = CheckText(text, "Text", FollowUpAction.TextMaxLength, required: true, errors);
        if (ownerOrganisationId is null || ownerOrganisationId == Guid.Empty)
        {
            errors.Add(Errors.FollowUpOwnerRequired);
        }

        if (dueOn is null)
        {
            errors.Add(Errors.FollowUpDueRequired);
        }

        return errors;
    }

    /// <summary>Marks a follow-up done: a user of its owner organisation or a coordinator, once.</summary>
    public Result Complete(Guid followUpId, UserRole? role, Actor by, DateTimeOffset at) =>
        OnFollowUp(followUpId, role, by, action =>
        {
            if (action.DoneAt is not null)
            {
                return Errors.AlreadyDone;
            }

            action.MarkDone(by, at);
            return Result.Success();
        });

    /// <summary>Reopens a follow-up marked done (by the same people who mark it done); the mark is cleared.</summary>
    public Result Reopen(Guid followUpId, UserRole? role, Actor by) =>
        OnFollowUp(followUpId, role, by, action =>
        {
            if (action.DoneAt is null)
            {
                return Errors.NotDone;
            }

            action.Reopen();
            return Result.Success();
        });

    /// <summary>A text bounded to <paramref name="max"/>, without control characters or a valid identity code; its errors go to <paramref name="errors"/>.</summary>
    public static string CheckText(string? text, string field, int max, bool required, List<Error> errors)
    {
        var clean = text?.Trim() ?? "";
        if (clean.Length == 0 && required)
        {
            errors.Add(Errors.TextRequired(field));
        }
        else if (clean.Length > max)
        {
            errors.Add(Errors.TextTooLong(field, max));
        }
        else if (!StorableText.IsText(clean))
        {
            errors.Add(Errors.InvalidCharacters(field));
        }
        else if (PersonalData.ContainsIdentityCode(clean))
        {
            errors.Add(new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = field });
        }

        return clean;
    }

    private static Error? Refused(MeetingAccess access) =>
        !access.Reads() ? Errors.NotFound : !access.Changes() ? Errors.ReadOnly : null;

    private static Error? ParticipantsRefused(CheckedMeetingContent content, IReadOnlySet<Guid> known, UserRole? role, Guid organisationId)
    {
        if (content.ParticipantOrganisationIds.Any(id => !known.Contains(id)))
        {
            return Errors.UnknownOrganisation;
        }

        return MeetingAccessRule.MayRecord(role, organisationId, content.ParticipantOrganisationIds) ? null : Errors.OwnOrganisationMustTakePart;
    }

    private Result OnFollowUp(Guid followUpId, UserRole? role, Actor by, Func<FollowUpAction, Result> change)
    {
        if (!AccessFor(role, by.OrganisationId).Reads())
        {
            return Errors.NotFound;
        }

        if (_followUps.FirstOrDefault(f => f.Id == followUpId) is not { } action)
        {
            return Errors.FollowUpNotFound;
        }

        return MeetingAccessRule.MayComplete(role, by.OrganisationId, action.OwnerOrganisationId) ? change(action) : Errors.NotOwner;
    }

    private void Apply(CheckedMeetingContent content)
    {
        HeldAt = content.HeldAt;
        Type = content.Type;
        ParticipantOrganisationIds = [.. content.ParticipantOrganisationIds];
        Title = content.Title;
        Agenda = content.Agenda;
        Minutes = content.Minutes;
        Decisions = [.. content.Decisions];
    }
}
