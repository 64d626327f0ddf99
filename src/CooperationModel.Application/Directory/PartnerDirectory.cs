using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Application.Directory;

public sealed class PartnerDirectory(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    TimeProvider time,
    IOptions<DirectoryOptions> options,
    IValidator<SaveDirectoryContactCommand> saveValidator,
    IValidator<DirectorySearchQuery> searchValidator) : IPartnerDirectory
{
    /// <summary>A panel shows at most this many entries (an organisation lists a handful per municipality).</summary>
    public const int PanelMaxEntries = 50;

    private DateOnly FreshFrom => CheckedOn.FreshFrom(time.Today(), options.Value.StaleAfterMonths);

    private DirectoryAccess Own => DirectoryAccessRule.ForOwn(user.Role, user.OrganisationId);

    public async Task<Result<Page<DirectoryContactRow>>> SearchAsync(DirectorySearchQuery query, CancellationToken cancellationToken = default)
    {
        if (!Own.Reads())
        {
            return CommonErrors.WrongRole;
        }

        var valid = await searchValidator.CheckAsync(query, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<Page<DirectoryContactRow>>.Failure(valid.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var contacts = db.DirectoryContacts.AsNoTracking();
        if (query.MunicipalityCode is { } code)
        {
            // An entry for an organisation's whole area counts for each municipality of the area.
            var covering = DirectoryFunctions.OrganisationsCovering(ReferenceCatalog.Instance.FindMunicipality(code)!).ToArray();
            contacts = contacts.Where(c => c.MunicipalityCode == code || (c.MunicipalityCode == null && covering.Contains(c.OrganisationId)));
        }

        if (query.Function is { } function)
        {
            contacts = contacts.Where(c => c.Function == function);
        }

        if (query.Language is { } language)
        {
            contacts = language == ServiceLanguage.Bilingual
                ? contacts.Where(c => c.Language == ServiceLanguage.Bilingual)
                : contacts.Where(c => c.Language == language || c.Language == ServiceLanguage.Bilingual);
        }

        var total = await contacts.CountAsync(cancellationToken);
        var rows = await Project(db, contacts.OrderBy(c => c.Function).ThenBy(c => c.Name).ThenBy(c => c.Id).Skip(query.Page.Skip).Take(query.Page.Take))
            .ToListAsync(cancellationToken);
        return new Page<DirectoryContactRow>(Marked(rows), total);
    }

    public async Task<Result<Page<DirectoryContactRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!Own.Changes())
        {
            return CommonErrors.WrongRole;
        }

        if (ListRules.CheckPage(page) is { IsSuccess: false } invalid)
        {
            return Result<Page<DirectoryContactRow>>.Failure(invalid.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var mine = db.DirectoryContacts.AsNoTracking().Where(c => c.OrganisationId == user.OrganisationId);
        var total = await mine.CountAsync(cancellationToken);
        var stale = CheckedOn.StaleBefore<DirectoryContact>(c => c.CheckedOnDate, FreshFrom);
        var rows = await Project(db, mine.OrderByDescending(stale).ThenBy(c => c.Function).ThenBy(c => c.Name).ThenBy(c => c.Id).Skip(page.Skip).Take(page.Take))
            .ToListAsync(cancellationToken);
        return new Page<DirectoryContactRow>(Marked(rows), total);
    }

    public async Task<Result> SaveAsync(SaveDirectoryContactCommand command, CancellationToken cancellationToken = default)
    {
        if (!Own.Changes())
        {
            return CommonErrors.WrongRole;
        }

        var valid = await saveValidator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var owner = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId, cancellationToken);
        if (command.Id is not { } id)
        {
            var added = DirectoryContact.Add(owner, command.ToInput(), user.ToActor(), time.Today(), time.GetUtcNow());
            if (!added.TryGetValue(out var contact))
            {
                return Result.Failure(added.Errors);
            }

            db.DirectoryContacts.Add(contact);
            return await db.SaveOrConflictAsync(cancellationToken);
        }

        var existing = await db.DirectoryContacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (Refused(existing) is { } refused)
        {
            return refused;
        }

        var changed = existing!.Change(owner, command.ToInput(), user.ToActor(), time.Today());
        return changed.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : changed;
    }

    public Task<Result> RemoveAsync(Guid id, CancellationToken cancellationToken = default) =>
        WorkAsync(id, (db, contact) => db.DirectoryContacts.Remove(contact), cancellationToken);

    public Task<Result> ConfirmAsync(Guid id, CancellationToken cancellationToken = default) =>
        WorkAsync(id, (_, contact) => contact.ConfirmUnchanged(user.ToActor(), time.Today()), cancellationToken);

    public Task<Result<IReadOnlyList<DirectoryContactRow>>> ForCaseAsync(string homeMunicipalityCode, CancellationToken cancellationToken = default)
    {
        var catalog = ReferenceCatalog.Instance;
        return catalog.FindMunicipality(homeMunicipalityCode) is not { } municipality
            ? Task.FromResult<Result<IReadOnlyList<DirectoryContactRow>>>(DirectoryErrors.UnknownMunicipality)
            : PanelAsync(Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, catalog.ReceivingOrganiserFor(municipality).Code), municipality.Code, cancellationToken);
    }

    public Task<Result<IReadOnlyList<DirectoryContactRow>>> ForReferralAsync(
        Guid senderOrganisationId, Guid receiverOrganisationId, string municipalityCode, CancellationToken cancellationToken = default) =>
        PanelAsync(user.OrganisationId == receiverOrganisationId ? senderOrganisationId : receiverOrganisationId, municipalityCode, cancellationToken);

    /// <summary>One organisation's entries for one municipality, its own and the area-wide ones: one query.</summary>
    private async Task<Result<IReadOnlyList<DirectoryContactRow>>> PanelAsync(Guid organisationId, string municipalityCode, CancellationToken cancellationToken)
    {
        if (!Own.Reads())
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var contacts = db.DirectoryContacts.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && (c.MunicipalityCode == municipalityCode || c.MunicipalityCode == null))
            .OrderBy(c => c.Function).ThenBy(c => c.MunicipalityCode == null).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Take(PanelMaxEntries);
        var rows = await Project(db, contacts).ToListAsync(cancellationToken);
        return Marked(rows);
    }

    private async Task<Result> WorkAsync(Guid id, Action<IAppDbContext, DirectoryContact> work, CancellationToken cancellationToken)
    {
        if (!Own.Changes())
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var contact = await db.DirectoryContacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (Refused(contact) is { } refused)
        {
            return refused;
        }

        work(db, contact!);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>No such entry: not found; another organisation's: not yours (everyone reads it, only its admin changes it).</summary>
    private Error? Refused(DirectoryContact? contact) =>
        contact is null ? DirectoryContactRules.Errors.NotFound
        : !DirectoryAccessRule.For(user.Role, user.OrganisationId, contact.OrganisationId).Changes() ? DirectoryErrors.NotYours
        : null;

    private List<DirectoryContactRow> Marked(List<DirectoryContactRow> rows)
    {
        var today = time.Today();
        var months = options.Value.StaleAfterMonths;
        return [.. rows.Select(r => r with
        {
            IsStale = CheckedOn.IsStale(r.CheckedOn, today, months),
            Access = DirectoryAccessRule.For(user.Role, user.OrganisationId, r.OrganisationId),
        })];
    }

    private static IQueryable<DirectoryContactRow> Project(IAppDbContext db, IQueryable<DirectoryContact> contacts) =>
        from c in contacts
        join o in db.Organisations on c.OrganisationId equals o.Id
        select new DirectoryContactRow(
            c.Id, c.OrganisationId, o.NameFi, o.NameSv, o.NameEn, c.Function, c.MunicipalityCode, c.Name, c.Language, c.Phone, c.PhoneHours,
            c.SecureEmail, c.VideoMeetingUrl, c.EmergencyHours, c.PaymentCommitmentPlace, c.CheckedOnDate, c.CheckedBy);
}
