using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;

namespace CooperationModel.Domain.Pilots;

/// <summary>One pilot as the app ships it (Pilots/Data/pilots.json, read from the model v1.0 in both languages).</summary>
public sealed record PilotRecord(
    string Code,
    string NameFi,
    string? NameSv,
    string AimFi,
    string? AimSv,
    IReadOnlyList<string> Owners,
    IReadOnlyList<CaseStage> Stages,
    DevelopmentArea Area,
    IReadOnlyList<string> RegionCodes,
    IReadOnlyList<string> MunicipalityCodes,
    string? TimetableFi,
    string? TimetableSv,
    DateOnly? StartMonth,
    DateOnly? EndMonth,
    string Source)
{
    /// <summary>The regions it touches: its own and those of its municipalities.</summary>
    public IReadOnlyList<string> AreaRegionCodes =>
        RegionCodes
            .Concat(MunicipalityCodes.Select(code => ReferenceCatalog.Instance.FindMunicipality(code)?.RegionCode ?? ""))
            .Where(code => code.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// The pilots the cooperation model v1.0 (27.3.2018) names in its Finnish and Swedish versions. Loaded once from the
/// app's own data file (never from the seeds at run time); the sources are in Pilots/Data/SOURCES.md.
/// </summary>
public static class PilotCatalog
{
    /// <summary>The date of the model v1.0 (27.3.2018, midnight in Finland, in UTC), which lists every pilot as planned.</summary>
    public static readonly DateTimeOffset ModelPublished = new(2018, 3, 26, 21, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyList<PilotRecord>> Shared = new(Load);

    public static IReadOnlyList<PilotRecord> All => Shared.Value;

    private static List<PilotRecord> Load()
    {
        var records = ShippedData.ReadJson<List<PilotRecord>>("Pilots.pilots.json");
        foreach (var record in records)
        {
            var unknown = record.MunicipalityCodes.FirstOrDefault(code => ReferenceCatalog.Instance.FindMunicipality(code) is null)
                ?? record.RegionCodes.FirstOrDefault(code => ReferenceCatalog.Instance.Regions.All(r => r.Code != code));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"pilots.json: {record.Code} names an unknown place {unknown}.");
            }
        }

        return records;
    }
}
