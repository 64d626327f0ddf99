using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Directory;

/// <summary>
/// A municipality's facts that decide where its clients can get help: the Kela office (and its opening days), a Kela
/// service point with a remote connection (asiointipiste / ärendepunkt), public computers, the social office with
/// walk-in hours or by appointment only (and the walk-in hours), the social emergency service on site or by phone, and
/// a note. Work facts, never client data: the free texts refuse a personal identity code.
/// </summary>
public sealed record OperatingEnvironmentFacts(
    bool HasKelaOffice,
    string? KelaOfficeOpeningDays,
    bool HasKelaServicePoint,
    bool HasPublicComputers,
    SocialOfficeReception SocialOffice,
    string? WalkInHours,
    SocialEmergencyService SocialEmergency,
    string? Note = null)
{
    /// <summary>Whether the client can meet Kela in person in the municipality (an office, or a service point's remote connection).</summary>
    public bool HasKelaInPerson => HasKelaOffice || HasKelaServicePoint;
}

/// <summary>
/// One municipality's operating environment (keyed by its code): its type, its facts, and when it was last checked and
/// by whom (<see cref="CheckedOn"/>; every change moves it, so does confirming it unchanged). Every municipality of the
/// catalog has one from the reference seeding, not assessed and without facts, until the admin of its social services
/// organiser assesses it (<see cref="OperatingEnvironmentAccessRule"/>).
/// </summary>
public sealed class OperatingEnvironment
{
    /// <summary>A short text: the Kela office's opening days, the social office's walk-in hours.</summary>
    public const int HoursMaxLength = 200;

    /// <summary>The note on the municipality's services (e.g. where the nearest service point is).</summary>
    public const int NoteMaxLength = 1000;

    /// <summary>The checker's display name as stored.</summary>
    public const int CheckedByMaxLength = 200;

    private OperatingEnvironment()
    {
    }

    public string MunicipalityCode { get; private set; } = "";

    /// <summary>The municipality's social services organiser (from the catalog; the reference seeding keeps it current).</summary>
    public string OrganiserCode { get; private set; } = "";

    public OperatingEnvironmentType Type { get; private set; }

    public bool HasKelaOffice { get; private set; }

    public string? KelaOfficeOpeningDays { get; private set; }

    public bool HasKelaServicePoint { get; private set; }

    public bool HasPublicComputers { get; private set; }

    /// <summary>Null while not assessed.</summary>
    public SocialOfficeReception? SocialOffice { get; private set; }

    public string? WalkInHours { get; private set; }

    /// <summary>Null while not assessed.</summary>
    public SocialEmergencyService? SocialEmergency { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The day it was last checked; null until first assessed (stored as its own column for the stale rule).</summary>
    public DateOnly? CheckedOnDate { get; private set; }

    public string? CheckedBy { get; private set; }

    public CheckedOn? Checked => CheckedOnDate is { } on ? new CheckedOn(on, CheckedBy ?? "") : null;

    /// <summary>The facts, once assessed.</summary>
    public OperatingEnvironmentFacts? Facts => Type.IsAssessed() && SocialOffice is { } office && SocialEmergency is { } emergency
        ? new OperatingEnvironmentFacts(HasKelaOffice, KelaOfficeOpeningDays, HasKelaServicePoint, HasPublicComputers, office, WalkInHours, emergency, Note)
        : null;

    /// <summary>A municipality's environment as the reference seeding creates it: not assessed, no facts, never checked.</summary>
    public static OperatingEnvironment NotAssessed(string municipalityCode, string organiserCode) => new()
    {
        MunicipalityCode = municipalityCode,
        OrganiserCode = organiserCode,
        Type = OperatingEnvironmentType.NotAssessed,
    };

    /// <summary>The reference seeding keeps the organiser current (a catalog fact, never an organiser's own).</summary>
    public void MoveToOrganiser(string organiserCode) => OrganiserCode = organiserCode;

    public static class Errors
    {
        public static ValidationError TypeRequired => new("Environment.TypeRequired") { Field = "Type" };
        public static ValidationError SocialOfficeRequired => new("Environment.SocialOfficeRequired") { Field = "SocialOffice" };
        public static ValidationError SocialEmergencyRequired => new("Environment.SocialEmergencyRequired") { Field = "SocialEmergency" };
        public static ValidationError OpeningDaysTooLong => new("Environment.HoursTooLong") { Field = "KelaOfficeOpeningDays" };
        public static ValidationError OpeningDaysWithoutOffice => new("Environment.OpeningDaysWithoutOffice") { Field = "KelaOfficeOpeningDays" };
        public static ValidationError OpeningDaysHaveIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = "KelaOfficeOpeningDays" };
        public static ValidationError WalkInHoursTooLong => new("Environment.HoursTooLong") { Field = "WalkInHours" };
        public static ValidationError WalkInHoursWithoutWalkIn => new("Environment.WalkInHoursWithoutWalkIn") { Field = "WalkInHours" };
        public static ValidationError WalkInHoursHaveIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = "WalkInHours" };
        public static ValidationError NoteTooLong => new("Environment.NoteTooLong") { Field = "Note" };
        public static ValidationError NoteHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = "Note" };
        public static ValidationError NotAssessed => new("Environment.NotAssessedCannotBeConfirmed");
    }

    /// <summary>
    /// The rules of an assessment (the validator runs the same, so the form says what the save would): an assessed type,
    /// the social office's reception and the emergency service chosen; opening days only with a Kela office and walk-in
    /// hours only with walk-in reception; each text bounded and free of identity codes.
    /// </summary>
    public static Result Check(
        OperatingEnvironmentType? type, bool hasKelaOffice, string? openingDays, SocialOfficeReception? socialOffice,
        string? walkInHours, SocialEmergencyService? socialEmergency, string? note)
    {
        var errors = new List<Error>();
        if (type is not { } t || !Enum.IsDefined(t) || !t.IsAssessed())
        {
            errors.Add(Errors.TypeRequired);
        }

        if (socialOffice is not { } office || !Enum.IsDefined(office))
        {
            errors.Add(Errors.SocialOfficeRequired);
        }

        if (socialEmergency is not { } emergency || !Enum.IsDefined(emergency))
        {
            errors.Add(Errors.SocialEmergencyRequired);
        }

        AddTextError(errors, openingDays, HoursMaxLength, Errors.OpeningDaysTooLong, Errors.OpeningDaysHaveIdentityCode,
            hasKelaOffice ? null : Errors.OpeningDaysWithoutOffice);
        AddTextError(errors, walkInHours, HoursMaxLength, Errors.WalkInHoursTooLong, Errors.WalkInHoursHaveIdentityCode,
            socialOffice == SocialOfficeReception.WalkInHours ? null : Errors.WalkInHoursWithoutWalkIn);
        AddTextError(errors, note, NoteMaxLength, Errors.NoteTooLong, Errors.NoteHasIdentityCode, null);
        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    /// <summary>
    /// Records an assessment (type and facts) by the given person today. Who may is the access rule's, asked by the use
    /// case before: the entity only keeps its facts right.
    /// </summary>
    public Result Change(OperatingEnvironmentType? type, OperatingEnvironmentFacts facts, string checkedBy, DateOnly today)
    {
        var checkedFacts = Check(type, facts.HasKelaOffice, facts.KelaOfficeOpeningDays, facts.SocialOffice, facts.WalkInHours, facts.SocialEmergency, facts.Note);
        if (!checkedFacts.IsSuccess)
        {
            return checkedFacts;
        }

        Type = type!.Value;
        HasKelaOffice = facts.HasKelaOffice;
        KelaOfficeOpeningDays = Clean(facts.KelaOfficeOpeningDays);
        HasKelaServicePoint = facts.HasKelaServicePoint;
        HasPublicComputers = facts.HasPublicComputers;
        SocialOffice = facts.SocialOffice;
        WalkInHours = Clean(facts.WalkInHours);
        SocialEmergency = facts.SocialEmergency;
        Note = Clean(facts.Note);
        MarkChecked(checkedBy, today);
        return Result.Success();
    }

    /// <summary>Confirms the facts unchanged: only the checked-on date and name move. A municipality not assessed has nothing to confirm.</summary>
    public Result ConfirmUnchanged(string checkedBy, DateOnly today)
    {
        if (!Type.IsAssessed())
        {
            return Errors.NotAssessed;
        }

        MarkChecked(checkedBy, today);
        return Result.Success();
    }

    private void MarkChecked(string checkedBy, DateOnly today)
    {
        CheckedOnDate = today;
        var name = checkedBy.Trim();
        CheckedBy = name.Length > CheckedByMaxLength ? name[..CheckedByMaxLength] : name;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void AddTextError(List<Error> errors, string? text, int maxLength, Error tooLong, Error hasCode, Error? notAllowed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (notAllowed is not null)
        {
            errors.Add(notAllowed);
        }
        else if (text.Trim().Length > maxLength)
        {
            errors.Add(tooLong);
        }
        else if (!StorableText.IsText(text))
        {
            errors.Add(StorableText.InvalidCharacters(hasCode.Field));
        }
        else if (PersonalData.ContainsIdentityCode(text))
        {
            errors.Add(hasCode);
        }
    }
}
