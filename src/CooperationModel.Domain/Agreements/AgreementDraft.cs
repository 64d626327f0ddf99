using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Agreements;

/// <summary>
/// An agreement's content as typed: the subject, title and text, the validity, and a work contact for each side (a
/// name and a work phone or e-mail). <see cref="Check"/> is the one set of rules, which the validator runs for the
/// form and the agreement runs again when it is recorded or changed; each error names its field.
/// </summary>
public sealed record AgreementDraft(
    AgreementSubject? Subject,
    string? Title,
    string? Text,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? KelaContactName,
    string? KelaContactPhone,
    string? KelaContactEmail,
    string? OrganiserContactName,
    string? OrganiserContactPhone,
    string? OrganiserContactEmail)
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int ContactNameMaxLength = 200;
    public const int PhoneMaxLength = 40;
    public const int EmailMaxLength = 254;

    public static AgreementDraft Empty { get; } = new(null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>Every rule the content breaks (none: it may be saved).</summary>
    public Result Check()
    {
        var errors = new List<Error>();
        if (Subject is not { } subject || !Enum.IsDefined(subject))
        {
            errors.Add(Errors.SubjectRequired);
        }

        CheckText(errors, Title, nameof(Title), "Title", TitleMaxLength, required: true);
        CheckText(errors, Text, nameof(Text), "Text", TextMaxLength, required: true);
        if (ValidFrom is null)
        {
            errors.Add(Errors.ValidFromRequired);
        }
        else if (ValidUntil is { } until && until < ValidFrom)
        {
            errors.Add(Errors.UntilBeforeFrom);
        }

        Contact(errors, KelaContactName, KelaContactPhone, KelaContactEmail, nameof(KelaContactName), nameof(KelaContactPhone), nameof(KelaContactEmail));
        Contact(errors, OrganiserContactName, OrganiserContactPhone, OrganiserContactEmail,
            nameof(OrganiserContactName), nameof(OrganiserContactPhone), nameof(OrganiserContactEmail));
        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    /// <summary>A text with its surrounding white space removed; null when nothing is left.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Contact(List<Error> errors, string? name, string? phone, string? email, string nameField, string phoneField, string emailField)
    {
        CheckText(errors, name, nameField, "ContactName", ContactNameMaxLength, required: true);
        CheckText(errors, phone, phoneField, "Phone", PhoneMaxLength, required: false);
        CheckText(errors, email, emailField, "Email", EmailMaxLength, required: false);
        if (Clean(phone) is null && Clean(email) is null)
        {
            errors.Add(new ValidationError("Agreement.ContactMeansRequired") { Field = phoneField });
        }

        if (Clean(email) is { Length: <= EmailMaxLength } address && !LooksLikeEmail(address))
        {
            errors.Add(new ValidationError("Agreement.EmailInvalid") { Field = emailField });
        }
    }

    /// <summary>A free text's rules: required or not, at most its length, storable, no identity code; codes Agreement.{rule}Required / TooLong.</summary>
    private static void CheckText(List<Error> errors, string? text, string field, string rule, int maxLength, bool required)
    {
        var clean = Clean(text);
        if (clean is null)
        {
            if (required)
            {
                errors.Add(new ValidationError($"Agreement.{rule}Required") { Field = field });
            }
        }
        else if (clean.Length > maxLength)
        {
            errors.Add(new ValidationError($"Agreement.{rule}TooLong") { Field = field });
        }
        else if (!StorableText.IsText(clean))
        {
            errors.Add(StorableText.InvalidCharacters(field));
        }
        else if (PersonalData.ContainsIdentityCode(clean))
        {
            errors.Add(new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = field });
        }
    }

    /// <summary>One @ with something on both sides and a dot in the domain, no white space: a typing check, not a proof.</summary>
    private static bool LooksLikeEmail(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == address.LastIndexOf('@') && address.IndexOf('.', at) > at + 1 && !address.EndsWith('.')
            && !address.Any(char.IsWhiteSpace);
    }

    public static class Errors
    {
        public static ValidationError SubjectRequired => new("Agreement.SubjectRequired") { Field = nameof(Subject) };

        public static ValidationError ValidFromRequired => new("Agreement.ValidFromRequired") { Field = nameof(ValidFrom) };

        public static ValidationError UntilBeforeFrom => new("Agreement.UntilBeforeFrom") { Field = nameof(ValidUntil) };
    }
}
