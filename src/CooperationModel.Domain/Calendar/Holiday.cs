namespace CooperationModel.Domain.Calendar;

/// <summary>
/// A Finnish holiday or holiday eve that matters for counting weekdays (arkipäivät).
/// The values are stable: the UI localises the names by value, and they may be stored.
/// See SOURCES.md in this folder for the rules and their legal basis.
/// </summary>
public enum Holiday
{
    /// <summary>Uudenvuodenpäivä / Nyårsdagen, 1 January.</summary>
    NewYearsDay = 1,

    /// <summary>Loppiainen / Trettondagen, 6 January.</summary>
    Epiphany = 2,

    /// <summary>Pitkäperjantai / Långfredagen, Easter Sunday − 2 days.</summary>
    GoodFriday = 3,

    /// <summary>Pääsiäispäivä / Påskdagen. Always a Sunday: no effect on working days.</summary>
    EasterSunday = 4,

    /// <summary>2. pääsiäispäivä / Annandag påsk, Easter Sunday + 1 day.</summary>
    EasterMonday = 5,

    /// <summary>Vappu (vapunpäivä) / Första maj, 1 May.</summary>
    MayDay = 6,

    /// <summary>Helatorstai / Kristi himmelsfärdsdag, Easter Sunday + 39 days.</summary>
    AscensionDay = 7,

    /// <summary>Helluntaipäivä / Pingstdagen, Easter Sunday + 49 days. Always a Sunday: no effect on working days.</summary>
    Pentecost = 8,

    /// <summary>Juhannusaatto / Midsommarafton, the Friday between 19 and 25 June.</summary>
    MidsummerEve = 9,

    /// <summary>Juhannuspäivä / Midsommardagen, the Saturday between 20 and 26 June. No effect on working days.</summary>
    MidsummerDay = 10,

    /// <summary>Pyhäinpäivä / Alla helgons dag, the Saturday between 31 October and 6 November. No effect on working days.</summary>
    AllSaintsDay = 11,

    /// <summary>Itsenäisyyspäivä / Självständighetsdagen, 6 December.</summary>
    IndependenceDay = 12,

    /// <summary>Jouluaatto / Julafton, 24 December.</summary>
    ChristmasEve = 13,

    /// <summary>Joulupäivä / Juldagen, 25 December.</summary>
    ChristmasDay = 14,

    /// <summary>Tapaninpäivä / Annandag jul, 26 December.</summary>
    StStephensDay = 15,
}
