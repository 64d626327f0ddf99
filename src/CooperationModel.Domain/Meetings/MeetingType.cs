namespace CooperationModel.Domain.Meetings;

/// <summary>
/// The kinds of meeting the cooperation model holds (glossary: joint meeting, worker council, client council; the
/// material also names theme meetings and Teams rings, a regular short call of Kela's and social services' workers).
/// </summary>
public enum MeetingType
{
    /// <summary>Yhteistapaaminen / gemensamt möte: Kela's and social services' workers of one area meet.</summary>
    JointMeeting = 0,

    /// <summary>Työntekijäraati / arbetarråd: workers assess the model's practice together.</summary>
    WorkerCouncil = 1,

    /// <summary>Asiakasraati / kundråd: clients' experience heard (the minutes never name a client).</summary>
    ClientCouncil = 2,

    /// <summary>Teematapaaminen / temamöte: one theme (e.g. housing, debt advice) with its experts.</summary>
    ThemeMeeting = 3,

    /// <summary>Teams-rinki / Teams-ring: a regular short call of the partners' workers.</summary>
    TeamsRing = 4,
}
