using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Pilots;

/// <summary>
/// A development pilot of the cooperation model (kehittämispilotti). A national record: it belongs to no tenant and
/// holds no client data. Its owners are named as the model names them (a project, a municipality, Kela); the app's
/// organisations that coordinators link to it as its owner organisations (<see cref="OwnerOrganisationIds"/>) read it
/// and comment on it (<see cref="PilotAccessRule"/>). The status changes only through <see cref="ChangeStatus"/>, checked against
/// <see cref="PilotStatuses"/>, and every change is kept with its date, person and reason. Its evaluation (indicators,
/// findings, verdicts) is in DevelopmentPilot.Evaluation.cs.
/// </summary>
public sealed partial class DevelopmentPilot
{
    public const int MaxTextLength = 2000;

    private readonly List<PilotStatusChange> _statusChanges = [];
    private readonly List<PilotEntry> _entries = [];

    private DevelopmentPilot()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The stable key of the shipped record (e.g. "kela-supports-advisers").</summary>
    public string Code { get; private set; } = "";

    public string NameFi { get; private set; } = "";

    /// <summary>Null when only the Finnish version names the pilot.</summary>
    public string? NameSv { get; private set; }

    public string AimFi { get; private set; } = "";

    public string? AimSv { get; private set; }

    /// <summary>The owner organisations as the seed names them (free names, not tenants).</summary>
    public List<string> Owners { get; private set; } = [];

    /// <summary>The app's organisations linked to the pilot as its owners: their users read it and comment (<see cref="AccessFor"/>).</summary>
    public List<Guid> OwnerOrganisationIds { get; private set; } = [];

    public List<CaseStage> Stages { get; private set; } = [];

    public DevelopmentArea Area { get; private set; }

    /// <summary>Region codes (Geography) where it runs; with <see cref="MunicipalityCodes"/> empty too, it is national.</summary>
    public List<string> RegionCodes { get; private set; } = [];

    public List<string> MunicipalityCodes { get; private set; } = [];

    /// <summary>The regions it touches: its own and those of its municipalities (for the region filter).</summary>
    public List<string> AreaRegionCodes { get; private set; } = [];

    public bool IsNational => RegionCodes.Count == 0 && MunicipalityCodes.Count == 0;

    /// <summary>The timetable in the seed's own words.</summary>
    public string? TimetableFi { get; private set; }

    public string? TimetableSv { get; private set; }

    /// <summary>The first and last month as we read the timetable (first day of the month); null when it gives none.</summary>
    public DateOnly? StartMonth { get; private set; }

    public DateOnly? EndMonth { get; private set; }

    /// <summary>Where the record comes from (seed file and its place), or "app" for one added in the app.</summary>
    public string Source { get; private set; } = "";

    public PilotStatus Status { get; private set; }

    /// <summary>The codes of the analysis' weaknesses (Swot) this pilot answers.</summary>
    public List<string> AnswersWeaknessCodes { get; private set; } = [];

    public IReadOnlyList<PilotStatusChange> StatusChanges => _statusChanges;

    public IReadOnlyList<PilotEntry> Entries => _entries;

    public static DevelopmentPilot FromCatalog(PilotRecord record, PilotStatus status, DateTimeOffset statusSince, string statusReason)
    {
        var pilot = new DevelopmentPilot { Id = Guid.CreateVersion7(), Code = record.Code, Status = status };
        pilot.Refresh(record);
        pilot._statusChanges.Add(new PilotStatusChange(pilot.Id, null, status, statusSince, null, record.Source, statusReason));
        return pilot;
    }

    /// <summary>Takes the shipped description again (names, aims, places); status, history and links stay.</summary>
    public void Refresh(PilotRecord record)
    {
        NameFi = record.NameFi;
        NameSv = record.NameSv;
        AimFi = record.AimFi;
        AimSv = record.AimSv;
        Owners = [.. record.Owners];
        Stages = [.. record.Stages];
        Area = record.Area;
        RegionCodes = [.. record.RegionCodes];
        MunicipalityCodes = [.. record.MunicipalityCodes];
        AreaRegionCodes = [.. record.AreaRegionCodes];
        TimetableFi = record.TimetableFi;
        TimetableSv = record.TimetableSv;
        StartMonth = record.StartMonth;
        EndMonth = record.EndMonth;
        Source = record.Source;
    }

    public static class Errors
    {
        public static ValidationError ReasonRequired => new("Pilot.ReasonRequired") { Field = "Reason" };

        public static ValidationError ReasonTooLong => new("Pilot.ReasonTooLong") { Field = "Reason", ArgumentKeys = [MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture)] };

        public static ValidationError TextRequired => new("Pilot.TextRequired") { Field = "Text" };

        public static ValidationError TextTooLong => new("Pilot.TextTooLong") { Field = "Text", ArgumentKeys = [MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture)] };

        public static ValidationError UnknownWeakness => new("Pilot.UnknownWeakness") { Field = "Weaknesses" };

        public static ValidationError SameStatus => new("Pilot.SameStatus") { Field = "Status" };

        /// <summary>The user may not see the pilot: told exactly as a pilot that does not exist.</summary>
        public static NotFoundError NotFound => new("Pilot.NotFound");

        /// <summary>An owner organisation's user adds comments, nothing else.</summary>
        public static ForbiddenError CommentsOnly => new("Pilot.CommentsOnly") { Field = "Text" };

        public static ValidationError UnknownOrganisation => new("Pilot.UnknownOrganisation") { Field = "Organisations" };
    }

    /// <summary>What a user of this role and organisation may do with the pilot (<see cref="PilotAccessRule"/>).</summary>
    public PilotAccess AccessFor(UserRole? role, Guid organisationId) => PilotAccessRule.For(role, organisationId, OwnerOrganisationIds);

    /// <summary>Links the pilot to these organisations as its owners (replacing the links); each must be one of <paramref name="knownOrganisationIds"/>.</summary>
    public Result SetOwnerOrganisations(IReadOnlyCollection<Guid> organisationIds, IReadOnlySet<Guid> knownOrganisationIds)
    {
        if (organisationIds.Any(id => !knownOrganisationIds.Contains(id)))
        {
            return Errors.UnknownOrganisation;
        }

        OwnerOrganisationIds = [.. organisationIds.Distinct().Order()];
        return Result.Success();
    }

    /// <summary>Moves the pilot to <paramref name="to"/> if the table allows it; the reason is required and kept.</summary>
    public Result ChangeStatus(PilotStatus to, string? reason, Actor by, DateTimeOffset at)
    {
        if (to == Status)
        {
            return Errors.SameStatus;
        }

        if (!PilotStatuses.CanMove(Status, to))
        {
            return PilotStatuses.NotAllowed(Status, to);
        }

        var text = CheckText(reason, Errors.ReasonRequired, Errors.ReasonTooLong, "Reason");
        if (!text.TryGetValue(out var clean))
        {
            return Result.Failure(text.Errors);
        }

        _statusChanges.Add(new PilotStatusChange(Id, Status, to, at, by.UserId, by.DisplayName, clean));
        Status = to;
        return Result.Success();
    }

    /// <summary>
    /// An update (what happened) or a comment, by a user with <paramref name="access"/>: a coordinator adds either, an owner
    /// organisation's user a comment only, anyone else nothing (the pilot is not found).
    /// </summary>
    public Result<PilotEntry> AddEntry(PilotAccess access, PilotEntryKind kind, string? text, Actor by, DateTimeOffset at)
    {
        if (!access.Reads())
        {
            return Errors.NotFound;
        }

        if (!access.MayAdd(kind))
        {
            return Errors.CommentsOnly;
        }

        var checkedText = CheckText(text, Errors.TextRequired, Errors.TextTooLong, "Text");
        if (!checkedText.TryGetValue(out var clean))
        {
            return Result<PilotEntry>.Failure(checkedText.Errors);
        }

        var entry = new PilotEntry(Id, kind, clean, at, by.UserId, by.OrganisationId, by.DisplayName);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Sets which weaknesses the pilot answers; every code must be one of <paramref name="weaknessCodes"/>.</summary>
    public Result SetAnsweredWeaknesses(IReadOnlyCollection<string> codes, IReadOnlySet<string> weaknessCodes)
    {
        if (codes.Any(c => !weaknessCodes.Contains(c)))
        {
            return Errors.UnknownWeakness;
        }

        AnswersWeaknessCodes = [.. codes.Distinct().Order(StringComparer.Ordinal)];
        return Result.Success();
    }

    /// <summary>A text is required, bounded (by default to <see cref="MaxTextLength"/>), and never holds a valid personal identity code.</summary>
    public static Result<string> CheckText(string? text, ValidationError required, ValidationError tooLong, string field, int maxLength = MaxTextLength)
    {
        var clean = text?.Trim() ?? "";
        if (clean.Length == 0)
        {
            return required;
        }

        if (clean.Length > maxLength)
        {
            return tooLong;
        }

        if (PersonalData.ContainsIdentityCode(clean))
        {
            return new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = field };
        }

        return clean;
    }
}

/// <summary>One change of a pilot's status. <see cref="From"/> is null for the first status it was recorded with.</summary>
public sealed class PilotStatusChange
{
    private PilotStatusChange()
    {
    }

    internal PilotStatusChange(Guid pilotId, PilotStatus? from, PilotStatus to, DateTimeOffset at, Guid? byUserId, string byName, string reason)
    {
        Id = Guid.CreateVersion7();
        PilotId = pilotId;
        From = from;
        To = to;
        At = at;
        ByUserId = byUserId;
        ByName = byName;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid PilotId { get; private set; }

    public PilotStatus? From { get; private set; }

    public PilotStatus To { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Null for the status the shipped record gives (then <see cref="ByName"/> names the source).</summary>
    public Guid? ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public string Reason { get; private set; } = "";
}

public enum PilotEntryKind
{
    /// <summary>What happened in the pilot (päivitys).</summary>
    Update = 1,
    /// <summary>A remark in the discussion (kommentti).</summary>
    Comment = 2,
}

/// <summary>An update or a comment on a pilot, by a coordinator or (a comment) by a user of an owner organisation.</summary>
public sealed class PilotEntry
{
    private PilotEntry()
    {
    }

    internal PilotEntry(Guid pilotId, PilotEntryKind kind, string text, DateTimeOffset at, Guid byUserId, Guid byOrganisationId, string byName)
    {
        Id = Guid.CreateVersion7();
        PilotId = pilotId;
        Kind = kind;
        Text = text;
        At = at;
        ByUserId = byUserId;
        ByOrganisationId = byOrganisationId;
        ByName = byName;
    }

    public Guid Id { get; private set; }

    public Guid PilotId { get; private set; }

    public PilotEntryKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public Guid ByUserId { get; private set; }

    public Guid ByOrganisationId { get; private set; }

    public string ByName { get; private set; } = "";
}
