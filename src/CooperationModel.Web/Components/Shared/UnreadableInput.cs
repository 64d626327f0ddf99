using CooperationModel.Domain.Common;

namespace CooperationModel.Web.Components.Shared;

/// <summary>
/// Text typed into a date or number field that cannot be read as one (31.2.2026, "abc"). The field keeps the text and
/// says what is wrong; the form (<see cref="CommandForm{TCommand}"/>) sends nothing while any field holds such text,
/// because the command could only carry "nothing entered" in its place.
/// </summary>
public sealed class UnreadableInput
{
    private readonly Dictionary<string, Error> _byField = new(StringComparer.Ordinal);

    public static ValidationError NotADate(string field) => new("Input.NotADate") { Field = field };

    public static ValidationError NotANumber(string field) => new("Input.NotANumber") { Field = field };

    public bool Any => _byField.Count > 0;

    public IEnumerable<Error> Errors => _byField.Values;

    public Error? For(string field) => _byField.GetValueOrDefault(field);

    /// <summary>Records the field's problem, or that it has none; says whether that changed anything.</summary>
    public bool Set(string field, Error? error)
    {
        if (error is null)
        {
            return _byField.Remove(field);
        }

        var changed = !_byField.TryGetValue(field, out var before) || before != error;
        _byField[field] = error;
        return changed;
    }
}
