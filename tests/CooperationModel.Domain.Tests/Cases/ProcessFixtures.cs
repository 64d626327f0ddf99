using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Cases;

/// <summary>
/// A fixed day for the process tests, Monday 14.4.2025 in Finnish summer time, and cases brought to each stage.
/// Known deadlines (SOURCES.md, section 2): complete Mon 14.4.2025 → normal Fri 25.4.2025 (Easter skipped), urgent Tue 15.4.2025;
/// complete Fri 7.3.2025 → normal Tue 18.3.2025, urgent Mon 10.3.2025; complete Mon 10.3.2025 → normal Wed 19.3.2025.
/// </summary>
internal static class ProcessFixtures
{
    public static readonly DateOnly Today = new(2025, 4, 14);

    public static readonly DateTimeOffset Morning = new(2025, 4, 14, 9, 30, 0, TimeSpan.FromHours(3));

    public static readonly DateOnly Tomorrow = Today.AddDays(1);

    /// <summary>Received and complete today, normal handling.</summary>
    public static ApplicationDetails NormalApplication { get; } = new(ApplicationChannel.OnlineAtHome, Today, Today, UrgentRequested: false);

    /// <summary>Received today, attachments still missing, urgent handling asked for.</summary>
    public static ApplicationDetails UrgentApplication { get; } = new(ApplicationChannel.OralByPhone, Today, null, UrgentRequested: true);

    public static CaseDecision Granted(
        BasicAmountReduction? reduction = null,
        PaymentCommitment? commitment = null,
        DecisionOutcome outcome = DecisionOutcome.Granted,
        DateOnly? decidedOn = null) =>
        new(outcome, decidedOn ?? Today, reduction, commitment, SignalToOtherBenefits: false, SignalToSocialServices: false,
            QualityRating.Good, QualityRating.Good);

    public static ClientCase Open(Actor handler) =>
        ClientCase.Open(handler, Southern, "Maija Meikäläinen", IdentityCode, Helsinki, Morning).Value;

    /// <summary>A case brought to <paramref name="stage"/> the ordinary way, by <paramref name="handler"/>.</summary>
    public static ClientCase CaseIn(CaseStage stage, Actor handler, ApplicationDetails? application = null)
    {
        var clientCase = Open(handler);
        if (stage != CaseStage.Guidance)
        {
            clientCase.RecordApplication(handler, application ?? NormalApplication, Today, Morning).ShouldSucceed();
        }

        if (stage is not (CaseStage.Guidance or CaseStage.Application))
        {
            clientCase.SendToProcessing(handler, Morning).ShouldSucceed();
        }

        if (stage is CaseStage.Decision or CaseStage.ReferralToSocialWork or CaseStage.Cooperation)
        {
            clientCase.Take(handler, Morning).ShouldSucceed();
            clientCase.RecordDecision(handler, Granted(), Today, Morning).ShouldSucceed();
        }

        if (stage == CaseStage.ReferralToSocialWork)
        {
            clientCase.NoteReferralSent(handler, ReferralGround.ObviousNeedForSocialCare, Morning);
        }

        if (stage == CaseStage.Cooperation)
        {
            clientCase.AdvanceTo(handler, CaseStage.Cooperation, Morning).ShouldSucceed();
        }

        clientCase.Stage.ShouldBe(stage);
        return clientCase;
    }

    public static void ShouldSucceed(this Result result) =>
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors.Select(error => error.Code)));

    /// <summary>The result failed, and among its errors is one with the given code and field.</summary>
    public static void ShouldContainError(this Result result, string code, string field)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldContain(error => error.Code == code && error.Field == field && error is ValidationError, code);
    }
}
