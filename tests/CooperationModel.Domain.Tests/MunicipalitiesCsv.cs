namespace CooperationModel.Domain.Tests;

/// <summary>
/// The raw municipalities.csv (linked from the domain project), read here with no help from the production parser,
/// so the catalog can be checked against the file itself.
/// </summary>
internal static class MunicipalitiesCsv
{
    private static readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> Shared = new(Read);

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows => Shared.Value;

    private static List<IReadOnlyDictionary<string, string>> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "municipalities.csv"));
        var header = lines[0].Split(',');
        return lines
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => (IReadOnlyDictionary<string, string>)header
                .Zip(line.Split(','), (name, value) => (name, value))
                .ToDictionary(p => p.name, p => p.value))
            .ToList();
    }
}
