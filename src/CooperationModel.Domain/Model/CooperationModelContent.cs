using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CooperationModel.Domain.Model;

/// <summary>
/// The cooperation model v1.0 as the app ships it (Model/Data/model-1.0.json, its sources in SOURCES.md there).
/// Loaded once; immutable. A missing field of the file fails the load, so a broken file cannot ship quietly.
/// </summary>
public static class CooperationModelContent
{
    /// <summary>The version the seeds give: approved by the steering group on 27 March 2018.</summary>
    public const string FirstVersion = "1.0";

    private static readonly Lazy<ModelVersionContent> First = new(() => Load("model-1.0.json"));

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static ModelVersionContent V1 => First.Value;

    private static ModelVersionContent Load(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Model." + fileName)
            ?? throw new InvalidOperationException($"The model file {fileName} is not embedded.");
        return JsonSerializer.Deserialize<ModelVersionContent>(stream, Options)
            ?? throw new InvalidOperationException($"The model file {fileName} is empty.");
    }
}
