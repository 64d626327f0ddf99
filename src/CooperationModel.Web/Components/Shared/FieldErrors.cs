using CooperationModel.Domain.Common;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Components.Shared;

/// <summary>
/// The one place where error values meet a form: errors with a field go next to that field,
/// the rest are shown above the form. The texts are localised from the error codes.
/// </summary>
public sealed class FieldErrors(IStringLocalizer<SharedResource> localizer)
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);

    public string? General { get; private set; }

    public bool Any => _byField.Count > 0 || General is not null;

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? For(string field) => _byField.GetValueOrDefault(field);

    /// <summary>The first error of these fields (a field can show a rule about it and another field together).</summary>
    public string? For(IEnumerable<string> fields) => fields.Select(For).FirstOrDefault(text => text is not null);

    /// <summary>
    /// The parameters that put these fields' error on a MudBlazor input, splatted with <c>@attributes</c>:
    /// <c>Error</c>, <c>ErrorText</c> and, as its <c>Validation</c>, a function that gives the same error.
    /// An input that validates itself (<c>Required</c>, a value it cannot convert) writes its own error state after
    /// every change, and a parameter it is given again unchanged does not overrule that: after a failed save the
    /// next invalid value would show nothing. With the validation function the input's own verdict carries ours.
    /// </summary>
    /// <typeparam name="T">The input's value type (<c>string</c>, <c>int?</c>, <c>DateTime?</c>, an enum).</typeparam>
    public IEnumerable<KeyValuePair<string, object?>> On<T>(params string[] fields)
    {
        var text = For(fields);
        yield return new("Error", text is not null);
        yield return new("ErrorText", text);
        yield return new("Validation", new Func<T?, string?>(_ => For(fields)));
    }

    public void Clear()
    {
        _byField.Clear();
        General = null;
    }

    /// <summary>An error's message in the user's language, with the values it names translated too.</summary>
    public static string Text(IStringLocalizer<SharedResource> localizer, Error error) =>
        localizer[error.Code, error.ArgumentKeys.Select(key => (object)localizer[key].Value).ToArray()].Value;

    /// <summary>A message about the whole form, by its key, in place of any other.</summary>
    public void ShowGeneral(string key)
    {
        Clear();
        General = localizer[key].Value;
    }

    public void Show(IEnumerable<Error> errors)
    {
        Clear();
        foreach (var error in errors)
        {
            var text = Text(localizer, error);
            if (error.Field is { Length: > 0 } field)
            {
                _byField.TryAdd(field, text);
            }
            else
            {
                General ??= text;
            }
        }
    }
}
