using System.Globalization;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Application.Agreements;

public sealed class LocalAgreements(
    IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider time, IOptions<AgreementsOptions> options, IValidator<SaveAgreementCommand> validator)
    : ILocalAgreements
{
    private static readonly StringComparer Finnish = StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), ignoreCase: true);

    public int EndingSoonDays => options.Value.EndingSoonDays;

    public async Task<Result<Page<AgreementRow>>> ListAsync(AgreementFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.Role is null)
        {
            return CommonErrors.WrongRole;
        }

        var today = time.Today();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var query = Readable(db);
        if (filter.State is { } state)
        {
            query = query.Where(InState(state, today));
        }

        if (filter.Subject is { } subject)
        {
            query = query.Where(a => a.Subject == subject);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(db, query.OrderByDescending(a => a.ValidFrom).ThenBy(a => a.Id).Skip(page.Skip).Take(page.Take))
            .ToListAsync(cancellationToken);
        return new Page<AgreementRow>([.. rows.Select(r => r.Row(today, EndingSoonDays))], total);
    }

    public async Task<Result<AgreementDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var agreement = await db.LocalAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var access = agreement?.AccessFor(user.Role, user.OrganisationId) ?? AgreementAccess.None;
        if (agreement is null || !access.Reads())
        {
            return LocalAgreement.Errors.NotFound;
        }

        var row = await Project(db, db.LocalAgreements.AsNoTracking().Where(a => a.Id == id)).SingleAsync(cancellationToken);
        var content = new AgreementDraft(
            agreement.Subject, agreement.Title, agreement.Text, agreement.ValidFrom, agreement.ValidUntil,
            agreement.KelaContactName, agreement.KelaContactPhone, agreement.KelaContactEmail,
            agreement.OrganiserContactName, agreement.OrganiserContactPhone, agreement.OrganiserContactEmail);
        return new AgreementDetails(
            row.Row(time.Today(), EndingSoonDays), content, agreement.RecordedAt, agreement.RecordedByName,
            agreement.ChangedAt, agreement.ChangedByName, agreement.EndedEarlyAt)
        {
            Access = access,
        };
    }

    public async Task<Result<Guid>> SaveAsync(SaveAgreementCommand command, CancellationToken cancellationToken = default)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<Guid>.Failure(valid.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        if (command.AgreementId is { } id)
        {
            var agreement = await db.LocalAgreements.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            var access = agreement?.AccessFor(user.Role, user.OrganisationId) ?? AgreementAccess.None;
            if (agreement is null || !access.Reads())
            {
                return LocalAgreement.Errors.NotFound;
            }

            var changed = agreement.Change(access, command.Draft, user.ToActor(), time.GetUtcNow());
            if (!changed.IsSuccess)
            {
                return Result<Guid>.Failure(changed.Errors);
            }

            var saved = await db.SaveOrConflictAsync(cancellationToken);
            return saved.IsSuccess ? id : Result<Guid>.Failure(saved.Errors);
        }

        if (!AgreementAccessRule.Records(user.Role, user.OrganisationKind))
        {
            return CommonErrors.WrongRole;
        }

        var ids = new[] { user.OrganisationId, command.PartnerOrganisationId!.Value };
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        var own = organisations.SingleOrDefault(o => o.Id == user.OrganisationId);
        var partner = organisations.SingleOrDefault(o => o.Id == command.PartnerOrganisationId);
        if (own is null)
        {
            return CommonErrors.WrongRole;
        }

        if (partner is null)
        {
            return LocalAgreement.Errors.PartiesDoNotMeet;
        }

        var recorded = LocalAgreement.Record(own, partner, command.Draft, user.ToActor(), time.GetUtcNow());
        if (!recorded.TryGetValue(out var created))
        {
            return Result<Guid>.Failure(recorded.Errors);
        }

        db.LocalAgreements.Add(created);
        var added = await db.SaveOrConflictAsync(cancellationToken);
        return added.IsSuccess ? created.Id : Result<Guid>.Failure(added.Errors);
    }

    public async Task<Result> EndAsync(EndAgreementCommand command, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var agreement = await db.LocalAgreements.SingleOrDefaultAsync(a => a.Id == command.AgreementId, cancellationToken);
        var access = agreement?.AccessFor(user.Role, user.OrganisationId) ?? AgreementAccess.None;
        if (agreement is null || !access.Reads())
        {
            return LocalAgreement.Errors.NotFound;
        }

        var ended = agreement.End(access, command.LastDay, time.Today(), user.ToActor(), time.GetUtcNow());
        return ended.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : ended;
    }

    public async Task<IReadOnlyList<OrganisationName>> PartnersAsync(CancellationToken cancellationToken = default)
    {
        if (!AgreementAccessRule.Records(user.Role, user.OrganisationKind) || AgreementParties.OtherKind(user.OrganisationKind) is not { } kind)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var ownCode = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Code).SingleOrDefaultAsync(cancellationToken);
        if (ownCode is null)
        {
            return [];
        }

        var candidates = await db.Organisations.AsNoTracking().Where(o => o.Kind == kind)
            .Select(o => new { Name = new OrganisationName(o.Id, o.Kind, o.NameFi, o.NameSv, o.NameEn), o.Code })
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(c => kind == OrganisationKind.SocialServicesOrganiser ? AgreementParties.Meet(ownCode, c.Code) : AgreementParties.Meet(c.Code, ownCode))
            .Select(c => c.Name)
            .OrderBy(n => n.NameFi, Finnish)];
    }

    public async Task<int?> EndingSoonCountAsync(CancellationToken cancellationToken = default)
    {
        if (!AgreementAccessRule.IsFlaggedTo(user.Role, user.OrganisationKind))
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await Readable(db).Where(InState(AgreementState.EndingSoon, time.Today())).CountAsync(cancellationToken);
    }

    /// <summary>
    /// The agreements the user reads in a list: a coordinator all of them; anyone else those that bind their organisation
    /// (none without one). The same answer as <see cref="AgreementAccessRule"/>, as a filter each party's index serves.
    /// </summary>
    private IQueryable<LocalAgreement> Readable(IAppDbContext db)
    {
        var all = db.LocalAgreements.AsNoTracking();
        if (user.Role == UserRole.Coordinator)
        {
            return all;
        }

        var organisationId = user.OrganisationId;
        return organisationId == Guid.Empty || user.Role is null
            ? all.Where(a => false)
            : all.Where(a => a.KelaDistrictOrganisationId == organisationId || a.OrganiserOrganisationId == organisationId);
    }

    private System.Linq.Expressions.Expression<Func<LocalAgreement, bool>> InState(AgreementState state, DateOnly today) =>
        AgreementValidity.In<LocalAgreement>(state, a => a.ValidFrom, a => a.ValidUntil, today, EndingSoonDays);

    /// <summary>The rows with both parties' names, in one query (a join each).</summary>
    private static IQueryable<Projected> Project(IAppDbContext db, IQueryable<LocalAgreement> query) =>
        from a in query
        join k in db.Organisations on a.KelaDistrictOrganisationId equals k.Id
        join s in db.Organisations on a.OrganiserOrganisationId equals s.Id
        select new Projected(
            a.Id, a.Subject, a.Title,
            new OrganisationName(k.Id, k.Kind, k.NameFi, k.NameSv, k.NameEn),
            new OrganisationName(s.Id, s.Kind, s.NameFi, s.NameSv, s.NameEn),
            a.ValidFrom, a.ValidUntil);

    private sealed record Projected(
        Guid Id, AgreementSubject Subject, string Title, OrganisationName KelaDistrict, OrganisationName Organiser, DateOnly ValidFrom, DateOnly? ValidUntil)
    {
        public AgreementRow Row(DateOnly today, int endingSoonDays) =>
            new(Id, Subject, Title, KelaDistrict, Organiser, ValidFrom, ValidUntil, AgreementValidity.StateOn(ValidFrom, ValidUntil, today, endingSoonDays));
    }
}
