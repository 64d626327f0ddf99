namespace CooperationModel.Domain.Model;

/// <summary>The languages the model's content is written in. Finnish is the model's own language.</summary>
public static class ModelLanguage
{
    public const string Finnish = "fi";
    public const string Swedish = "sv";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Finnish, Swedish, English];

    /// <summary>The language a culture name (fi-FI, sv, en-GB) asks for; anything else reads Finnish.</summary>
    public static string Of(string cultureName) => cultureName.Split('-')[0].ToLowerInvariant() switch
    {
        Swedish => Swedish,
        English => English,
        _ => Finnish,
    };
}

/// <summary>A text of the model and the language it is actually in (which may differ from the one asked for).</summary>
public readonly record struct InLanguage<T>(T Value, string Language)
{
    public bool IsIn(string language) => Language == language;
}

/// <summary>
/// One text of the model in the languages its source gives it (at least one). Asked for a language the source does not
/// give, it answers in Finnish, then Swedish, and says so (<see cref="InLanguage{T}.Language"/>): the page then tells
/// the reader which language the text is in.
/// </summary>
public sealed record LocalText(string? Fi = null, string? Sv = null, string? En = null)
{
    public InLanguage<string> In(string language)
    {
        var asked = language switch
        {
            ModelLanguage.Swedish => Sv,
            ModelLanguage.English => En,
            _ => Fi,
        };
        return asked is not null ? new(asked, language)
            : Fi is not null ? new(Fi, ModelLanguage.Finnish)
            : Sv is not null ? new(Sv, ModelLanguage.Swedish)
            : new(En ?? "", ModelLanguage.English);
    }

    public bool IsEmpty => Fi is null && Sv is null && En is null;
}

/// <summary>
/// A list of the model (tasks, traits) in each language as its source writes it: the two language versions of the seed
/// do not always list the same points, so each language keeps its own list. Falls back like <see cref="LocalText"/>.
/// </summary>
public sealed record LocalList(IReadOnlyList<string>? Fi = null, IReadOnlyList<string>? Sv = null, IReadOnlyList<string>? En = null)
{
    public static LocalList Empty { get; } = new();

    public InLanguage<IReadOnlyList<string>> In(string language)
    {
        var asked = language switch
        {
            ModelLanguage.Swedish => Sv,
            ModelLanguage.English => En,
            _ => Fi,
        };
        return asked is { Count: > 0 } ? new(asked, language)
            : Fi is { Count: > 0 } ? new(Fi, ModelLanguage.Finnish)
            : Sv is { Count: > 0 } ? new(Sv, ModelLanguage.Swedish)
            : new(En ?? [], ModelLanguage.English);
    }

    public bool IsEmpty => (Fi?.Count ?? 0) + (Sv?.Count ?? 0) + (En?.Count ?? 0) == 0;
}
