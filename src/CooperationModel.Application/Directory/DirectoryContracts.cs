using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using FluentValidation;

namespace CooperationModel.Application.Directory;

/// <summary>One contact entry as the directory shows it, with its owner's name and whether it is stale today.</summary>
public sealed record DirectoryContactRow(
    Guid Id,
    Guid OrganisationId,
    string OrganisationNameFi,
    string OrganisationNameSv,
    string OrganisationNameEn,
    DirectoryFunction Function,
    string? MunicipalityCode,
    string Name,
    ServiceLanguage Language,
    string? Phone,
    string? PhoneHours,
    string? SecureEmail,
    string? VideoMeetingUrl,
    string? EmergencyHours,
    string? PaymentCommitmentPlace,
    DateOnly CheckedOn,
    string CheckedBy)
{
    /// <summary>Checked longer ago than the setting <c>Directory:StaleAfterMonths</c> (<see cref="Domain.Directory.CheckedOn.IsStale"/>).</summary>
    public bool IsStale { get; init; }

    /// <summary>What the current user may do with it (<see cref="DirectoryAccessRule"/>): the pages offer only that.</summary>
    public DirectoryAccess Access { get; init; }

    /// <summary>The whole area of its organisation (no municipality of its own).</summary>
    public bool IsAreaWide => MunicipalityCode is null;
}

/// <summary>
/// The directory's search: a municipality (an area-wide entry of an organisation that covers it counts), a function, a
/// language (Finnish or Swedish finds the bilingual entries too); a null filter does not filter.
/// </summary>
public sealed record DirectorySearchQuery(string? MunicipalityCode, DirectoryFunction? Function, ServiceLanguage? Language, PageRequest Page);

/// <summary>Adds (no <see cref="Id"/>) or changes a contact entry of the admin's own organisation.</summary>
public sealed record SaveDirectoryContactCommand(
    Guid? Id,
    DirectoryFunction? Function,
    string? MunicipalityCode,
    string? Name,
    ServiceLanguage? Language,
    string? Phone,
    string? PhoneHours,
    string? SecureEmail,
    string? VideoMeetingUrl,
    string? EmergencyHours,
    string? PaymentCommitmentPlace)
{
    public DirectoryContactInput ToInput() =>
        new(Function, MunicipalityCode, Name, Language, Phone, PhoneHours, SecureEmail, VideoMeetingUrl, EmergencyHours, PaymentCommitmentPlace);

    public static SaveDirectoryContactCommand From(DirectoryContactRow row) =>
        new(row.Id, row.Function, row.MunicipalityCode, row.Name, row.Language, row.Phone, row.PhoneHours, row.SecureEmail,
            row.VideoMeetingUrl, row.EmergencyHours, row.PaymentCommitmentPlace);
}

/// <summary>The rules that need only the input, as the form types (the use case adds the owner's kind and area).</summary>
public sealed class SaveDirectoryContactValidator : AbstractValidator<SaveDirectoryContactCommand>
{
    public SaveDirectoryContactValidator() =>
        RuleFor(c => c).MustPassWithOwnFields(c => DirectoryContactRules.Check(c.ToInput()));
}

public sealed class DirectorySearchValidator : AbstractValidator<DirectorySearchQuery>
{
    public DirectorySearchValidator()
    {
        RuleFor(q => q.Page).PageMustExist();
        RuleFor(q => q.MunicipalityCode)
            .Must(code => code is null || Domain.Geography.ReferenceCatalog.Instance.FindMunicipality(code) is not null)
            .WithMessage(DirectoryErrors.UnknownMunicipality.Code);
    }
}

public static class DirectoryErrors
{
    /// <summary>The entry is another organisation's: only its own admin changes it (the user may read it, so it is no secret).</summary>
    public static ForbiddenError NotYours => new("Directory.NotYours");

    public static ValidationError UnknownMunicipality => new("Directory.UnknownMunicipality") { Field = "MunicipalityCode" };
}

/// <summary>
/// The partners' directory of contacts (issue 15): work contacts of every organisation, read by every signed-in role that
/// works with the partners, kept by each organisation's own admin (<see cref="DirectoryAccessRule"/>). Lists page in the
/// database; the two panels (the case page, the referral page) read in one query each.
/// </summary>
public interface IPartnerDirectory
{
    /// <summary>The search, ordered by function then name, a page at a time.</summary>
    Task<Result<Page<DirectoryContactRow>>> SearchAsync(DirectorySearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>The admin's own organisation's entries: the stale ones first, then by function and name.</summary>
    Task<Result<Page<DirectoryContactRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default);

    Task<Result> SaveAsync(SaveDirectoryContactCommand command, CancellationToken cancellationToken = default);

    Task<Result> RemoveAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Confirms the entry unchanged: its checked-on date becomes today and the editor the admin.</summary>
    Task<Result> ConfirmAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The case page: the receiving organiser's entries for the client's home municipality (its own and the area-wide ones).</summary>
    Task<Result<IReadOnlyList<DirectoryContactRow>>> ForCaseAsync(string homeMunicipalityCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// The referral page: the other side's entries for the referral's municipality: the receiver sees the sender's (the Kela
    /// district's regional contact), the sender and the partners see the receiving organiser's.
    /// </summary>
    Task<Result<IReadOnlyList<DirectoryContactRow>>> ForReferralAsync(
        Guid senderOrganisationId, Guid receiverOrganisationId, string municipalityCode, CancellationToken cancellationToken = default);
}
