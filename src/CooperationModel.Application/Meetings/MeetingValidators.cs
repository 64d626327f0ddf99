using System.Globalization;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Meetings;
using FluentValidation;

namespace CooperationModel.Application.Meetings;

/// <summary>The meeting form's rules: the time readable, and the domain's content rules (<see cref="MeetingContent.Check"/>).</summary>
public sealed class SaveMeetingValidator : AbstractValidator<SaveMeetingCommand>
{
    public SaveMeetingValidator() =>
        RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var error in MeetingTime.Content(command).Errors)
            {
                context.AddError(error);
            }
        });
}

/// <summary>A follow-up's own rules (<see cref="JointMeeting.CheckFollowUp"/>); whether its owner takes part is the meeting's.</summary>
public sealed class AddFollowUpValidator : AbstractValidator<AddFollowUpCommand>
{
    public AddFollowUpValidator() =>
        RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var error in JointMeeting.CheckFollowUp(command.Text, command.Owner, MeetingTime.Day(command.DueOn), out _))
            {
                context.AddError(error);
            }
        });
}

/// <summary>A meeting's date and time as typed, in Finnish time, to the instant the meeting stores.</summary>
public static class MeetingTime
{
    private static readonly string[] Formats = ["H:mm", "H.mm", "HH:mm", "HH.mm", "%H"];

    private static readonly TimeZoneInfo Finland = Find();

    public static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>The time of day typed ("14.30", "14:30", "9"); null when it is not one.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>The content the command holds, checked: the time's error first, then the domain's rules.</summary>
    public static Result<CheckedMeetingContent> Content(SaveMeetingCommand command)
    {
        var time = ParseTime(command.Time);
        DateTimeOffset? heldAt = null;
        if (command.Date is { } date && time is { } t)
        {
            var local = DateOnly.FromDateTime(date).ToDateTime(t);
            heldAt = new DateTimeOffset(local, Finland.GetUtcOffset(local)).ToUniversalTime();
        }

        var content = new MeetingContent(
            command.Date is null ? null : heldAt ?? DateTimeOffset.UnixEpoch, command.Type, command.Participants, command.Title, command.Agenda,
            command.Minutes, command.Decisions).Check();
        if (time is null)
        {
            return Result<CheckedMeetingContent>.Failure([JointMeeting.Errors.TimeInvalid, .. content.Errors]);
        }

        return content;
    }

    /// <summary>The content to record: the same rules (<see cref="Content"/>), unchecked form for the domain to check again.</summary>
    public static MeetingContent Unchecked(SaveMeetingCommand command, CheckedMeetingContent valid) =>
        new(valid.HeldAt, command.Type, command.Participants, command.Title, command.Agenda, command.Minutes, command.Decisions);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(FinnishCalendar.TimeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
