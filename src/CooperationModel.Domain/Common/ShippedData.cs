using System.Text.Json;
using System.Text.Json.Serialization;

namespace CooperationModel.Domain.Common;

/// <summary>
/// The app's own data files embedded in the domain (the model, the pilots, the 2022 analysis): read strictly, so that a
/// broken file fails its load instead of shipping quietly (an unknown field, a missing required one, an unknown name).
/// </summary>
public static class ShippedData
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNameCaseInsensitive = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Reads an embedded JSON file by its logical name (e.g. "Pilots.pilots.json", set in the project file).</summary>
    public static T ReadJson<T>(string resource)
    {
        using var stream = typeof(ShippedData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The data file {resource} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Strict) ?? throw new InvalidOperationException($"The data file {resource} is empty.");
    }
}
