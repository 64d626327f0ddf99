using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Common;
using FluentValidation;

namespace CooperationModel.Application.Agreements;

/// <summary>The list's filters; a null filter does not filter.</summary>
public sealed record AgreementFilter(AgreementState? State = null, AgreementSubject? Subject = null);

public sealed record AgreementRow(
    Guid Id, AgreementSubject Subject, string Title, OrganisationName KelaDistrict, OrganisationName Organiser,
    DateOnly ValidFrom, DateOnly? ValidUntil, AgreementState State);

public sealed record AgreementDetails(
    AgreementRow Agreement, AgreementDraft Content, DateTimeOffset RecordedAt, string RecordedByName,
    DateTimeOffset ChangedAt, string ChangedByName, DateTimeOffset? EndedEarlyAt)
{
    /// <summary>What the current user may do with it (<see cref="AgreementAccessRule"/>): the page renders only that.</summary>
    public AgreementAccess Access { get; init; }
}

/// <summary>
/// Records a new agreement (no <paramref name="AgreementId"/>: with <paramref name="PartnerOrganisationId"/>, the other
/// party) or changes one (its id; the parties stay). One command for both, so the form and its validator are one.
/// </summary>
public sealed record SaveAgreementCommand(Guid? AgreementId, Guid? PartnerOrganisationId, AgreementDraft Draft);

/// <summary>Ends an agreement early: <paramref name="LastDay"/> is its new last day in force.</summary>
public sealed record EndAgreementCommand(Guid AgreementId, DateOnly? LastDay);

public sealed class SaveAgreementValidator : AbstractValidator<SaveAgreementCommand>
{
    public SaveAgreementValidator()
    {
        RuleFor(c => c.PartnerOrganisationId)
            .Must((command, partner) => command.AgreementId is not null || partner is { } id && id != Guid.Empty)
            .WithMessage(LocalAgreement.Errors.PartnerRequired.Code)
            .OverridePropertyName(LocalAgreement.Errors.PartnerRequired.Field!);
        RuleFor(c => c.Draft).MustPassWithOwnFields(draft => draft.Check());
    }
}

/// <summary>
/// The local agreements between Kela districts and social services organisers: the list of the user's organisation's
/// agreements (a coordinator's: all), filtered and paged in the database; one agreement; recording, changing and ending
/// one early (an admin of a party); the other parties the user's organisation may agree with; and the count of its
/// agreements ending soon, for the admins' home page. Who may do what is <see cref="AgreementAccessRule"/>; to anyone
/// it does not let read an agreement, the agreement is not found.
/// </summary>
public interface ILocalAgreements
{
    /// <summary>The window of the ending-soon flag, in days (setting <c>Agreements:EndingSoonDays</c>).</summary>
    int EndingSoonDays { get; }

    Task<Result<Page<AgreementRow>>> ListAsync(AgreementFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<AgreementDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Records or changes an agreement; the answer is its id.</summary>
    Task<Result<Guid>> SaveAsync(SaveAgreementCommand command, CancellationToken cancellationToken = default);

    Task<Result> EndAsync(EndAgreementCommand command, CancellationToken cancellationToken = default);

    /// <summary>The organisations the user may record an agreement with (none unless the user records agreements), by name.</summary>
    Task<IReadOnlyList<OrganisationName>> PartnersAsync(CancellationToken cancellationToken = default);

    /// <summary>How many of the user's organisation's agreements end soon; null for a user who is not flagged (not a party's admin).</summary>
    Task<int?> EndingSoonCountAsync(CancellationToken cancellationToken = default);
}
