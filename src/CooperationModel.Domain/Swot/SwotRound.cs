using System.Text.RegularExpressions;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;

namespace CooperationModel.Domain.Swot;

/// <summary>What a coordinator enters for a workshop of a round: a Kela district, or named municipalities.</summary>
public sealed record SwotWorkshopInput(string? Code, string? KelaDistrictCode, IReadOnlyList<string> MunicipalityCodes, DateOnly? Month, bool Remote);

/// <summary>
/// What a coordinator (or a row of an imported file) enters for a finding. <see cref="LocalCode"/> is the code within the
/// round ("W1"); blank, the round gives the next one of the kind.
/// </summary>
public sealed record SwotFindingInput(
    string? LocalCode, string? ThemeCode, SwotKind? Kind, string? Text, IReadOnlyList<string> SubPoints, IReadOnlyList<string> WorkshopCodes, string? Source);

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

    // --- Workshops -------------------------------------------------------------------------------------------------

    public Result<SwotWorkshop> AddWorkshop(SwotWorkshopInput input, IReadOnlyCollection<SwotWorkshop> roundWorkshops)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckWorkshop(input, roundWorkshops.Where(w => w.AnalysisCode == Code).Select(w => w.Code));
        return errors.Count > 0
            ? Result<SwotWorkshop>.Failure(errors)
            : new SwotWorkshop(input.Code!.Trim(), Code, Blank(input.KelaDistrictCode), Municipalities(input), FirstOfMonth(input.Month!.Value), input.Remote);
    }

    /// <summary>Changes a workshop's place, month and mode (its code stays: findings name it).</summary>
    public Result EditWorkshop(SwotWorkshop workshop, SwotWorkshopInput input)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckWorkshop(input with { Code = workshop.Code }, []);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        workshop.Change(Blank(input.KelaDistrictCode), Municipalities(input), FirstOfMonth(input.Month!.Value), input.Remote);
        return Result.Success();
    }

    /// <summary>A workshop a finding names stays: remove it from the findings first.</summary>
    public Result CheckRemoveWorkshop(SwotWorkshop workshop, IReadOnlyCollection<SwotFinding> roundFindings) =>
        Shipped ? Errors.ShippedReadOnly
        : roundFindings.Any(f => f.WorkshopCodes.Contains(workshop.Code)) ? Errors.WorkshopInUse
        : Result.Success();

    // --- Themes ----------------------------------------------------------------------------------------------------

    public Result<SwotTheme> AddTheme(string? nameFi, CaseStage? stage, IReadOnlyCollection<SwotTheme> roundThemes)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckTheme(nameFi, stage, roundThemes, null);
        if (errors.Count > 0)
        {
            return Result<SwotTheme>.Failure(errors);
        }

        var order = roundThemes.Count == 0 ? 1 : roundThemes.Max(t => t.Order) + 1;
        var number = order;
        while (roundThemes.Any(t => t.Code == $"{Code}-T{number}"))
        {
            number++;
        }

        return new SwotTheme($"{Code}-T{number}", Code, order, nameFi!.Trim(), stage!.Value, AppSource);
    }

    public Result EditTheme(SwotTheme theme, string? nameFi, CaseStage? stage, IReadOnlyCollection<SwotTheme> roundThemes)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckTheme(nameFi, stage, roundThemes, theme.Code);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        theme.Change(nameFi!.Trim(), stage!.Value);
        return Result.Success();
    }

    public Result CheckRemoveTheme(SwotTheme theme, IReadOnlyCollection<SwotFinding> roundFindings) =>
        Shipped ? Errors.ShippedReadOnly
        : roundFindings.Any(f => f.ThemeCode == theme.Code) ? Errors.ThemeInUse
        : Result.Success();

    // --- Findings --------------------------------------------------------------------------------------------------

    /// <summary>
    /// A new finding of the round. Every error of the input is returned (each naming its field), so that a form, or a row of
    /// an imported file, shows them all at once.
    /// </summary>
    public Result<SwotFinding> AddFinding(
        SwotFindingInput input, IReadOnlyCollection<SwotTheme> roundThemes, IReadOnlyCollection<SwotWorkshop> roundWorkshops, IReadOnlyCollection<SwotFinding> roundFindings)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckFinding(input, roundThemes, roundWorkshops);
        var local = input.LocalCode?.Trim() ?? "";
        if (local.Length > 0 && roundFindings.Any(f => string.Equals(f.Code, $"{Code}-{local}", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(Errors.FindingCodeTaken);
        }

        if (errors.Count > 0)
        {
            return Result<SwotFinding>.Failure(errors);
        }

        var code = local.Length > 0 ? $"{Code}-{local}" : NextCode(input.Kind!.Value, roundFindings);
        return new SwotFinding(code, input.ThemeCode!, input.Kind!.Value, input.Text!.Trim(), SubPoints(input), Workshops(input), SourceOf(input));
    }

    /// <summary>Changes a finding's theme, kind, texts, workshops and source (its code stays: pilots name it).</summary>
    public Result EditFinding(SwotFinding finding, SwotFindingInput input, IReadOnlyCollection<SwotTheme> roundThemes, IReadOnlyCollection<SwotWorkshop> roundWorkshops)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckFinding(input with { LocalCode = LocalCodeOf(finding.Code) }, roundThemes, roundWorkshops);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        finding.Change(input.ThemeCode!, input.Kind!.Value, input.Text!.Trim(), SubPoints(input), Workshops(input), SourceOf(input));
        return Result.Success();
    }

    public Result CheckRemoveFinding() => CheckEditable();

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

    private string NextCode(SwotKind kind, IReadOnlyCollection<SwotFinding> roundFindings)
    {
        var number = roundFindings.Count(f => f.Kind == kind) + 1;
        while (roundFindings.Any(f => string.Equals(f.Code, $"{Code}-{KindInitial(kind)}{number}", StringComparison.OrdinalIgnoreCase)))
        {
            number++;
        }

        return $"{Code}-{KindInitial(kind)}{number}";
    }

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

    private static List<Error> CheckWorkshop(SwotWorkshopInput input, IEnumerable<string> takenCodes)
    {
        var errors = new List<Error>();
        var code = input.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add(Errors.WorkshopCodeRequired);
        }
        else if (!WorkshopCode().IsMatch(code))
        {
            errors.Add(Errors.WorkshopCodeInvalid);
        }
        else if (takenCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(Errors.WorkshopCodeTaken);
        }

        var district = Blank(input.KelaDistrictCode);
        var municipalities = Municipalities(input);
        if (district is null && municipalities.Count == 0)
        {
            errors.Add(Errors.WorkshopPlaceRequired);
        }
        else if (district is not null && municipalities.Count > 0)
        {
            errors.Add(Errors.WorkshopPlaceTwice);
        }
        else if (district is not null && ReferenceCatalog.Instance.KelaDistricts.All(d => d.Code != district))
        {
            errors.Add(Errors.UnknownDistrict);
        }
        else if (municipalities.Any(m => ReferenceCatalog.Instance.Municipalities.All(x => x.Code != m)))
        {
            errors.Add(Errors.UnknownMunicipality);
        }

        if (input.Month is null)
        {
            errors.Add(Errors.WorkshopMonthRequired);
        }

        return errors;
    }

    private static List<Error> CheckTheme(string? nameFi, CaseStage? stage, IReadOnlyCollection<SwotTheme> roundThemes, string? ownCode)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(nameFi))
        {
            errors.Add(Errors.ThemeNameRequired);
        }
        else if (nameFi.Trim().Length > TitleMaxLength)
        {
            errors.Add(Errors.ThemeNameTooLong);
        }
        else if (PersonalData.ContainsIdentityCode(nameFi))
        {
            errors.Add(Errors.ThemeNameHasIdentityCode);
        }
        else if (roundThemes.Any(t => t.Code != ownCode && string.Equals(t.NameFi, nameFi.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(Errors.ThemeNameTaken);
        }

        if (stage is null || !Enum.IsDefined(stage.Value))
        {
            errors.Add(Errors.StageRequired);
        }

        return errors;
    }

    private List<Error> CheckFinding(SwotFindingInput input, IReadOnlyCollection<SwotTheme> roundThemes, IReadOnlyCollection<SwotWorkshop> roundWorkshops)
    {
        var errors = new List<Error>();
        var local = input.LocalCode?.Trim() ?? "";
        if (local.Length > 0 && !FindingCode().IsMatch(local))
        {
            errors.Add(Errors.FindingCodeInvalid);
        }

        if (string.IsNullOrWhiteSpace(input.ThemeCode))
        {
            errors.Add(Errors.ThemeRequired);
        }
        else if (roundThemes.All(t => t.Code != input.ThemeCode || t.AnalysisCode != Code))
        {
            errors.Add(Errors.ThemeNotInRound);
        }

        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors.Add(Errors.KindRequired);
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(Errors.TextRequired);
        }
        else if (input.Text.Trim().Length > TextMaxLength)
        {
            errors.Add(Errors.TextTooLong);
        }
        else if (PersonalData.ContainsIdentityCode(input.Text))
        {
            errors.Add(Errors.TextHasIdentityCode);
        }

        var points = SubPoints(input);
        if (points.Count > MaxSubPoints)
        {
            errors.Add(Errors.TooManySubPoints);
        }
        else if (points.Any(p => p.Length > TextMaxLength))
        {
            errors.Add(Errors.SubPointTooLong);
        }
        else if (points.Any(PersonalData.ContainsIdentityCode))
        {
            errors.Add(Errors.SubPointHasIdentityCode);
        }

        if (Workshops(input).Any(w => roundWorkshops.All(x => x.Code != w || x.AnalysisCode != Code)))
        {
            errors.Add(Errors.WorkshopNotInRound);
        }

        var source = input.Source?.Trim() ?? "";
        if (source.Length > SourceMaxLength)
        {
            errors.Add(Errors.SourceTooLong);
        }
        else if (PersonalData.ContainsIdentityCode(source))
        {
            errors.Add(Errors.SourceHasIdentityCode);
        }

        return errors;
    }

    private static List<string> SubPoints(SwotFindingInput input) =>
        [.. input.SubPoints.Select(p => p.Trim()).Where(p => p.Length > 0)];

    private static List<string> Workshops(SwotFindingInput input) =>
        [.. input.WorkshopCodes.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string SourceOf(SwotFindingInput input) => input.Source?.Trim() is { Length: > 0 } source ? source : AppSource;

    private static List<string> Municipalities(SwotWorkshopInput input) =>
        [.. input.MunicipalityCodes.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    [GeneratedRegex("^[A-Za-z0-9]{1,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoundCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkshopCode();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex FindingCode();
}
