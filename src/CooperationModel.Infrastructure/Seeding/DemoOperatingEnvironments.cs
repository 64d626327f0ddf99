using CooperationModel.Application.Common;
using CooperationModel.Domain.Directory;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>
/// A few assessed municipalities for the demo (the reference seeding leaves every one not assessed): Helsinki wide, Lahti
/// limited, Myrskylä narrow (checked long ago, so shown as stale), Padasjoki very narrow. Only a municipality still not
/// assessed is set, so what anyone changed in the demo stays.
/// </summary>
internal static class DemoOperatingEnvironments
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        (string Code, OperatingEnvironmentType Type, OperatingEnvironmentFacts Facts, string By, DateOnly On)[] wanted =
        [
            ("091", OperatingEnvironmentType.Wide,
                new(true, "ma–pe 9–16", false, true, SocialOfficeReception.WalkInHours, "ma–to 9–11", SocialEmergencyService.OnSite,
                    "Kelan palvelupisteet Itäkeskuksessa, Malmilla ja keskustassa; kirjastoissa asiakaskoneet."),
                DemoDataSeeder.AdminHelsinki.DisplayName, today.AddDays(-10)),
            ("398", OperatingEnvironmentType.Limited,
                new(true, "ti ja to 9–15", false, true, SocialOfficeReception.ByAppointmentOnly, null, SocialEmergencyService.OnSite, null),
                "Päijät-Hämeen pääkäyttäjä (demo)", today.AddMonths(-2)),
            ("504", OperatingEnvironmentType.Narrow,
                new(false, null, true, true, SocialOfficeReception.ByAppointmentOnly, null, SocialEmergencyService.ByPhone,
                    "Kelan asiointipiste kunnantalolla etäyhteydellä."),
                "Itä-Uudenmaan pääkäyttäjä (demo)", today.AddMonths(-14)),
            ("576", OperatingEnvironmentType.VeryNarrow,
                new(false, null, false, true, SocialOfficeReception.ByAppointmentOnly, null, SocialEmergencyService.ByPhone,
                    "Lähin Kelan palvelupiste Lahdessa; kirjastossa yleisökone."),
                "Päijät-Hämeen pääkäyttäjä (demo)", today.AddMonths(-1)),
        ];
        var codes = wanted.Select(w => w.Code).ToList();
        var stored = await db.OperatingEnvironments.Where(e => codes.Contains(e.MunicipalityCode)).ToDictionaryAsync(e => e.MunicipalityCode, cancellationToken);
        foreach (var (code, type, facts, by, on) in wanted)
        {
            if (stored.TryGetValue(code, out var environment) && !environment.Type.IsAssessed()
                && !environment.Change(type, facts, by, on).IsSuccess)
            {
                throw new InvalidOperationException($"Demo operating environment {code} broke a rule.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
