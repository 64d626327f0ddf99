using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>
/// Writes the shipped reference data (regions, Kela districts, municipalities) and the tenant organisations
/// (5 Kela districts, 38 social services organisers, national coordination, and the partners social services forwards
/// to: the health care of each organiser's area and the outreach youth work of each municipality) into the database.
/// Idempotent: adds what is missing and updates names, so it runs at every start. Every municipality, Åland's 16
/// included (they organise social assistance themselves, and their admins assess their own), gets an operating
/// environment, not assessed and without facts; an existing one keeps what its organiser set (only the organiser
/// code follows the catalog).
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var catalog = ReferenceCatalog.Instance;

        await UpsertAsync(db.Regions, catalog.Regions, r => r.Code, cancellationToken);
        await UpsertAsync(db.KelaDistricts, catalog.KelaDistricts, d => d.Code, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await UpsertAsync(db.Municipalities, catalog.Municipalities, m => m.Code, cancellationToken);

        var organisations = catalog.KelaDistricts
            .Select(d => Organisation.Create(OrganisationKind.KelaDistrict, d.Code, d.NameFi, d.NameSv, d.NameEn))
            .Concat(catalog.Organisers.Select(o => Organisation.Create(OrganisationKind.SocialServicesOrganiser, o.Code, o.NameFi, o.NameSv, o.NameEn)))
            .Append(Organisation.Create(
                OrganisationKind.NationalCoordination, Organisation.NationalCoordinationCode,
                "Valtakunnallinen koordinaatio", "Nationell koordinering", "National coordination"))
            .Concat(catalog.Organisers.Select(o => Organisation.Create(
                OrganisationKind.HealthCare, o.Code, $"Terveydenhuolto, {o.NameFi}", $"Hälso- och sjukvård, {o.NameSv}", $"Health care, {o.NameEn}")))
            .Concat(catalog.Municipalities.Select(m => Organisation.Create(
                OrganisationKind.OutreachYouthWork, m.Code, $"Etsivä nuorisotyö, {m.NameFi}", $"Uppsökande ungdomsarbete, {m.NameSv}", $"Outreach youth work, {m.NameFi}")));

        var existing = await db.Organisations.ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var organisation in organisations)
        {
            if (existing.TryGetValue(organisation.Id, out var stored))
            {
                stored.Rename(organisation.NameFi, organisation.NameSv, organisation.NameEn);
            }
            else
            {
                db.Organisations.Add(organisation);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedOperatingEnvironmentsAsync(db, catalog, cancellationToken);
    }

    /// <summary>Adds the missing municipalities as not assessed; never touches an organiser's type, facts or checked-on.</summary>
    private static async Task SeedOperatingEnvironmentsAsync(AppDbContext db, ReferenceCatalog catalog, CancellationToken cancellationToken)
    {
        var existing = await db.OperatingEnvironments.ToDictionaryAsync(e => e.MunicipalityCode, cancellationToken);
        foreach (var municipality in catalog.Municipalities)
        {
            if (!existing.TryGetValue(municipality.Code, out var stored))
            {
                db.OperatingEnvironments.Add(OperatingEnvironment.NotAssessed(municipality.Code, municipality.OrganiserCode));
            }
            else if (stored.OrganiserCode != municipality.OrganiserCode)
            {
                stored.MoveToOrganiser(municipality.OrganiserCode);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reference rows are immutable records: a changed row is replaced.</summary>
    private static async Task UpsertAsync<T>(DbSet<T> set, IEnumerable<T> wanted, Func<T, string> key, CancellationToken cancellationToken)
        where T : class
    {
        var existing = (await set.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(key);
        foreach (var row in wanted)
        {
            if (!existing.TryGetValue(key(row), out var stored))
            {
                set.Add(row);
            }
            else if (!stored.Equals(row))
            {
                set.Update(row);
            }
        }
    }
}
