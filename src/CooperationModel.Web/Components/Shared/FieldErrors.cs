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

    public void Clear()
    {
        _byField.Clear();
        General = null;
    }

    /// <summary>An error's message in the user's language, with the values it names translated too.</summary>
    public static string Text(IStringLocalizer<SharedResource> localizer, Error error) =>
        localizer[error.Code, error.ArgumentKeys.Select(key => (object)localizer[key].Value).ToArray()].Value;

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
