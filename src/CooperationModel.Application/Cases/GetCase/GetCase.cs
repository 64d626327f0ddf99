using CooperationModel.Application.AccessLog;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Application.Cases.GetCase;

public sealed record CaseDetails(
    Guid Id,
    string ClientName,
    PersonalIdentityCode IdentityCode,
    string HomeMunicipalityCode,
    DateTimeOffset OpenedAt,
    CaseStage Stage,
    IReadOnlyList<CaseStage> NextStages,
    ApplicationDetails? Application,
    ProcessingQueue? Queue,
    DateTimeOffset? QueuedAt,
    Guid? HandlerUserId,
    string? HandlerName,
    bool IsUrgent,
    bool UrgencyConfirmed,
    DecisionCollection? AgreedCollection,
    DateOnly? DecisionDueOn,
    DeadlineState? Deadline,
    CaseDecision? Decision,
    LifeSituationSurvey? Survey,
    bool SurveyIsStale,
    IReadOnlyList<ConcernSuggestion> Suggestions,
    ClientType? ClientType,
    IReadOnlyList<RecommendedChannel> RecommendedChannels,
    IReadOnlyList<CaseTimelineEntry> Timeline,
    IReadOnlyList<CaseGuidance> Guidance,
    IReadOnlyList<CaseReferral> Referrals)
{
    /// <summary>
    /// The suggestions already acted on, by ground: the referral of that ground sent since the survey (or the decision)
    /// that made the suggestion. The page shows it instead of offering the same referral again.
    /// </summary>
    public IReadOnlyDictionary<ReferralGround, CaseReferral> SuggestionsActedOn { get; init; } = new Dictionary<ReferralGround, CaseReferral>();
}

/// <summary>One line of the case's timeline.</summary>
public sealed record CaseTimelineEntry(DateTimeOffset At, string ActorName, CaseEventKind Kind, CaseStage Stage, CaseStage? FromStage, string? Detail);

public sealed record CaseGuidance(DateTimeOffset At, GuidanceChannel Channel, bool HasDevices, bool HasSkills);

/// <summary>A referral as the sending handler follows it: status and named worker.</summary>
public sealed record CaseReferral(
    Guid Id,
    ReferralGround Ground,
    bool ConsentGiven,
    ReferralStatus Status,
    DateTimeOffset SentAt,
    string SentByName,
    Guid ReceiverOrganisationId,
    string? NamedWorkerName,
    DateTimeOffset? AcceptedAt)
{
    /// <summary>How it ended, as far as the client's consent lets Kela see.</summary>
    public ReferralFeedback Feedback { get; init; } = new(null, null, null, null, Withheld: false);

    /// <summary>An urgent application transfer.</summary>
    public bool Urgent { get; init; }

    /// <summary>The receiver's deadline to accept it.</summary>
    public DateOnly? RespondBy { get; init; }

    /// <summary>Still not accepted past the receiver's deadline (<see cref="Referral.IsOverdue"/>).</summary>
    public bool IsOverdue { get; init; }

    /// <summary>Not yet completed or returned (<see cref="Referral.IsOpen"/>).</summary>
    public bool IsOpen { get; init; }

    /// <summary>Sent, not yet accepted: its deadline to accept still applies (<see cref="ReferralPredicates.AwaitingAcceptance"/>).</summary>
    public bool AwaitingAcceptance { get; init; }
}

public interface IGetCaseHandler
{
    Task<Result<CaseDetails>> HandleAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>The same again for a page whose opening is already in the use log (read and logged when prerendered).</summary>
    Task<Result<CaseDetails>> RereadAsync(Guid caseId, CancellationToken cancellationToken = default);
}

public sealed class GetCaseHandler(
    IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IOptions<CaseProcessOptions> options, IAccessLog accessLog) : IGetCaseHandler
{
    public static NotFoundError NotFound => new("Case.NotFound");

    /// <summary>
    /// The concern screen reads the survey; a reduced basic amount in the decision suggests that ground too
    /// (unless the survey already suggested it).
    /// </summary>
    private static IReadOnlyList<ConcernSuggestion> Suggestions(ClientCase c)
    {
        var suggestions = c.Survey is null ? [] : ConcernScreen.Evaluate(c.Survey, c.IdentityCode).ToList();
        if (c.Decision?.SuggestedReferralGround is { } ground && suggestions.All(s => s.Ground != ground))
        {
            suggestions.Add(new ConcernSuggestion(ground, [ConcernReason.BasicAmountReducedOrMeasureRefused]));
        }

        return suggestions.OrderBy(s => s.Ground).ToList();
    }

    /// <summary>
    /// A suggestion is acted on by the newest referral of its ground sent on or after the day of what made it: the survey
    /// that suggested it, or the decision whose reduced basic amount did.
    /// </summary>
    private static Dictionary<ReferralGround, CaseReferral> ActedOn(ClientCase c, IEnumerable<ConcernSuggestion> suggestions, IReadOnlyList<CaseReferral> referrals)
    {
        var actedOn = new Dictionary<ReferralGround, CaseReferral>();
        var surveyed = c.Survey is null ? [] : ConcernScreen.Evaluate(c.Survey, c.IdentityCode).Select(s => s.Ground).ToHashSet();
        foreach (var suggestion in suggestions)
        {
            DateOnly? basis = surveyed.Contains(suggestion.Ground) ? c.Survey!.SurveyedOn : c.Decision?.DecidedOn;
            if (basis is not { } day)
            {
                continue;
            }

            var since = FinnishTime.StartOf(day);
            if (referrals.Where(r => r.Ground == suggestion.Ground && r.SentAt >= since).MaxBy(r => r.SentAt) is { } referral)
            {
                actedOn[suggestion.Ground] = referral;
            }
        }

        return actedOn;
    }

    public Task<Result<CaseDetails>> HandleAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        ReadAsync(caseId, logView: true, cancellationToken);

    public Task<Result<CaseDetails>> RereadAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        ReadAsync(caseId, logView: false, cancellationToken);

    private async Task<Result<CaseDetails>> ReadAsync(Guid caseId, bool logView, CancellationToken cancellationToken)
    {
        if (!user.WorksWithClients)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Its queries (and the access log's save) on one connection: the tenant setting is sent once, not per query.
        await db.KeepConnectionOpenAsync(cancellationToken);
        var c = await db.Cases.AsNoTracking()
            .Include(x => x.Events)
            .Include(x => x.GuidanceContacts)
            .SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (logView)
        {
            if (c is null)
            {
                accessLog.Denied(db, AccessRecordType.Case, caseId);
            }
            else
            {
                accessLog.Viewed(db, AccessRecordType.Case, c.Id, c.IdentityCode);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (c is null)
        {
            return NotFound;
        }

        var today = clock.Today();
        // Sent by the case's district, said explicitly so the tenant-first index (sender_organisation_id, case_id, …) applies.
        var referrals = (await db.Referrals.AsNoTracking()
                .Where(r => r.SenderOrganisationId == c.OrganisationId && r.CaseId == caseId)
                .OrderByDescending(r => r.SentAt)
                .ToListAsync(cancellationToken))
            .Select(r => new CaseReferral(
                r.Id, r.Ground, r.ConsentGiven, r.Status, r.SentAt, r.SentByName,
                r.ReceiverOrganisationId, r.NamedWorkerName, r.AcceptedAt)
            {
                Feedback = r.FeedbackVisibleTo(c.OrganisationId),
                Urgent = r.Urgent,
                RespondBy = r.RespondBy,
                IsOverdue = r.IsOverdue(today),
                IsOpen = r.IsOpen,
                AwaitingAcceptance = r.AwaitsAcceptance,
            })
            .ToList();

        // The latest guidance contact tells the client's type: devices and skills.
        var latestGuidance = c.GuidanceContacts.MaxBy(g => g.At);
        ClientType? clientType = latestGuidance is null ? null : ClientTypes.Of(latestGuidance.HasDevices, latestGuidance.HasSkills);

        var suggestions = Suggestions(c);
        return new CaseDetails(
            c.Id, c.ClientName, c.IdentityCode, c.HomeMunicipalityCode, c.OpenedAt,
            c.Stage, CaseStages.NextFrom(c.Stage), c.Application, c.Queue, c.QueuedAt, c.HandlerUserId, c.HandlerName,
            c.IsUrgent, c.UrgencyConfirmed, c.AgreedCollection, c.DecisionDueOn,
            ListCasesHandler.DeadlineOf(c.Stage, c.DecisionDueOn, clock.Today(), options.Value.NearDeadlineWorkingDays),
            c.Decision,
            c.Survey,
            c.Survey?.IsStale(clock.Today(), options.Value.SurveyMaxAgeMonths) == true,
            suggestions,
            clientType,
            clientType is { } type ? ClientTypes.RecommendedChannelsFor(type) : [],
            c.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence)
                .Select(e => new CaseTimelineEntry(e.At, e.ActorName, e.Kind, e.Stage, e.FromStage, e.Detail)).ToList(),
            c.GuidanceContacts.OrderByDescending(g => g.At).Select(g => new CaseGuidance(g.At, g.Channel, g.HasDevices, g.HasSkills)).ToList(),
            referrals)
        {
            SuggestionsActedOn = ActedOn(c, suggestions, referrals),
        };
    }
}
