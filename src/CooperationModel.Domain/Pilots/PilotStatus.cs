using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Pilots;

/// <summary>Where a development pilot (kehittämispilotti / utvecklingspilot) is.</summary>
public enum PilotStatus
{
    /// <summary>Idea (idea): named as a development idea, nothing agreed yet.</summary>
    Idea = 1,
    /// <summary>Planned (suunniteltu): owners and a timetable agreed.</summary>
    Planned = 2,
    /// <summary>Running (käynnissä).</summary>
    Running = 3,
    /// <summary>Under evaluation (arvioitavana).</summary>
    UnderEvaluation = 4,
    /// <summary>Adopted into the model (otettu malliin): it becomes part of the next version. Final.</summary>
    AdoptedIntoModel = 5,
    /// <summary>Continued (jatkuu): the evaluation asks for another round.</summary>
    Continued = 6,
    /// <summary>Ended (päättynyt) without adoption. Final.</summary>
    Ended = 7,
}

/// <summary>The area a pilot develops (kehittämisalue).</summary>
public enum DevelopmentArea
{
    /// <summary>Kunnan sosiaalityö / kommunalt socialarbete.</summary>
    MunicipalSocialWork = 1,
    /// <summary>Kela / FPA.</summary>
    Kela = 2,
    /// <summary>Palvelujärjestelmä / servicesystemet.</summary>
    ServiceSystem = 3,
}

/// <summary>The one table of a pilot's legal status moves. Every change of a pilot is checked against it.</summary>
public static class PilotStatuses
{
    private static readonly Dictionary<PilotStatus, PilotStatus[]> Allowed = new()
    {
        [PilotStatus.Idea] = [PilotStatus.Planned, PilotStatus.Ended],
        [PilotStatus.Planned] = [PilotStatus.Idea, PilotStatus.Running, PilotStatus.Ended],
        [PilotStatus.Running] = [PilotStatus.UnderEvaluation, PilotStatus.Ended],
        [PilotStatus.UnderEvaluation] = [PilotStatus.AdoptedIntoModel, PilotStatus.Continued, PilotStatus.Ended],
        [PilotStatus.Continued] = [PilotStatus.UnderEvaluation, PilotStatus.Ended],
        [PilotStatus.AdoptedIntoModel] = [],
        [PilotStatus.Ended] = [],
    };

    public static IReadOnlyList<PilotStatus> All { get; } = Enum.GetValues<PilotStatus>();

    public static IReadOnlyList<PilotStatus> NextFrom(PilotStatus from) => Allowed[from];

    public static bool CanMove(PilotStatus from, PilotStatus to) => Allowed[from].Contains(to);

    public static bool IsFinal(PilotStatus status) => Allowed[status].Length == 0;

    /// <summary>The error for a move the table does not allow; it names both states.</summary>
    public static InvalidTransitionError NotAllowed(PilotStatus from, PilotStatus to) =>
        new("Pilot.StatusMoveNotAllowed") { ArgumentKeys = [$"PilotStatus.{from}", $"PilotStatus.{to}"] };
}
