using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Agreements;

/// <summary>
/// A local agreement (paikallinen sopimus / lokalt avtal) between one Kela insurance district and one social services
/// organiser whose areas meet (<see cref="AgreementParties"/>): how the cooperation model is applied between the two on
/// one subject. No tenant and no client data: both parties read it, either party's admin changes it or ends it early,
/// coordinators read every agreement (<see cref="AgreementAccessRule"/>). Every free text is bounded and refused when it
/// holds a valid identity code (<see cref="AgreementDraft.Check"/>). Its validity state is <see cref="AgreementValidity"/>.
/// </summary>
public sealed class LocalAgreement
{
    private LocalAgreement()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The Kela insurance district's organisation.</summary>
    public Guid KelaDistrictOrganisationId { get; private set; }

    /// <summary>The social services organiser's organisation.</summary>
    public Guid OrganiserOrganisationId { get; private set; }

    public AgreementSubject Subject { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>Its first day in force.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Its last day in force; null: open-ended.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public string KelaContactName { get; private set; } = "";

    public string? KelaContactPhone { get; private set; }

    public string? KelaContactEmail { get; private set; }

    public string OrganiserContactName { get; private set; } = "";

    public string? OrganiserContactPhone { get; private set; }

    public string? OrganiserContactEmail { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedByName { get; private set; } = "";

    /// <summary>When an admin ended it before its agreed end (its last day is then <see cref="ValidUntil"/>).</summary>
    public DateTimeOffset? EndedEarlyAt { get; private set; }

    public AgreementAccess AccessFor(UserRole? role, Guid organisationId) =>
        AgreementAccessRule.For(role, organisationId, KelaDistrictOrganisationId, OrganiserOrganisationId);

    public AgreementState StateOn(DateOnly today, int endingSoonDays) => AgreementValidity.StateOn(ValidFrom, ValidUntil, today, endingSoonDays);

    /// <summary>
    /// An admin of <paramref name="own"/> records an agreement with <paramref name="partner"/>: one must be a Kela district,
    /// the other a social services organiser, and their areas must meet.
    /// </summary>
    public static Result<LocalAgreement> Record(Organisation own, Organisation partner, AgreementDraft draft, Actor by, DateTimeOffset at)
    {
        if (own.Id != by.OrganisationId)
        {
            return Errors.NotAParty;
        }

        if (AgreementParties.Of(own, partner) is not { } parties)
        {
            return Errors.PartiesDoNotMeet;
        }

        var checkedDraft = draft.Check();
        if (!checkedDraft.IsSuccess)
        {
            return Result<LocalAgreement>.Failure(checkedDraft.Errors);
        }

        var agreement = new LocalAgreement
        {
            Id = Guid.CreateVersion7(at),
            KelaDistrictOrganisationId = parties.District.Id,
            OrganiserOrganisationId = parties.Organiser.Id,
            RecordedAt = at,
            RecordedByUserId = by.UserId,
            RecordedByName = by.DisplayName,
        };
        agreement.Take(draft, by, at);
        return agreement;
    }

    /// <summary>An admin of either party changes the content and the validity; the parties stay.</summary>
    public Result Change(AgreementAccess access, AgreementDraft draft, Actor by, DateTimeOffset at)
    {
        if (!access.Changes())
        {
            return Errors.NotPartyAdmin;
        }

        var checkedDraft = draft.Check();
        if (!checkedDraft.IsSuccess)
        {
            return checkedDraft;
        }

        Take(draft, by, at);
        EndedEarlyAt = null;
        return Result.Success();
    }

    /// <summary>
    /// An admin of either party ends it before its agreed end: <paramref name="lastDay"/> is its new last day in force,
    /// today or later (the past is not rewritten), not before its first day, and before its present end. An agreement that
    /// has already expired cannot be ended.
    /// </summary>
    public Result End(AgreementAccess access, DateOnly? lastDay, DateOnly today, Actor by, DateTimeOffset at)
    {
        if (!access.Changes())
        {
            return Errors.NotPartyAdmin;
        }

        if (ValidUntil is { } until && until < today)
        {
            return Errors.AlreadyExpired;
        }

        if (lastDay is not { } day)
        {
            return Errors.LastDayRequired;
        }

        if (day < today || day < ValidFrom || (ValidUntil is { } end && day >= end))
        {
            return Errors.LastDayOutOfRange;
        }

        ValidUntil = day;
        EndedEarlyAt = at;
        ChangedAt = at;
        ChangedByName = by.DisplayName;
        return Result.Success();
    }

    private void Take(AgreementDraft draft, Actor by, DateTimeOffset at)
    {
        Subject = draft.Subject!.Value;
        Title = AgreementDraft.Clean(draft.Title)!;
        Text = AgreementDraft.Clean(draft.Text)!;
        ValidFrom = draft.ValidFrom!.Value;
        ValidUntil = draft.ValidUntil;
        KelaContactName = AgreementDraft.Clean(draft.KelaContactName)!;
        KelaContactPhone = AgreementDraft.Clean(draft.KelaContactPhone);
        KelaContactEmail = AgreementDraft.Clean(draft.KelaContactEmail);
        OrganiserContactName = AgreementDraft.Clean(draft.OrganiserContactName)!;
        OrganiserContactPhone = AgreementDraft.Clean(draft.OrganiserContactPhone);
        OrganiserContactEmail = AgreementDraft.Clean(draft.OrganiserContactEmail);
        ChangedAt = at;
        ChangedByName = by.DisplayName;
    }

    public static class Errors
    {
        public static NotFoundError NotFound => new("Agreement.NotFound");

        public static ForbiddenError NotAParty => new("Agreement.NotAParty");

        public static ForbiddenError NotPartyAdmin => new("Agreement.NotPartyAdmin");

        public static ValidationError PartiesDoNotMeet => new("Agreement.PartiesDoNotMeet") { Field = "PartnerOrganisationId" };

        public static ValidationError PartnerRequired => new("Agreement.PartnerRequired") { Field = "PartnerOrganisationId" };

        public static InvalidTransitionError AlreadyExpired => new("Agreement.AlreadyExpired");

        public static ValidationError LastDayRequired => new("Agreement.LastDayRequired") { Field = "LastDay" };

        public static ValidationError LastDayOutOfRange => new("Agreement.LastDayOutOfRange") { Field = "LastDay" };
    }
}
