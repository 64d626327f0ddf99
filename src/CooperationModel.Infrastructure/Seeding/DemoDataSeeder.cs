using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>A demo sign-in, printed by <c>make run</c> (deploy/demo-users.txt lists the same).</summary>
public sealed record DemoUser(string Email, string DisplayName, UserRole Role, OrganisationKind Kind, string OrganisationCode, string? Phone = null)
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
    public static readonly DemoUser WorkerHelsinki = new("sosiaalityo.helsinki@demo.test", "Sari Sosiaali", UserRole.SocialWorker, OrganisationKind.SocialServicesOrganiser, "90", "09 310 00000");
    public static readonly DemoUser WorkerNorthOstrobothnia = new("sosiaalityo.pohjois-pohjanmaa@demo.test", "Olli Oulu", UserRole.SocialWorker, OrganisationKind.SocialServicesOrganiser, "19");
    public static readonly DemoUser Coordinator = new("koordinaattori@demo.test", "Kaisa Koordinaattori", UserRole.Coordinator, OrganisationKind.NationalCoordination, Organisation.NationalCoordinationCode);
    public static readonly DemoUser AdminHelsinki = new("paakayttaja.helsinki@demo.test", "Pauli Pääkäyttäjä", UserRole.OrganisationAdmin, OrganisationKind.SocialServicesOrganiser, "90");
    public static readonly DemoUser AdminSouth = new("paakayttaja.etela@demo.test", "Elina Eteläinen", UserRole.OrganisationAdmin, OrganisationKind.KelaDistrict, "etelainen");
    public static readonly DemoUser HealthCareHelsinki = new("terveys.helsinki@demo.test", "Terhi Terveys", UserRole.HealthCareProfessional, OrganisationKind.HealthCare, "90", "09 310 00001");
    public static readonly DemoUser YouthWorkHelsinki = new("nuoriso.helsinki@demo.test", "Niko Nuoriso", UserRole.OutreachYouthWorker, OrganisationKind.OutreachYouthWork, "091");

    public static IReadOnlyList<DemoUser> Users { get; } =
        [HandlerSouth, HandlerNorth, WorkerHelsinki, WorkerNorthOstrobothnia, Coordinator, AdminHelsinki, AdminSouth, HealthCareHelsinki, YouthWorkHelsinki];

    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var demo in Users)
        {
            if (!demo.Role.FitsIn(demo.Kind))
            {
                throw new InvalidOperationException($"Demo user {demo.Email} has a role that does not belong in a {demo.Kind}.");
            }

            if (await users.FindByEmailAsync(demo.Email) is { } existing)
            {
                // Demo users seeded before they had a phone number get it.
                if (existing.PhoneNumber is null && demo.Phone is not null)
                {
                    await users.SetPhoneNumberAsync(existing, demo.Phone);
                }

                continue;
            }

            var user = new AppUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                PhoneNumber = demo.Phone,
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
        await DirectoryDemoData.SeedAsync(services, clock, cancellationToken);
        await DemoAgreements.SeedAsync(services, clock, cancellationToken);
        await MeetingDemoData.SeedAsync(services, clock, cancellationToken);
    }

    /// <summary>Demo data must follow the same rules as real data; a step the domain refuses is a bug here.</summary>
    private static void Must(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo data broke a rule: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    /// <summary>
    /// A context that acts as one demo user, as the app does for them signed in: demo data goes through the same rules,
    /// the tenant guard included. The caller disposes the context.
    /// </summary>
    internal static async Task<(AppDbContext Db, FixedUser User)> ActingAsAsync(IServiceProvider services, DemoUser demo)
    {
        var account = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(demo.Email);
        var user = new FixedUser(account!.Id, demo.OrganisationId, demo.Kind, demo.Role, demo.DisplayName);
        var db = new AppDbContext(
            services.GetRequiredService<DbContextOptions<AppDbContext>>(), user, services.GetRequiredService<PersonalDataProtector>());
        return (db, user);
    }

    /// <summary>
    /// Fictitious clients of the southern district, so that every list of the workspace has something in it:
    /// a client in guidance already referred to Helsinki, one whose decision is overdue in the normal queue,
    /// an urgent application waiting in the urgent queue, and a survey whose concern screen suggests a referral.
    /// </summary>
    private static async Task SeedClientsAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (context, handler) = await ActingAsAsync(services, HandlerSouth);
        await using var db = context;
        await DemoOperatingEnvironments.SeedAsync(db, clock, cancellationToken);
        if (await db.Cases.AnyAsync(cancellationToken))
        {
            return;
        }

        var district = await db.Organisations.SingleAsync(o => o.Id == handler.OrganisationId, cancellationToken);
        var catalog = ReferenceCatalog.Instance;
        var actor = new Actor(handler.UserId, handler.OrganisationId, handler.DisplayName);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        ClientCase Open(string name, string identityCode, string municipality, int daysAgo) =>
            ClientCase.Open(actor, district, name, PersonalIdentityCode.Parse(identityCode).Value, catalog.FindMunicipality(municipality)!, now.AddDays(-daysAgo)).Value;

        // Fictitious people; the codes are valid but made up (individual numbers 900+ are temporary codes).
        var referred = Open("Maija Meikäläinen", "010190-900P", "091", daysAgo: 3);
        var referral = Referral.Send(
            services.GetRequiredService<ReferralRouting>(),
            referred,
            new ReferralContent(
                ReferralGround.ObviousNeedForSocialCare,
                ConsentRecord.GivenIn(ConsentMethod.InPerson, today.AddDays(-2)),
                "Asiakas kertoo, ettei selviä arjesta ilman tukea."),
            actor, today.AddDays(-2), now.AddDays(-2), ReferralDeadlinePolicy.Default).Value;
        referred.NoteReferralSent(actor, referral.Ground, now.AddDays(-2));

        var overdue = Open("Matti Virtanen", "150585-922C", "091", daysAgo: 20);
        Must(overdue.RecordApplication(actor, new ApplicationDetails(ApplicationChannel.OnlineAtHome, today.AddDays(-20), today.AddDays(-18), UrgentRequested: false), today, now.AddDays(-18)));
        Must(overdue.SendToProcessing(actor, now.AddDays(-18)));

        var urgent = Open("Liisa Laine", "120388-9030", "049", daysAgo: 0);
        Must(urgent.RecordGuidance(actor, GuidanceChannel.KelaWebOrPhone, hasDevices: false, hasSkills: true, now));
        Must(urgent.RecordApplication(actor, new ApplicationDetails(ApplicationChannel.OralByPhone, today, today, UrgentRequested: true), today, now));
        Must(urgent.SendToProcessing(actor, now));

        var surveyed = Open("Aino Aalto", "030701A9040", "092", daysAgo: 1);
        Must(surveyed.RecordGuidance(actor, GuidanceChannel.ServicePoint, hasDevices: false, hasSkills: false, now.AddDays(-1)));
        Must(surveyed.RecordSurvey(actor, new LifeSituationSurvey
        {
            SurveyedOn = today.AddDays(-1),
            Income = new IncomeAnswers { Control = IncomeControl.SeriousDifficulties, Unemployed = true, MonthsOnAssistance = 6 },
            Housing = new HousingAnswers { Situation = HousingSituation.Stable, RentArrears = true, EvictionThreat = true },
            LifeEvents = [LifeEvent.Unemployment, LifeEvent.Divorce],
        }, today, now.AddDays(-1)));

        db.Cases.AddRange(referred, overdue, urgent, surveyed);
        db.Referrals.Add(referral);
        // As for any sent referral, Helsinki's inbox is told (the use case does the same).
        db.Notifications.AddRange(ReferralNotifications.OfSteps(referral, referral.Events));
        await db.SaveChangesAsync(cancellationToken);
    }
}
