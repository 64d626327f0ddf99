namespace CooperationModel.Domain.Surveys;

/// <summary>
/// A life event (elämäntapahtuma / livshändelse) that prompts a life-situation survey.
/// The events are context for the handler; the <see cref="ConcernScreen"/> does not read them.
/// </summary>
public enum LifeEvent
{
    /// <summary>Muutto / flyttning.</summary>
    Moving = 1,
    /// <summary>Itsenäistyminen / självständigblivande.</summary>
    BecomingIndependent = 2,
    /// <summary>Työttömyys / arbetslöshet.</summary>
    Unemployment = 3,
    /// <summary>Avioero / skilsmässa.</summary>
    Divorce = 4,
    /// <summary>Sairaus / sjukdom.</summary>
    Illness = 5,
    /// <summary>Eläköityminen / pensionering.</summary>
    Retirement = 6,
    /// <summary>Vankila / fängelse.</summary>
    Prison = 7,
    /// <summary>Lapsi / barn.</summary>
    Child = 8,
    /// <summary>Häätö / vräkning.</summary>
    Eviction = 9,
    /// <summary>Kuolema / död.</summary>
    Death = 10,
}
