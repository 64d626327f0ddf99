using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Directory;

/// <summary>
/// One entry of the partners' directory (kumppanihakemisto): whom an organisation's partners contact for a function, in
/// one municipality of its area or (no municipality) in all of it, in which language, through which channels, and when it
/// was last checked. Work contacts only, never client data. Every change moves <see cref="Checked"/>, and so does
/// confirming it unchanged. Who may change it is <see cref="DirectoryAccessRule"/>.
/// </summary>
public sealed class DirectoryContact
{
    private DirectoryContact()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The organisation whose entry this is (its admin keeps it).</summary>
    public Guid OrganisationId { get; private set; }

    public DirectoryFunction Function { get; private set; }

    /// <summary>The municipality served, or null for the organisation's whole area.</summary>
    public string? MunicipalityCode { get; private set; }

    /// <summary>A unit or a named person (a work contact).</summary>
    public string Name { get; private set; } = "";

    public ServiceLanguage Language { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>When the phone is answered.</summary>
    public string? PhoneHours { get; private set; }

    public string? SecureEmail { get; private set; }

    public string? VideoMeetingUrl { get; private set; }

    /// <summary>The social emergency service's hours (only for that function).</summary>
    public string? EmergencyHours { get; private set; }

    /// <summary>Where a payment commitment (maksusitoumus) can be delivered or picked up, for municipalities without a Kela office.</summary>
    public string? PaymentCommitmentPlace { get; private set; }

    public DateOnly CheckedOnDate { get; private set; }

    public string CheckedBy { get; private set; } = "";

    public CheckedOn Checked => new(CheckedOnDate, CheckedBy);

    /// <summary>
    /// The rules that need the owner: the function fits its kind, the municipality is one it covers; then every rule of
    /// the input (<see cref="DirectoryContactRules.Check"/>).
    /// </summary>
    public static Result<DirectoryContactValues> CheckFor(OrganisationKind kind, string organisationCode, DirectoryContactInput input)
    {
        var checkedInput = DirectoryContactRules.Check(input);
        var errors = checkedInput.IsSuccess ? [] : checkedInput.Errors.ToList();
        if (input.Function is { } function && Enum.IsDefined(function) && !function.Fits(kind))
        {
            errors.Add(DirectoryContactRules.Errors.FunctionNotForOrganisation);
        }

        if (!string.IsNullOrWhiteSpace(input.MunicipalityCode)
            && (ReferenceCatalog.Instance.FindMunicipality(input.MunicipalityCode.Trim()) is not { } municipality
                || !DirectoryFunctions.Covers(kind, organisationCode, municipality)))
        {
            errors.Add(DirectoryContactRules.Errors.MunicipalityNotCovered);
        }

        return errors.Count > 0 ? Result<DirectoryContactValues>.Failure(errors) : checkedInput;
    }

    /// <summary>A new entry of the organisation, by its admin (the caller has asked <see cref="DirectoryAccessRule"/>).</summary>
    public static Result<DirectoryContact> Add(Organisation owner, DirectoryContactInput input, Actor by, DateOnly today, DateTimeOffset now)
    {
        var values = CheckFor(owner.Kind, owner.Code, input);
        if (!values.TryGetValue(out var clean))
        {
            return Result<DirectoryContact>.Failure(values.Errors);
        }

        var contact = new DirectoryContact { Id = Guid.CreateVersion7(now), OrganisationId = owner.Id };
        contact.Apply(clean, by, today);
        return contact;
    }

    /// <summary>Changes the entry; the checked-on date and editor move.</summary>
    public Result Change(Organisation owner, DirectoryContactInput input, Actor by, DateOnly today)
    {
        if (owner.Id != OrganisationId)
        {
            return DirectoryContactRules.Errors.NotFound;
        }

        var values = CheckFor(owner.Kind, owner.Code, input);
        if (!values.TryGetValue(out var clean))
        {
            return Result.Failure(values.Errors);
        }

        Apply(clean, by, today);
        return Result.Success();
    }

    /// <summary>Confirms the entry unchanged ("tiedot ovat ajan tasalla"): only the checked-on date and editor move.</summary>
    public void ConfirmUnchanged(Actor by, DateOnly today)
    {
        CheckedOnDate = today;
        CheckedBy = by.DisplayName;
    }

    private void Apply(DirectoryContactValues values, Actor by, DateOnly today)
    {
        Function = values.Function;
        MunicipalityCode = values.MunicipalityCode;
        Name = values.Name;
        Language = values.Language;
        Phone = values.Phone;
        PhoneHours = values.PhoneHours;
        SecureEmail = values.SecureEmail;
        VideoMeetingUrl = values.VideoMeetingUrl;
        EmergencyHours = values.EmergencyHours;
        PaymentCommitmentPlace = values.PaymentCommitmentPlace;
        ConfirmUnchanged(by, today);
    }
}
