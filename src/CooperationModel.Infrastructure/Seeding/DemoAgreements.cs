using CooperationModel.Application.Common;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>
/// Demo local agreements between the southern Kela district and the City of Helsinki, recorded by the district's admin:
/// one in force, one ending within the ending-soon window (so both admins' home pages flag it), one upcoming.
/// Added once, when the demo database has no agreement yet; the dates follow the day of seeding.
/// </summary>
public static class DemoAgreements
{
    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        var admin = DemoDataSeeder.AdminSouth;
        var (context, user) = await DemoDataSeeder.ActingAsAsync(services, admin);
        await using var db = context;
        if (await db.LocalAgreements.AnyAsync(cancellationToken))
        {
            return;
        }

        var district = await db.Organisations.SingleAsync(o => o.Id == admin.OrganisationId, cancellationToken);
        var helsinki = await db.Organisations.SingleAsync(o => o.Id == DemoDataSeeder.WorkerHelsinki.OrganisationId, cancellationToken);
        var actor = new Actor(user.UserId, user.OrganisationId, user.DisplayName);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        LocalAgreement Record(AgreementSubject subject, string title, string text, DateOnly from, DateOnly? until) =>
            LocalAgreement.Record(district, helsinki, new AgreementDraft(
                subject, title, text, from, until,
                "Elina Eteläinen", "020 634 0000", "elina.etelainen@kela.demo.test",
                "Pauli Pääkäyttäjä", "09 310 00002", "pauli.paakayttaja@hel.demo.test"), actor, now).Value;

        db.LocalAgreements.AddRange(
            Record(AgreementSubject.UrgentAssistance, "Kiireellinen apu Helsingissä",
                "Kela ilmoittaa kiireellisestä avuntarpeesta sosiaalipäivystykseen puhelimitse samana arkipäivänä. "
                + "Sosiaalipäivystys kuittaa ilmoituksen ja kertoo Kelan yhteyshenkilölle, kuka asiaa hoitaa.",
                today.AddMonths(-6), null),
            Record(AgreementSubject.PaymentCommitments, "Maksusitoumukset tilapäismajoitukseen",
                "Helsinki antaa maksusitoumuksen tilapäismajoitukseen ja ilmoittaa siitä Kelalle viestillä. "
                + "Sopimus uusitaan vuosittain.",
                today.AddYears(-1), today.AddDays(30)),
            Record(AgreementSubject.JointServiceNeedAssessment, "Yhteinen palvelutarpeen arviointi nuorille",
                "Alle 25-vuotiaiden asiakkaiden palvelutarve arvioidaan yhdessä: Kela varaa ajan, sosiaalityö osallistuu.",
                today.AddDays(14), today.AddYears(2)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
