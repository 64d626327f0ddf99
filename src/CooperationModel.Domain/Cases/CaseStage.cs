using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Cases;

/// <summary>The six stages of the client process (asiakasprosessi / klientprocess).</summary>
public enum CaseStage
{
    /// <summary>Yleinen ohjaus ja neuvonta.</summary>
    Guidance = 1,
    /// <summary>Hakeminen ja vireilletulo.</summary>
    Application = 2,
    /// <summary>Käsittely: the normal or the urgent queue.</summary>
    Processing = 3,
    /// <summary>Päätös ja toimeenpano.</summary>
    Decision = 4,
    /// <summary>Ohjautuminen sosiaalityöhön.</summary>
    ReferralToSocialWork = 5,
    /// <summary>Yhteistyö Kelan ja aikuissosiaalityön välillä.</summary>
    Cooperation = 6,
}

/// <summary>How far the process got at one stage, as the stage stepper shows it.</summary>
public enum StageProgress
{
    /// <summary>Not reached.</summary>
    Todo = 1,
    /// <summary>Beside the case's stage: a referral to social work sent before the decision and still open.</summary>
    UnderWay = 2,
    /// <summary>The case's stage.</summary>
    Current = 3,
    /// <summary>Passed, or (the referral stage) a referral of the case came back completed.</summary>
    Done = 4,
}

/// <summary>The one table of legal stage transitions. Every move of a case is checked against it.</summary>
public static class CaseStages
{
    private static readonly Dictionary<CaseStage, CaseStage[]> Allowed = new()
    {
        // The client applies after guidance.
        [CaseStage.Guidance] = [CaseStage.Application],
        // A complete application goes to processing; a client who needs more help goes back to guidance.
        [CaseStage.Application] = [CaseStage.Processing, CaseStage.Guidance],
        // Processing ends in a decision; an application found incomplete goes back for its attachments.
        [CaseStage.Processing] = [CaseStage.Decision, CaseStage.Application],
        // After the decision: a referral to social work, cooperation, or a new application for the next period.
        [CaseStage.Decision] = [CaseStage.ReferralToSocialWork, CaseStage.Cooperation, CaseStage.Application],
        [CaseStage.ReferralToSocialWork] = [CaseStage.Cooperation, CaseStage.Application],
        [CaseStage.Cooperation] = [CaseStage.Application, CaseStage.ReferralToSocialWork],
    };

    public static IReadOnlyList<CaseStage> All { get; } = Enum.GetValues<CaseStage>();

    public static IReadOnlyList<CaseStage> NextFrom(CaseStage stage) => Allowed[stage];

    public static bool CanMove(CaseStage from, CaseStage to) => Allowed[from].Contains(to);

    /// <summary>
    /// What the stepper shows for a stage. The case's stage follows what was recorded: the application, the queue, the
    /// decision, and a referral sent after the decision (see <see cref="Clients.ClientCase"/>). A referral sent earlier
    /// leaves the case where the application is, so the referral stage shows under way beside it, and done once a
    /// referral came back completed. Cooperation is entered by hand (<c>AdvanceTo</c>), as the stepper never guesses it.
    /// </summary>
    public static StageProgress ProgressOf(CaseStage stage, CaseStage current, IEnumerable<ReferralStatus> referrals)
    {
        if (stage == current)
        {
            return StageProgress.Current;
        }

        if (stage < current)
        {
            return StageProgress.Done;
        }

        if (stage != CaseStage.ReferralToSocialWork)
        {
            return StageProgress.Todo;
        }

        var statuses = referrals.ToList();
        return statuses.Contains(ReferralStatus.Completed) ? StageProgress.Done
            : statuses.Any(ReferralPredicates.IsOpenStatus) ? StageProgress.UnderWay
            : StageProgress.Todo;
    }

    /// <summary>The error for an illegal move; its message names both stages.</summary>
    public static InvalidTransitionError IllegalMove(CaseStage from, CaseStage to) =>
        new("Case.IllegalTransition") { ArgumentKeys = [$"Stage.{from}", $"Stage.{to}"] };
}
