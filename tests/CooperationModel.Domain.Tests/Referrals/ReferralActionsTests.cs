using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// What a page offers is what the server allows: for every state of a referral and of a forward, and every person in
/// and outside the chain, an action is offered exactly when the move itself succeeds.
/// </summary>
public class ReferralActionsTests
{
    public static TheoryData<string, string> StatesAndPeople()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            foreach (var person in new[] { "Handler", "Worker", "OtherWorker", "WestWorker", "Nurse", "YouthWorker" })
            {
                data.Add(state, person);
            }
        }

        return data;
    }

    private static readonly string[] States =
    [
        "Sent", "Received", "Accepted", "InAssessment", "Completed", "Returned", "Rerouted",
        "Forwarded", "ForwardReceived", "ForwardAccepted", "ForwardCompleted", "ForwardReturned",
    ];

    [Theory]
    [MemberData(nameof(StatesAndPeople))]
    public void For_EveryStateAndPerson_OffersAnActionExactlyWhenItsMoveSucceeds(string state, string person)
    {
        var (actor, role) = Person(new LoopSteps(), person);

        var offered = ReferralActions.For(Build(state, out _), actor, role);

        foreach (var action in Enum.GetValues<ReferralAction>().Where(a => a != ReferralAction.None))
        {
            var steps = new LoopSteps();
            var referral = Build(state, out var built, steps);
            var (sameActor, _) = Person(built, person);
            var worksIt = action >= ReferralAction.AcceptForward ? role.WorksForwards() : role.WorksReferrals();
            var succeeded = worksIt && Try(referral, action, sameActor).IsSuccess;

            offered.HasFlag(action).ShouldBe(succeeded, $"{action} in {state} for {person}");
        }
    }

    [Fact]
    public void For_TheNamedWorkerOnAnAcceptedReferral_MayAssignStartCompleteReturnAndForward()
    {
        var steps = new LoopSteps();

        ReferralActions.For(steps.Accepted(), steps.Worker, UserRole.SocialWorker).ShouldBe(
            ReferralAction.Assign | ReferralAction.StartAssessment | ReferralAction.Complete | ReferralAction.Return | ReferralAction.Forward);
    }

    [Fact]
    public void For_AnAdminOfTheReceiver_MayDoNothing()
    {
        var steps = new LoopSteps();

        ReferralActions.For(steps.Received(), steps.Worker, UserRole.OrganisationAdmin).ShouldBe(ReferralAction.None);
    }

    private static Referral Build(string state, out LoopSteps steps, LoopSteps? given = null)
    {
        steps = given ?? new LoopSteps();
        var s = steps;
        return state switch
        {
            "Rerouted" => s.Rerouted(),
            "Forwarded" => s.Forwarded(),
            "ForwardReceived" => Then(s.Forwarded(), r => r.MarkForwardReceived(s.Nurse, Later).ShouldBeTrue()),
            "ForwardAccepted" => s.ForwardAccepted(),
            "ForwardCompleted" => Then(s.ForwardAccepted(), r => r.CompleteForward(s.Nurse, null, Latest).ShouldSucceed()),
            "ForwardReturned" => Then(s.Forwarded(), r => r.ReturnForward(s.Nurse, ReturnReason.NoCapacity, null, Latest).ShouldSucceed()),
            _ => s.In(Enum.Parse<ReferralStatus>(state)),
        };
    }

    private static Referral Then(Referral referral, Action<Referral> step)
    {
        step(referral);
        return referral;
    }

    private static (Actor Actor, UserRole Role) Person(LoopSteps steps, string person) => person switch
    {
        "Handler" => (steps.Handler, UserRole.KelaHandler),
        "Worker" => (steps.Worker, UserRole.SocialWorker),
        "OtherWorker" => (steps.OtherWorker, UserRole.SocialWorker),
        "WestWorker" => (steps.WestWorker, UserRole.SocialWorker),
        "Nurse" => (steps.Nurse, UserRole.HealthCareProfessional),
        "YouthWorker" => (steps.YouthWorker, UserRole.OutreachYouthWorker),
        _ => throw new ArgumentOutOfRangeException(nameof(person)),
    };

    private static Result ChangesSomething(Referral referral, Func<Referral, Result> move)
    {
        var steps = referral.Events.Count;
        var result = move(referral);
        return result.IsSuccess && referral.Events.Count == steps ? Result.Failure([Referral.Errors.NotAccepted]) : result;
    }

    private static Result Try(Referral referral, ReferralAction action, Actor actor) => action switch
    {
        ReferralAction.Accept => referral.Accept(actor, Last),
        // A colleague of the assigner's own organisation.
        ReferralAction.Assign => referral.Assign(actor, actor with { UserId = Guid.NewGuid(), DisplayName = "Kollega" }, Last),
        // Starting an assessment already started succeeds without a step: nothing to offer.
        ReferralAction.StartAssessment => ChangesSomething(referral, r => r.StartAssessment(actor, Last)),
        ReferralAction.Complete => referral.Complete(actor, ReferralOutcome.NoNeedFound, null, null, Last),
        ReferralAction.Return => referral.Return(Routing, actor, ReturnReason.NoCapacity, null, null, ReferralDeadlinePolicy.Default, DayOf(Last), Last),
        ReferralAction.Forward => referral.Forward(Routing, actor, ForwardTarget.OutreachYouthWork, null, Last),
        ReferralAction.AcceptForward => referral.AcceptForward(actor, Last),
        ReferralAction.CompleteForward => referral.CompleteForward(actor, null, Last),
        ReferralAction.ReturnForward => referral.ReturnForward(actor, ReturnReason.NoCapacity, null, Last),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
