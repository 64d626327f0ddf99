using CooperationModel.Domain.Common;

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

    public static ModelVersionContent V1 => First.Value;

    private static ModelVersionContent Load(string fileName) => ShippedData.ReadJson<ModelVersionContent>("Model." + fileName);
}
