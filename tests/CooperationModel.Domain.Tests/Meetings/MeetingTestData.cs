using CooperationModel.Domain.Common;
using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Meetings;

/// <summary>Two organisations that meet, a third that does not, and a meeting of the first two recorded by a handler of the first.</summary>
internal static class MeetingTestData
{
    public static readonly Guid Kela = Guid.NewGuid();
    public static readonly Guid Helsinki = Guid.NewGuid();
    public static readonly Guid Other = Guid.NewGuid();
    public static readonly IReadOnlySet<Guid> Known = new HashSet<Guid> { Kela, Helsinki, Other };
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly Actor Handler = new(Guid.NewGuid(), Kela, "Eeva Etelä");
    public static readonly Actor Worker = new(Guid.NewGuid(), Helsinki, "Sari Sosiaali");

    public static MeetingContent Content(
        IReadOnlyCollection<Guid>? participants = null, string? title = "Yhteistapaaminen", string? minutes = "Käytiin läpi ohjaus.", string? decisions = "Päätös 1\nPäätös 2") =>
        new(Now.AddDays(-1), MeetingType.JointMeeting, participants ?? [Kela, Helsinki], title, "Asialista", minutes, decisions);

    public static JointMeeting Meeting() => JointMeeting.Record(Content(), Known, UserRole.KelaHandler, Handler, Now).Value;
}
