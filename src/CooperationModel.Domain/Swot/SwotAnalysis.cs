using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Swot;

/// <summary>The four kinds of a SWOT finding.</summary>
public enum SwotKind
{
    Strength = 1,
    Weakness = 2,
    Opportunity = 3,
    Threat = 4,
}

/// <summary>
/// One workshop of an analysis round: the 2022 round held one per Kela insurance district and one for the capital
/// region, in September 2022, remote. National reference data: no tenant, no personal data.
/// </summary>
public sealed class SwotWorkshop
{
    private SwotWorkshop()
    {
    }

    public SwotWorkshop(string code, string analysisCode, string? kelaDistrictCode, IReadOnlyList<string> municipalityCodes, DateOnly month, bool remote)
    {
        Code = code;
        AnalysisCode = analysisCode;
        KelaDistrictCode = kelaDistrictCode;
        MunicipalityCodes = [.. municipalityCodes];
        Month = month;
        Remote = remote;
    }

    /// <summary>The district's code, or "paakaupunkiseutu" for the capital region.</summary>
    public string Code { get; private set; } = "";

    public string AnalysisCode { get; private set; } = "";

    /// <summary>Null for the capital region's workshop, which <see cref="MunicipalityCodes"/> names.</summary>
    public string? KelaDistrictCode { get; private set; }

    public List<string> MunicipalityCodes { get; private set; } = [];

    /// <summary>The first day of the month it was held.</summary>
    public DateOnly Month { get; private set; }

    public bool Remote { get; private set; }

    internal void Change(string? kelaDistrictCode, IReadOnlyList<string> municipalityCodes, DateOnly month, bool remote)
    {
        KelaDistrictCode = kelaDistrictCode;
        MunicipalityCodes = [.. municipalityCodes];
        Month = month;
        Remote = remote;
    }
}

/// <summary>A theme of the analysis, under the process stage it concerns (the stage is the app's reading of the theme).</summary>
public sealed class SwotTheme
{
    private SwotTheme()
    {
    }

    public SwotTheme(string code, string analysisCode, int order, string nameFi, CaseStage stage, string source)
    {
        Code = code;
        AnalysisCode = analysisCode;
        Order = order;
        NameFi = nameFi;
        Stage = stage;
        Source = source;
    }

    public string Code { get; private set; } = "";

    public string AnalysisCode { get; private set; } = "";

    public int Order { get; private set; }

    /// <summary>In Finnish, as the analysis wrote it.</summary>
    public string NameFi { get; private set; } = "";

    public CaseStage Stage { get; private set; }

    public string Source { get; private set; } = "";

    internal void Change(string nameFi, CaseStage stage)
    {
        NameFi = nameFi;
        Stage = stage;
    }

    internal void Refresh(SwotTheme shipped)
    {
        Order = shipped.Order;
        NameFi = shipped.NameFi;
        Stage = shipped.Stage;
        Source = shipped.Source;
    }
}

/// <summary>
/// One finding: a strength, weakness, opportunity or threat with its sub-points, in Finnish as written. The 2022
/// draft gives the synthesis of all six workshops, so its findings name no workshop (<see cref="WorkshopCodes"/> empty:
/// every workshop of the round).
/// </summary>
public sealed class SwotFinding
{
    private SwotFinding()
    {
    }

    public SwotFinding(string code, string themeCode, SwotKind kind, string textFi, IReadOnlyList<string> subPoints, IReadOnlyList<string> workshopCodes, string source)
    {
        Code = code;
        Change(themeCode, kind, textFi, subPoints, workshopCodes, source);
    }

    /// <summary>The theme's code, the kind's initial and the number within it, e.g. "2022-3-2-W1".</summary>
    public string Code { get; private set; } = "";

    public string ThemeCode { get; private set; } = "";

    public SwotKind Kind { get; private set; }

    public string TextFi { get; private set; } = "";

    public List<string> SubPoints { get; private set; } = [];

    public List<string> WorkshopCodes { get; private set; } = [];

    public string Source { get; private set; } = "";

    internal void Change(string themeCode, SwotKind kind, string textFi, IReadOnlyList<string> subPoints, IReadOnlyList<string> workshopCodes, string source)
    {
        ThemeCode = themeCode;
        Kind = kind;
        TextFi = textFi;
        SubPoints = [.. subPoints];
        WorkshopCodes = [.. workshopCodes];
        Source = source;
    }

    internal void Refresh(SwotFinding shipped) =>
        Change(shipped.ThemeCode, shipped.Kind, shipped.TextFi, shipped.SubPoints, shipped.WorkshopCodes, shipped.Source);

    /// <summary>Whether the finding came out of <paramref name="workshopCode"/> (a synthesis belongs to every workshop).</summary>
    public bool From(string workshopCode) => WorkshopCodes.Count == 0 || WorkshopCodes.Contains(workshopCode);
}

/// <summary>
/// The 2022 current-state analysis as the app ships it (Swot/Data/swot_2022.json, made from the seeds once; see
/// SOURCES.md there). Never reads the seeds at run time.
/// </summary>
public sealed class SwotCatalog
{
    public const string Round2022 = "2022";

    private static readonly Lazy<SwotCatalog> Shared = new(Load);

    private SwotCatalog(string code, string titleFi, string sectionFi, string draftFi, string source, IReadOnlyList<SwotWorkshop> workshops, IReadOnlyList<SwotTheme> themes, IReadOnlyList<SwotFinding> findings)
    {
        Code = code;
        TitleFi = titleFi;
        SectionFi = sectionFi;
        DraftFi = draftFi;
        Source = source;
        Workshops = workshops;
        Themes = themes;
        Findings = findings;
    }

    public static SwotCatalog Instance => Shared.Value;

    /// <summary>The shipped round's code (<see cref="Round2022"/>).</summary>
    public string Code { get; }

    /// <summary>The month the round was held: its workshops' first month.</summary>
    public DateOnly Month => Workshops.Min(w => w.Month);

    public string TitleFi { get; }

    public string SectionFi { get; }

    public string DraftFi { get; }

    public string Source { get; }

    public IReadOnlyList<SwotWorkshop> Workshops { get; }

    public IReadOnlyList<SwotTheme> Themes { get; }

    public IReadOnlyList<SwotFinding> Findings { get; }

    /// <summary>Keeps a stored theme in step with the shipped one.</summary>
    public static void Refresh(SwotTheme stored, SwotTheme shipped) => stored.Refresh(shipped);

    /// <summary>Keeps a stored finding in step with the shipped one.</summary>
    public static void Refresh(SwotFinding stored, SwotFinding shipped) => stored.Refresh(shipped);

    private sealed record FileWorkshop(string Code, string? KelaDistrictCode, List<string> MunicipalityCodes, DateOnly Month, bool Remote);

    private sealed record FileTheme(string Code, string NameFi, CaseStage Stage, string Source);

    private sealed record FileFinding(string Code, string ThemeCode, SwotKind Kind, string TextFi, List<string> SubPoints, string Source);

    private sealed record FileAnalysis(string Code, string TitleFi, string SectionFi, string DraftFi, string Source, List<FileWorkshop> Workshops, List<FileTheme> Themes, List<FileFinding> Findings);

    private static SwotCatalog Load()
    {
        var file = ShippedData.ReadJson<FileAnalysis>("Swot.swot_2022.json");
        return new SwotCatalog(
            file.Code,
            file.TitleFi,
            file.SectionFi,
            file.DraftFi,
            file.Source,
            file.Workshops.Select(w => new SwotWorkshop(w.Code, file.Code, w.KelaDistrictCode, w.MunicipalityCodes, w.Month, w.Remote)).ToList(),
            file.Themes.Select((t, i) => new SwotTheme(t.Code, file.Code, i + 1, t.NameFi, t.Stage, t.Source)).ToList(),
            file.Findings.Select(f => new SwotFinding(f.Code, f.ThemeCode, f.Kind, f.TextFi, f.SubPoints, [], f.Source)).ToList());
    }
}
