using System.Text.RegularExpressions;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Directory;

/// <summary>What an admin types for a contact entry (null and blank texts are "none").</summary>
public sealed record DirectoryContactInput(
    DirectoryFunction? Function,
    string? MunicipalityCode,
    string? Name,
    ServiceLanguage? Language,
    string? Phone,
    string? PhoneHours,
    string? SecureEmail,
    string? VideoMeetingUrl,
    string? EmergencyHours,
    string? PaymentCommitmentPlace);

/// <summary>The input once checked: texts trimmed, blanks null.</summary>
public sealed record DirectoryContactValues(
    DirectoryFunction Function,
    string? MunicipalityCode,
    string Name,
    ServiceLanguage Language,
    string? Phone,
    string? PhoneHours,
    string? SecureEmail,
    string? VideoMeetingUrl,
    string? EmergencyHours,
    string? PaymentCommitmentPlace);

/// <summary>
/// The rules of one contact entry's texts and formats, which need nothing but the input (the form's validator runs
/// them as the user types); whether the function and the municipality fit the organisation is
/// <see cref="DirectoryContact.CheckFor"/>.
/// </summary>
public static partial class DirectoryContactRules
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 40;
    public const int MaxHoursLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxUrlLength = 500;
    public const int MaxPlaceLength = 500;

    public static class Errors
    {
        public static ValidationError FunctionRequired => new("Directory.FunctionRequired") { Field = "Function" };
        public static ValidationError FunctionNotForOrganisation => new("Directory.FunctionNotForOrganisation") { Field = "Function" };
        public static ValidationError MunicipalityNotCovered => new("Directory.MunicipalityNotCovered") { Field = "MunicipalityCode" };
        public static ValidationError NameRequired => new("Directory.NameRequired") { Field = "Name" };
        public static ValidationError NameTooLong => new("Directory.NameTooLong") { Field = "Name" };
        public static ValidationError LanguageRequired => new("Directory.LanguageRequired") { Field = "Language" };
        public static ValidationError ChannelRequired => new("Directory.ChannelRequired") { Field = "Phone" };
        public static ValidationError PhoneInvalid => new("Directory.PhoneInvalid") { Field = "Phone" };
        public static ValidationError EmailInvalid => new("Directory.EmailInvalid") { Field = "SecureEmail" };
        public static ValidationError UrlInvalid => new("Directory.UrlInvalid") { Field = "VideoMeetingUrl" };
        public static ValidationError EmergencyHoursRequired => new("Directory.EmergencyHoursRequired") { Field = "EmergencyHours" };
        public static ValidationError EmergencyHoursOnlyForEmergency => new("Directory.EmergencyHoursOnlyForEmergency") { Field = "EmergencyHours" };
        public static ValidationError PhoneHoursWithoutPhone => new("Directory.PhoneHoursWithoutPhone") { Field = "PhoneHours" };

        public static ValidationError HoursTooLong(string field) => new("Directory.HoursTooLong") { Field = field };
        public static ValidationError PlaceTooLong => new("Directory.PlaceTooLong") { Field = "PaymentCommitmentPlace" };
        public static ValidationError InvalidCharacters(string field) => StorableText.InvalidCharacters(field);
        public static ValidationError HasIdentityCode(string field) => new(PersonalData.ContainsIdentityCodeCode) { Field = field };
        public static NotFoundError NotFound => new("Directory.NotFound");
    }

    /// <summary>Every rule that needs only the input; all errors at once, each on its field.</summary>
    public static Result<DirectoryContactValues> Check(DirectoryContactInput input)
    {
        var errors = new List<Error>();
        string? Text(string? value, string field, int max, Func<ValidationError> tooLong)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (text is null)
            {
                return null;
            }

            if (!StorableText.IsLine(text))
            {
                errors.Add(Errors.InvalidCharacters(field));
            }
            else if (text.Length > max)
            {
                errors.Add(tooLong());
            }
            else if (PersonalData.ContainsIdentityCode(text))
            {
                errors.Add(Errors.HasIdentityCode(field));
            }
            else
            {
                return text;
            }

            return null;
        }

        if (input.Function is not { } function || !Enum.IsDefined(function))
        {
            errors.Add(Errors.FunctionRequired);
        }

        if (input.Language is not { } language || !Enum.IsDefined(language))
        {
            errors.Add(Errors.LanguageRequired);
        }

        var name = Text(input.Name, "Name", MaxNameLength, () => Errors.NameTooLong);
        if (name is null && string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(Errors.NameRequired);
        }

        var phone = Text(input.Phone, "Phone", MaxPhoneLength, () => Errors.PhoneInvalid);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors.Add(Errors.PhoneInvalid);
        }

        var phoneHours = Text(input.PhoneHours, "PhoneHours", MaxHoursLength, () => Errors.HoursTooLong("PhoneHours"));
        if (phoneHours is not null && string.IsNullOrWhiteSpace(input.Phone))
        {
            errors.Add(Errors.PhoneHoursWithoutPhone);
        }

        var email = Text(input.SecureEmail, "SecureEmail", MaxEmailLength, () => Errors.EmailInvalid);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add(Errors.EmailInvalid);
        }

        var url = Text(input.VideoMeetingUrl, "VideoMeetingUrl", MaxUrlLength, () => Errors.UrlInvalid);
        if (url is not null && !IsWebAddress(url))
        {
            errors.Add(Errors.UrlInvalid);
        }

        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.SecureEmail) && string.IsNullOrWhiteSpace(input.VideoMeetingUrl))
        {
            errors.Add(Errors.ChannelRequired);
        }

        var emergencyHours = Text(input.EmergencyHours, "EmergencyHours", MaxHoursLength, () => Errors.HoursTooLong("EmergencyHours"));
        if (input.Function == DirectoryFunction.SocialEmergencyService && string.IsNullOrWhiteSpace(input.EmergencyHours))
        {
            errors.Add(Errors.EmergencyHoursRequired);
        }
        else if (input.Function is { } f && f != DirectoryFunction.SocialEmergencyService && !string.IsNullOrWhiteSpace(input.EmergencyHours))
        {
            errors.Add(Errors.EmergencyHoursOnlyForEmergency);
        }

        var place = Text(input.PaymentCommitmentPlace, "PaymentCommitmentPlace", MaxPlaceLength, () => Errors.PlaceTooLong);
        if (errors.Count > 0)
        {
            return Result<DirectoryContactValues>.Failure(errors);
        }

        var municipality = string.IsNullOrWhiteSpace(input.MunicipalityCode) ? null : input.MunicipalityCode.Trim();
        return new DirectoryContactValues(
            input.Function!.Value, municipality, name!, input.Language!.Value, phone, phoneHours, email, url, emergencyHours, place);
    }

    /// <summary>A web address a browser opens as a meeting: absolute https (or http), with a host.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Contains('.', StringComparison.Ordinal)
        && !text.Any(char.IsWhiteSpace);

    /// <summary>A Finnish or international phone number: digits with spaces, hyphens or brackets, an optional leading +; 5–15 digits.</summary>
    [GeneratedRegex(@"^\+?(?=(?:\D*\d){5,15}\D*$)[0-9(][0-9 ()\-]*[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
