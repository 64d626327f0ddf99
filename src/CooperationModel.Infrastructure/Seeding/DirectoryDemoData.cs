using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>
/// A few fictitious work contacts of the partners' directory, so that <c>make run</c> shows something: the City of
/// Helsinki's (one of them stale), the southern Kela district's regional contact, and Helsinki's health care. The phone
/// numbers and addresses are made up (the demo users' own domain, demo.test).
/// </summary>
public static class DirectoryDemoData
{
    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, FixedUser.Anonymous, services.GetRequiredService<PersonalDataProtector>());
        if (await db.DirectoryContacts.AnyAsync(cancellationToken))
        {
            return;
        }

        var ids = new[] { DemoDataSeeder.AdminHelsinki.OrganisationId, DemoDataSeeder.HandlerSouth.OrganisationId, DemoDataSeeder.HealthCareHelsinki.OrganisationId };
        var owners = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var admin = new Actor(Guid.Empty, DemoDataSeeder.AdminHelsinki.OrganisationId, DemoDataSeeder.AdminHelsinki.DisplayName);
        void Add(DemoUser owner, DirectoryContactInput input, int monthsAgo = 0)
        {
            if (owners.TryGetValue(owner.OrganisationId, out var organisation))
            {
                var added = DirectoryContact.Add(organisation, input, admin with { OrganisationId = organisation.Id }, today.AddMonths(-monthsAgo), now);
                db.DirectoryContacts.Add(added.IsSuccess
                    ? added.Value
                    : throw new InvalidOperationException("Demo directory entry broke a rule: " + string.Join(", ", added.Errors.Select(e => e.Code))));
            }
        }

        Add(DemoDataSeeder.AdminHelsinki, new(
            DirectoryFunction.AdultSocialWork, null, "Aikuissosiaalityön neuvonta", ServiceLanguage.Bilingual, "09 310 00100", "ma–pe 9–15",
            "aikuissosiaalityo@helsinki.demo.test", "https://meet.helsinki.demo.test/aikuissosiaalityo", null,
            "Kallion sosiaaliasema, Toinen linja 4 A: maksusitoumukset noudettavissa ma–pe 8–16"));
        Add(DemoDataSeeder.AdminHelsinki, new(
            DirectoryFunction.SocialEmergencyService, null, "Sosiaali- ja kriisipäivystys", ServiceLanguage.Bilingual, "09 310 00200", null,
            null, null, "Joka päivä ympäri vuorokauden", null));
        Add(DemoDataSeeder.AdminHelsinki, new(
            DirectoryFunction.Housing, "091", "Asumisneuvonta", ServiceLanguage.Finnish, "09 310 00300", "ma–to 9–12",
            "asumisneuvonta@helsinki.demo.test", null, null, null));
        Add(DemoDataSeeder.AdminHelsinki, new(
            DirectoryFunction.ChildProtection, null, "Lastensuojelun neuvonta", ServiceLanguage.Bilingual, "09 310 00400", "ma–pe 8–16",
            null, null, null, null), monthsAgo: 14);
        Add(DemoDataSeeder.HandlerSouth, new(
            DirectoryFunction.KelaRegionalContact, null, "Kelan alueellinen yhteyshenkilö, Eteläinen vakuutuspiiri", ServiceLanguage.Bilingual,
            "020 600 0100", "ma–pe 9–15", "yhteistyo.etela@kela.demo.test", "https://meet.kela.demo.test/etela", null, null));
        Add(DemoDataSeeder.HealthCareHelsinki, new(
            DirectoryFunction.HealthCare, "091", "Terveysasemien yhteistyöhoitaja", ServiceLanguage.Finnish, "09 310 00500", "ma–pe 8–15",
            "terveysasemat@helsinki.demo.test", null, null, null));
        await db.SaveChangesAsync(cancellationToken);
    }
}
