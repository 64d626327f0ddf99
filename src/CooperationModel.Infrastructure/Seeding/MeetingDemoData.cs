using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>
/// Demo joint meetings of the southern Kela district, Helsinki's social services and the national coordination, recorded
/// by the southern handler through the domain's rules: a joint meeting with one follow-up overdue (Helsinki's) and one
/// open (the district's), a worker council whose follow-up is done, and a Teams ring next week. Idempotent.
/// </summary>
internal static class MeetingDemoData
{
    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        var demo = DemoDataSeeder.HandlerSouth;
        var (context, handler) = await DemoDataSeeder.ActingAsAsync(services, demo);
        await using var db = context;
        if (await db.Meetings.AnyAsync(cancellationToken))
        {
            return;
        }

        var south = demo.OrganisationId;
        var helsinki = DemoDataSeeder.WorkerHelsinki.OrganisationId;
        var coordination = DemoDataSeeder.Coordinator.OrganisationId;
        Guid[] participants = [south, helsinki, coordination];
        var known = (await db.Organisations.AsNoTracking().Where(o => participants.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        var actor = ((ICurrentUser)handler).ToActor();
        var now = clock.GetUtcNow();
        var today = clock.Today();
        JointMeeting Record(int daysAgo, int hour, MeetingType type, Guid[] who, string title, string agenda, string minutes, string decisions)
        {
            var day = FinnishTime.StartOf(today.AddDays(-daysAgo)).AddHours(hour);
            var recorded = JointMeeting.Record(new MeetingContent(day, type, who, title, agenda, minutes, decisions), known, UserRole.KelaHandler, actor, now);
            Must(recorded);
            db.Meetings.Add(recorded.Value);
            return recorded.Value;
        }

        var joint = Record(21, 13, MeetingType.JointMeeting, participants, "Eteläisen vakuutuspiirin ja Helsingin yhteistapaaminen",
            "1. Ohjauksen käytännöt\n2. Huoli-ilmoitusten palautteet\n3. Seuraava tapaaminen",
            "Käytiin läpi syksyn huoli-ilmoitukset: palaute tulee pääosin määräajassa. Kelan etuuskäsittelijät toivovat yhteystiedot kiireellisiin tilanteisiin.",
            "Helsinki päivittää kiireellisten tilanteiden yhteystiedot\nSeuraava yhteistapaaminen pidetään kolmen kuukauden kuluttua");
        AddFollowUp(joint, "Kiireellisten tilanteiden yhteystiedot päivitetään kumppanihakemistoon", helsinki, today.AddDays(-5));
        AddFollowUp(joint, "Kootaan etuuskäsittelijöiden kysymykset aikuissosiaalityölle", south, today.AddDays(14));

        var council = Record(7, 9, MeetingType.WorkerCouncil, [south, helsinki], "Työntekijäraati: asiakasohjaus",
            "Miten asiakasohjaus on toiminut käytännössä", "Raati piti nykyistä ohjausta toimivana; esitteiden kieliversioita toivottiin.",
            "Esitteistä tehdään ruotsinkielinen versio");
        AddFollowUp(council, "Esitteen ruotsinkielinen versio", south, today.AddDays(-1));
        Must(council.Complete(council.FollowUps[^1].Id, UserRole.KelaHandler, actor, now.AddDays(-2)));

        Record(-7, 10, MeetingType.TeamsRing, [south, helsinki], "Teams-rinki: ajankohtaiset asiat", "Ajankohtaiset asiakastilanteet yleisellä tasolla", "", "");
        await db.SaveChangesAsync(cancellationToken);

        void AddFollowUp(JointMeeting meeting, string text, Guid owner, DateOnly due)
        {
            var added = meeting.AddFollowUp(MeetingAccess.Participant, text, owner, due, actor, now);
            Must(added);
            db.MeetingFollowUps.Add(added.Value);
        }
    }

    private static void Must(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo meeting broke a rule: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
