using System.Reflection;

namespace CooperationModel.Domain.Geography;

/// <summary>
/// The reference data the app ships as its own files (Geography/Data, sources in SOURCES.md there):
/// the 308 municipalities of 2025 with their region, social services organiser and Kela district.
/// Loaded once; immutable.
/// </summary>
public sealed class ReferenceCatalog
{
    private static readonly Lazy<ReferenceCatalog> Shared = new(Load);

    private readonly Dictionary<string, Municipality> _municipalities;
    private readonly Dictionary<string, SocialServicesOrganiser> _organisers;

    private ReferenceCatalog(
        IReadOnlyList<Region> regions,
        IReadOnlyList<KelaDistrict> kelaDistricts,
        IReadOnlyList<SocialServicesOrganiser> organisers,
        IReadOnlyList<Municipality> municipalities)
    {
        Regions = regions;
        KelaDistricts = kelaDistricts;
        Organisers = organisers;
        Municipalities = municipalities;
        _municipalities = municipalities.ToDictionary(m => m.Code);
        _organisers = organisers.ToDictionary(o => o.Code);
    }

    public static ReferenceCatalog Instance => Shared.Value;

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<KelaDistrict> KelaDistricts { get; }

    public IReadOnlyList<SocialServicesOrganiser> Organisers { get; }

    public IReadOnlyList<Municipality> Municipalities { get; }

    public Municipality? FindMunicipality(string code) => _municipalities.GetValueOrDefault(code);

    /// <summary>
    /// Routing of referrals: the organiser of the client's home municipality receives them
    /// (a wellbeing services county, the City of Helsinki, or on Åland the municipality itself).
    /// </summary>
    public SocialServicesOrganiser ReceivingOrganiserFor(Municipality municipality) => _organisers[municipality.OrganiserCode];

    private static ReferenceCatalog Load()
    {
        var regions = ReadCsv("regions.csv")
            .Select(r => new Region(r["code"], r["name_fi"], r["name_sv"], r["name_en"]))
            .ToList();

        var districts = ReadCsv("kela_insurance_districts.csv")
            .Select(r => new KelaDistrict(r["code"], r["name_fi"], r["name_sv"], r["name_en"]))
            .ToList();

        var municipalityRows = ReadCsv("municipalities.csv");

        var organisers = ReadCsv("wellbeing_counties.csv")
            .Select(r => new SocialServicesOrganiser(
                r["code"], r["name_fi"], r["name_sv"], r["name_en"],
                r["organiser_type"] == "city_of_helsinki" ? OrganiserType.CityOfHelsinki : OrganiserType.WellbeingServicesCounty))
            .Concat(municipalityRows
                .Where(r => r["region_code"] == Region.AlandCode)
                .Select(r => new SocialServicesOrganiser(r["code"], r["name_fi"], r["name_sv"], r["name_en"], OrganiserType.AlandMunicipality)))
            .ToList();

        var municipalities = municipalityRows
            .Select(r => new Municipality(
                r["code"],
                r["name_fi"],
                r["name_sv"],
                r["region_code"],
                ParseLanguageStatus(r["language_status"]),
                // On Åland the wellbeing county column is empty: the municipality organises social services itself.
                r["wellbeing_county_code"] is { Length: > 0 } county ? county : r["code"],
                r["kela_district_code"]))
            .ToList();

        return new ReferenceCatalog(regions, districts, organisers, municipalities);
    }

    private static LanguageStatus ParseLanguageStatus(string value) => value switch
    {
        "fi" => LanguageStatus.Finnish,
        "fi/sv" => LanguageStatus.FinnishAndSwedish,
        "sv" => LanguageStatus.Swedish,
        "sv/fi" => LanguageStatus.SwedishAndFinnish,
        _ => throw new InvalidDataException($"Unknown language status '{value}'."),
    };

    private static List<Dictionary<string, string>> ReadCsv(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Geography." + fileName)
            ?? throw new InvalidDataException($"Reference data file {fileName} is not embedded.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{fileName} is empty.");
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // The files have no quoted fields (checked in the domain tests by the column count).
            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{fileName}: a row has {fields.Length} fields, the header {header.Length}.");
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }
}
