using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>A demo sign-in, printed by <c>make run</c> (deploy/demo-users.txt lists the same).</summary>
public sealed record DemoUser(string Email, string DisplayName, UserRole Role, OrganisationKind Kind, string OrganisationCode)
{
    public Guid OrganisationId => Organisation.IdFor(Kind, OrganisationCode);
}

/// <summary>
/// Demo users, and a couple of demo clients, for local use and the tests. Never run it in production:
/// the demo password is public. Idempotent: only what is missing is added.
/// </summary>
public static class DemoDataSeeder
{
    /// <summary>The one public demo password (documented in README.md).</summary>
    public const string DemoPassword = "Demo-salasana-2026";

    public static readonly DemoUser HandlerSouth = new("kasittelija.etela@demo.test", "Eeva Etelä", UserRole.KelaHandler, OrganisationKind.KelaDistrict, "etelainen");
    public static readonly DemoUser HandlerNorth = new("kasittelija.pohjoinen@demo.test", "Pekka Pohjola", UserRole.KelaHandler, OrganisationKind.KelaDistrict, "pohjoinen");
    public static readonly DemoUser WorkerHelsinki = new("sosiaalityo.helsinki@demo.test", "Sari Sosiaali", UserRole.SocialWorker, OrganisationKind.SocialServicesOrganiser, "90");
    public static readonly DemoUser WorkerNorthOstrobothnia = new("sosiaalityo.pohjois-pohjanmaa@demo.test", "Olli Oulu", UserRole.SocialWorker, OrganisationKind.SocialServicesOrganiser, "19");
    public static readonly DemoUser Coordinator = new("koordinaattori@demo.test", "Kaisa Koordinaattori", UserRole.Coordinator, OrganisationKind.NationalCoordination, Organisation.NationalCoordinationCode);
    public static readonly DemoUser AdminHelsinki = new("paakayttaja.helsinki@demo.test", "Pauli Pääkäyttäjä", UserRole.OrganisationAdmin, OrganisationKind.SocialServicesOrganiser, "90");

    public static IReadOnlyList<DemoUser> Users { get; } =
        [HandlerSouth, HandlerNorth, WorkerHelsinki, WorkerNorthOstrobothnia, Coordinator, AdminHelsinki];

    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var demo in Users)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                OrganisationId = demo.OrganisationId,
                Role = demo.Role,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    "Could not create demo user: " + string.Join(", ", created.Errors.Select(e => e.Code)));
            }
        }

        await SeedClientsAsync(services, clock, cancellationToken);
    }

    /// <summary>Two fictitious clients of the southern district, one already referred to Helsinki.</summary>
    private static async Task SeedClientsAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        var handlerUser = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(HandlerSouth.Email);
        var handler = new FixedUser(handlerUser!.Id, HandlerSouth.OrganisationId, HandlerSouth.Kind, HandlerSouth.Role, HandlerSouth.DisplayName);
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var db = new AppDbContext(options, handler);
        if (await db.Cases.AnyAsync(cancellationToken))
        {
            return;
        }

        var district = await db.Organisations.SingleAsync(o => o.Id == handler.OrganisationId, cancellationToken);
        var helsinki = ReferenceCatalog.Instance.FindMunicipality("091")!;
        var actor = new Actor(handler.UserId, handler.OrganisationId, handler.DisplayName);
        var now = clock.GetUtcNow();

        // Fictitious people; the codes are valid but made up (individual numbers 900+ are temporary codes).
        var first = ClientCase.Open(actor, district, "Maija Meikäläinen", PersonalIdentityCode.Parse("010190-900P").Value, helsinki, now.AddDays(-3)).Value;
        var second = ClientCase.Open(actor, district, "Matti Virtanen", PersonalIdentityCode.Parse("150585-922C").Value, helsinki, now.AddDays(-1)).Value;
        db.Cases.AddRange(first, second);

        var referral = Referral.Send(first, ReferralGround.ObviousNeedForSocialCare, consentGiven: true,
            "Asiakas kertoo, ettei selviä arjesta ilman tukea.", actor, now.AddDays(-2)).Value;
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
    }
}
