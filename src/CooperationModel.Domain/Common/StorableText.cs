namespace CooperationModel.Domain.Common;

/// <summary>
/// Text a person can type and the database can store: no control characters and no lone surrogates (PostgreSQL
/// refuses NUL, and a lone surrogate has no UTF-8 form). A one-line field refuses every control character; a
/// multi-line text keeps its line breaks and tabs.
/// </summary>
public static class StorableText
{
    /// <summary>The error code of a text that holds a character it cannot be stored with.</summary>
    public const string InvalidCharactersCode = "Text.InvalidCharacters";

    public static ValidationError InvalidCharacters(string? field) => new(InvalidCharactersCode) { Field = field };

    /// <summary>One line: no control character at all.</summary>
    public static bool IsLine(string value) => Check(value, multiline: false);

    /// <summary>A text of several lines: line breaks and tabs allowed, no other control character.</summary>
    public static bool IsText(string value) => Check(value, multiline: true);

    private static bool Check(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
