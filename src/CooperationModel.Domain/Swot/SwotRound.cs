using System.Text.RegularExpressions;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Swot;

/// <summary>
/// One analysis round: the shipped 2022 current-state analysis, or a round coordinators record in the app. A round has
/// workshops, themes (each under a process stage) and findings. The shipped round is read-only (its texts are kept in
/// step with the app's data file); a recorded round is changed through the methods here, which hold its rules: required
/// and bounded texts, no personal identity code, finding codes unique within the round (and across rounds, because
/// every code starts with its round's code), a finding's workshops those of its round. National records: no tenant.
/// </summary>
public sealed partial class SwotRound
{
    public const int CodeMaxLength = 12;
    public const int TitleMaxLength = 300;
    public const int SourceMaxLength = 500;
    public const int TextMaxLength = 2000;
    public const int LocalCodeMaxLength = 20;
    public const int WorkshopCodeMaxLength = 40;
    public const int MaxSubPoints = 30;

    /// <summary>The source of a round, theme or finding that coordinators recorded in the app.</summary>
    public const string AppSource = "app";

    private SwotRound()
    {
    }

    /// <summary>Letters and digits only: a round's code is the first part of every code in it, up to the first dash.</summary>
    public string Code { get; private set; } = "";

    public string TitleFi { get; private set; } = "";

    /// <summary>The first day of the month the round was held (or started).</summary>
    public DateOnly Month { get; private set; }

    /// <summary>Where the round comes from: the seed files for the shipped one, <see cref="AppSource"/> for a recorded one.</summary>
    public string Source { get; private set; } = "";

    /// <summary>Shipped with the app (the 2022 round): nobody changes it in the app.</summary>
    public bool Shipped { get; private set; }

    /// <summary>Published rounds are offered first in the matrix; the newest published one is its default.</summary>
    public bool Published { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public static class Errors
    {
        public static ValidationError CodeRequired => new("Swot.CodeRequired") { Field = nameof(Code) };
        public static ValidationError CodeInvalid => new("Swot.RoundCodeInvalid") { Field = nameof(Code) };
        public static ConflictError CodeTaken => new("Swot.RoundCodeTaken") { Field = nameof(Code) };
        public static ValidationError TitleRequired => new("Swot.TitleRequired") { Field = nameof(TitleFi) };
        public static ValidationError TitleTooLong => new("Swot.TitleTooLong") { Field = nameof(TitleFi) };
        public static ValidationError TitleHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = nameof(TitleFi) };
        public static ValidationError MonthRequired => new("Swot.MonthRequired") { Field = nameof(Month) };
        public static InvalidTransitionError ShippedReadOnly => new("Swot.ShippedReadOnly");
        public static InvalidTransitionError AlreadyPublished => new("Swot.AlreadyPublished");

        public static ValidationError WorkshopCodeRequired => new("Swot.CodeRequired") { Field = "WorkshopCode" };
        public static ValidationError WorkshopCodeInvalid => new("Swot.WorkshopCodeInvalid") { Field = "WorkshopCode" };
        public static ConflictError WorkshopCodeTaken => new("Swot.WorkshopCodeTaken") { Field = "WorkshopCode" };
        public static ValidationError WorkshopPlaceRequired => new("Swot.WorkshopPlaceRequired") { Field = "Place" };
        public static ValidationError WorkshopPlaceTwice => new("Swot.WorkshopPlaceTwice") { Field = "Place" };
        public static ValidationError UnknownDistrict => new("Swot.UnknownDistrict") { Field = "Place" };
        public static ValidationError UnknownMunicipality => new("Swot.UnknownMunicipality") { Field = "Place" };
        public static ValidationError WorkshopMonthRequired => new("Swot.MonthRequired") { Field = "WorkshopMonth" };
        public static InvalidTransitionError WorkshopInUse => new("Swot.WorkshopInUse");

        public static ValidationError ThemeNameRequired => new("Swot.ThemeNameRequired") { Field = "ThemeName" };
        public static ValidationError ThemeNameTooLong => new("Swot.TextTooLong") { Field = "ThemeName" };
        public static ValidationError ThemeNameHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = "ThemeName" };
        public static ConflictError ThemeNameTaken => new("Swot.ThemeNameTaken") { Field = "ThemeName" };
        public static ValidationError StageRequired => new("Swot.StageRequired") { Field = "Stage" };
        public static InvalidTransitionError ThemeInUse => new("Swot.ThemeInUse");

        public static ValidationError FindingCodeInvalid => new("Swot.FindingCodeInvalid") { Field = nameof(SwotFindingInput.LocalCode) };
        public static ConflictError FindingCodeTaken => new("Swot.FindingCodeTaken") { Field = nameof(SwotFindingInput.LocalCode) };
        public static ValidationError ThemeRequired => new("Swot.ThemeRequired") { Field = nameof(SwotFindingInput.ThemeCode) };
        public static ValidationError ThemeNotInRound => new("Swot.ThemeNotInRound") { Field = nameof(SwotFindingInput.ThemeCode) };
        public static ValidationError KindRequired => new("Swot.KindRequired") { Field = nameof(SwotFindingInput.Kind) };
        public static ValidationError TextRequired => new("Swot.TextRequired") { Field = nameof(SwotFindingInput.Text) };
        public static ValidationError TextTooLong => new("Swot.TextTooLong") { Field = nameof(SwotFindingInput.Text) };
        public static ValidationError TextHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = nameof(SwotFindingInput.Text) };
        public static ValidationError SubPointTooLong => new("Swot.TextTooLong") { Field = nameof(SwotFindingInput.SubPoints) };
        public static ValidationError TooManySubPoints => new("Swot.TooManySubPoints") { Field = nameof(SwotFindingInput.SubPoints) };
        public static ValidationError SubPointHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = nameof(SwotFindingInput.SubPoints) };
        public static ValidationError WorkshopNotInRound => new("Swot.WorkshopNotInRound") { Field = nameof(SwotFindingInput.WorkshopCodes) };
        public static ValidationError SourceTooLong => new("Swot.SourceTooLong") { Field = nameof(SwotFindingInput.Source) };
        public static ValidationError SourceHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = nameof(SwotFindingInput.Source) };
    }

    /// <summary>A new round recorded in the app: a draft (not published) until a coordinator publishes it.</summary>
    public static Result<SwotRound> Create(string? code, string? titleFi, DateOnly? month, IReadOnlyCollection<string> existingCodes, DateTimeOffset at)
    {
        var errors = new List<Error>();
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(Errors.CodeRequired);
        }
        else if (!RoundCode().IsMatch(trimmed))
        {
            errors.Add(Errors.CodeInvalid);
        }
        else if (existingCodes.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(Errors.CodeTaken);
        }

        errors.AddRange(CheckDetails(titleFi, month));
        if (errors.Count > 0)
        {
            return Result<SwotRound>.Failure(errors);
        }

        return new SwotRound
        {
            Code = trimmed,
            TitleFi = titleFi!.Trim(),
            Month = FirstOfMonth(month!.Value),
            Source = AppSource,
            CreatedAt = at,
        };
    }

    /// <summary>The shipped round as its data file describes it (published and read-only).</summary>
    public static SwotRound FromCatalog(SwotCatalog catalog) => new()
    {
        Code = catalog.Code,
        TitleFi = catalog.TitleFi,
        Month = catalog.Month,
        Source = catalog.Source,
        Shipped = true,
        Published = true,
        CreatedAt = new DateTimeOffset(catalog.Month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };

    /// <summary>Keeps the stored shipped round in step with the data file.</summary>
    public void Refresh(SwotCatalog catalog)
    {
        TitleFi = catalog.TitleFi;
        Month = catalog.Month;
        Source = catalog.Source;
        Shipped = true;
        Published = true;
    }

    public Result Edit(string? titleFi, DateOnly? month)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckDetails(titleFi, month);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        TitleFi = titleFi!.Trim();
        Month = FirstOfMonth(month!.Value);
        return Result.Success();
    }

    public Result Publish()
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        if (Published)
        {
            return Errors.AlreadyPublished;
        }

        Published = true;
        return Result.Success();
    }

    /// <summary>Whether coordinators may change the round's workshops, themes and findings.</summary>
    public Result CheckEditable() => Shipped ? Errors.ShippedReadOnly : Result.Success();

    /// <summary>A finding's code within its round: the part after the round's code ("2025-W1" → "W1").</summary>
    public static string LocalCodeOf(string findingCode)
    {
        var dash = findingCode.IndexOf('-');
        return dash < 0 ? findingCode : findingCode[(dash + 1)..];
    }

    /// <summary>The round a finding or theme code belongs to: the part before the first dash.</summary>
    public static string RoundOf(string code)
    {
        var dash = code.IndexOf('-');
        return dash < 0 ? code : code[..dash];
    }

    public static char KindInitial(SwotKind kind) => kind switch
    {
        SwotKind.Strength => 'S',
        SwotKind.Weakness => 'W',
        SwotKind.Opportunity => 'O',
        _ => 'T',
    };

    public static SwotKind? KindFromInitial(string? initial) => initial?.Trim().ToUpperInvariant() switch
    {
        "S" => SwotKind.Strength,
        "W" => SwotKind.Weakness,
        "O" => SwotKind.Opportunity,
        "T" => SwotKind.Threat,
        _ => null,
    };

    private static List<Error> CheckDetails(string? titleFi, DateOnly? month)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(titleFi))
        {
            errors.Add(Errors.TitleRequired);
        }
        else if (titleFi.Trim().Length > TitleMaxLength)
        {
            errors.Add(Errors.TitleTooLong);
        }
        else if (PersonalData.ContainsIdentityCode(titleFi))
        {
            errors.Add(Errors.TitleHasIdentityCode);
        }

        if (month is null)
        {
            errors.Add(Errors.MonthRequired);
        }

        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    [GeneratedRegex("^[A-Za-z0-9]{1,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoundCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkshopCode();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex FindingCode();
}
