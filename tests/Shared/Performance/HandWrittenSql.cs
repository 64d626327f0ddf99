using System.Text;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>
/// The same result as a use case, computed by SQL over plain Npgsql on a connection that is already open (and, for the
/// app's role, already acting for the user's organisation): the floor the data layer is measured against. Returns the
/// ids of the rows in order and the counts, so that they can be checked against the use case's once, outside the timing.
/// </summary>
public delegate Task<SqlRows> SqlBaseline(NpgsqlConnection connection, CancellationToken cancellationToken);

/// <summary>What a baseline returned: the ids of its rows in order, and its counts (a list's total, a page's parts).</summary>
public sealed record SqlRows(IReadOnlyList<Guid> Ids, IReadOnlyList<long> Counts)
{
    public static SqlRows None { get; } = new([], []);

    /// <summary>The same ids in the same order and the same counts.</summary>
    public bool Matches(SqlRows other) => Ids.SequenceEqual(other.Ids) && Counts.SequenceEqual(other.Counts);

    public override string ToString() => $"{Ids.Count} ids, counts [{string.Join(", ", Counts)}]";
}

/// <summary>Builds the SQL baselines: hand-written for every benchmarked use case, and the use case's own queries replayed.</summary>
public static class HandWrittenSql
{
    /// <summary>
    /// The social services inbox (ListInboxHandler.ReceivedAsync), as a skilled engineer would write it: one count and
    /// one page, the columns the row shows (the identity code as stored: decrypting it is the app's work), the overdue
    /// flag computed in the query. Only the queries of a receiving organisation (not a partner's forwards) are written.
    /// </summary>
    public static SqlBaseline Inbox(IServiceProvider services, ListInboxQuery query)
    {
        var user = services.GetRequiredService<ICurrentUser>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        var where = new StringBuilder("r.receiver_organisation_id = @organisation");
        var parameters = new List<(string Name, object Value)> { ("organisation", user.OrganisationId) };
        if (query.Status is { } status)
        {
            where.Append(" AND r.status = @status");
            parameters.Add(("status", status.ToString()));
        }

        if (query.OnlyMine)
        {
            where.Append(" AND r.named_worker_user_id = @me");
            parameters.Add(("me", user.UserId));
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            if (PersonalIdentityCode.Parse(search).TryGetValue(out var code))
            {
                where.Append(" AND r.client_identity_code_hash = @hash");
                parameters.Add(("hash", services.GetRequiredService<IIdentityCodeHasher>().Hash(code)));
            }
            else
            {
                where.Append(" AND r.client_name_folded LIKE @name");
                parameters.Add(("name", $"%{search.ToLowerInvariant()}%"));
            }
        }

        if (query.Ground is not null || query.MunicipalityCode is not null || query.Overdue is not null)
        {
            throw new NotSupportedException("The hand-written inbox covers the filters the benchmark uses.");
        }

        var order = query.Order switch
        {
            InboxOrder.NewestFirst => "r.sent_at DESC",
            InboxOrder.ClientName => "r.client_name, r.sent_at DESC",
            InboxOrder.Status => "CASE r.status WHEN 'Sent' THEN 1 WHEN 'Received' THEN 2 WHEN 'Accepted' THEN 3 WHEN 'InAssessment' THEN 4 WHEN 'Completed' THEN 5 ELSE 6 END, r.sent_at DESC",
            _ => throw new NotSupportedException($"Order {query.Order} is not hand-written."),
        };
        var awaiting = string.Join(", ", ReferralPredicates.AwaitingAcceptanceStatuses.Select(s => $"'{s}'"));
        parameters.Add(("today", today));
        var sql = $"""
            SELECT count(*) FROM referrals r WHERE {where};
            SELECT r.id, r.client_name, r.client_identity_code, r.home_municipality_code, r.ground, r.consent_given, r.status,
                   r.sent_at, r.named_worker_name, r.urgent, r.respond_by,
                   (r.status IN ({awaiting}) AND r.respond_by < @today) AS is_overdue
            FROM referrals r WHERE {where}
            ORDER BY {order}
            LIMIT {query.Page.Take} OFFSET {query.Page.Skip}
            """;
        return Run(sql, parameters, Part.Count, Part.Ids);
    }

    /// <summary>
    /// The use case's own queries (as the SqlRecorder saw them in its last timed call), replayed over plain Npgsql with
    /// their parameters, every value read: what PostgreSQL and the wire cost without EF Core, materialisation,
    /// decryption or the access-log insert. No ids: the rows are the app's own by construction.
    /// </summary>
    public static SqlBaseline Replay(IReadOnlyList<RecordedCommand> commands)
    {
        var queries = commands.Where(c => c.IsQuery).ToList();
        return async (connection, ct) =>
        {
            foreach (var recorded in queries)
            {
                await using var command = new NpgsqlCommand(recorded.Sql, connection);
                foreach (var parameter in recorded.Parameters)
                {
                    command.Parameters.Add(parameter.Clone());
                }

                await using var reader = await command.ExecuteReaderAsync(ct);
                do
                {
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync(ct))
                    {
                        reader.GetValues(values);
                    }
                }
                while (await reader.NextResultAsync(ct));
            }

            return SqlRows.None;
        };
    }

    /// <summary>
    /// A list of the handler's workspace (ListCasesHandler.HandleAsync): the count and the page in one round trip, the
    /// columns the row shows, and what the handler works out afterwards in the query: who holds the case (the opener's
    /// name from the users' table, or the handler's), the deadline's state, the latest referral's status and whether a
    /// referral waits past its deadline.
    /// </summary>
    public static SqlBaseline Cases(IServiceProvider services, ListCasesQuery query)
    {
        var (parameters, matching) = CaseLists(services);
        var where = new StringBuilder(matching(query.Filter));
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            if (PersonalIdentityCode.Parse(search).TryGetValue(out var code))
            {
                where.Append(" AND c.identity_code_hash = @hash");
                parameters.Add(("hash", services.GetRequiredService<IIdentityCodeHasher>().Hash(code)));
            }
            else
            {
                where.Append(" AND c.client_name_folded LIKE @name");
                parameters.Add(("name", $"%{search.ToLowerInvariant()}%"));
            }
        }

        var order = query.Filter switch
        {
            CaseListFilter.All => "c.opened_at DESC",
            CaseListFilter.Mine => "c.decision_due_on IS NULL, c.decision_due_on, c.opened_at DESC",
            CaseListFilter.UrgentQueue => "c.queued_at",
            CaseListFilter.NormalQueue => "c.decision_due_on IS NULL, c.decision_due_on, c.queued_at",
            CaseListFilter.NearDeadline => "c.decision_due_on",
            CaseListFilter.AwaitingFeedback => $"(SELECT min(r.sent_at) FROM referrals r WHERE r.sender_organisation_id = @organisation AND r.case_id = c.id AND r.status IN ({OpenStatuses}))",
            _ => throw new NotSupportedException($"List {query.Filter} is not hand-written."),
        };
        var undecided = $"'{CaseStage.Application}', '{CaseStage.Processing}'";
        var heldByOpener = $"'{CaseStage.Guidance}', '{CaseStage.Application}'";
        var sql = $"""
            SELECT count(*) FROM cases c WHERE {where};
            SELECT c.id, c.client_name, c.identity_code, c.home_municipality_code, c.opened_at, c.stage, c.queue, c.queued_at,
                   c.decision_due_on,
                   CASE WHEN c.stage IN ({heldByOpener}) THEN (SELECT u.display_name FROM "AspNetUsers" u WHERE u.id = c.opened_by_user_id)
                        ELSE c.handler_name END AS held_by,
                   CASE WHEN c.decision_due_on IS NULL OR c.stage NOT IN ({undecided}) THEN NULL
                        WHEN c.decision_due_on < @today THEN '{DeadlineState.Overdue}'
                        WHEN c.decision_due_on = @today THEN '{DeadlineState.DueToday}'
                        WHEN c.decision_due_on <= @near_limit THEN '{DeadlineState.Near}'
                        ELSE '{DeadlineState.OnTime}' END AS deadline,
                   (SELECT r.status FROM referrals r WHERE r.sender_organisation_id = @organisation AND r.case_id = c.id
                    ORDER BY r.sent_at DESC LIMIT 1) AS latest_referral_status,
                   EXISTS (SELECT 1 FROM referrals r WHERE r.sender_organisation_id = @organisation AND r.case_id = c.id
                           AND r.status IN ({AwaitingAcceptance}) AND r.respond_by < @today) AS referral_overdue
            FROM cases c WHERE {where}
            ORDER BY {order}
            LIMIT {query.Page.Take} OFFSET {query.Page.Skip}
            """;
        return Run(sql, parameters, Part.Count, Part.Ids);
    }

    /// <summary>The workspace's five tab counts (ListCasesHandler.CountAsync) in one statement, one round trip.</summary>
    public static SqlBaseline Counts(IServiceProvider services)
    {
        var (parameters, matching) = CaseLists(services);
        CaseListFilter[] lists = [CaseListFilter.Mine, CaseListFilter.UrgentQueue, CaseListFilter.NormalQueue, CaseListFilter.NearDeadline, CaseListFilter.AwaitingFeedback];
        var sql = "SELECT " + string.Join(",\n       ", lists.Select(list => $"(SELECT count(*) FROM cases c WHERE {matching(list)})"));
        return Run(sql, parameters, Part.Columns);
    }

    /// <summary>
    /// The case page (GetCaseHandler): the case with the columns the page shows, its timeline, its guidance contacts and
    /// the referrals its district sent, with their overdue flag, in one round trip. Ids: the case, then its referrals.
    /// Counts: timeline entries, referrals.
    /// </summary>
    public static SqlBaseline CasePage(IServiceProvider services, Guid caseId)
    {
        var user = services.GetRequiredService<ICurrentUser>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        List<(string Name, object Value)> parameters = [("organisation", user.OrganisationId), ("case", caseId), ("today", today)];
        var sql = $"""
            SELECT c.id, c.client_name, c.identity_code, c.home_municipality_code, c.opened_at, c.stage, c.queue, c.queued_at,
                   c.handler_user_id, c.handler_name, c.urgency_confirmed, c.agreed_collection, c.decision_due_on,
                   c.application_channel, c.application_received_on, c.application_complete_on, c.application_urgent_requested,
                   c.decided_on, c.decision_outcome, c.decision_clarity, c.decision_correctness, c.reduction_percent,
                   c.reduction_reason, c.decision_signal_to_social_services, c.decision_signal_to_other_benefits,
                   c.payment_commitment_pick_up_place, c.survey
            FROM cases c WHERE c.organisation_id = @organisation AND c.id = @case;
            SELECT e.at, e.actor_name, e.kind, e.stage, e.from_stage, e.detail
            FROM case_events e WHERE e.organisation_id = @organisation AND e.case_id = @case
            ORDER BY e.at DESC, e.sequence DESC;
            SELECT g.at, g.channel, g.has_devices, g.has_skills
            FROM guidance_contacts g WHERE g.organisation_id = @organisation AND g.case_id = @case
            ORDER BY g.at DESC;
            SELECT r.id, r.ground, r.consent_given, r.status, r.sent_at, r.sent_by_name, r.receiver_organisation_id,
                   r.named_worker_name, r.accepted_at, r.urgent, r.respond_by, r.consent_covers_feedback, r.outcome,
                   r.plan_made, r.completed_at, r.returned_at, r.return_reason,
                   (r.status IN ({AwaitingAcceptance}) AND r.respond_by < @today) AS is_overdue
            FROM referrals r WHERE r.sender_organisation_id = @organisation AND r.case_id = @case
            ORDER BY r.sent_at DESC
            """;
        return Run(sql, parameters, Part.Ids, Part.Rows, Part.Read, Part.IdsAndRows);
    }

    /// <summary>
    /// The referral page (GetReferralHandler), for its receiver or its sender: the referral with its named worker's
    /// contact, its timeline, its forwards and the disclosures the user's organisation made or received, with both
    /// organisations' names, in one round trip. Ids: the referral. Counts: timeline entries, forwards, disclosures.
    /// </summary>
    public static SqlBaseline ReferralPage(IServiceProvider services, Guid referralId)
    {
        var user = services.GetRequiredService<ICurrentUser>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        List<(string Name, object Value)> parameters = [("organisation", user.OrganisationId), ("referral", referralId), ("today", today)];
        var sql = $"""
            SELECT r.id, r.case_id, r.sender_organisation_id, r.receiver_organisation_id, r.client_name, r.client_identity_code,
                   r.home_municipality_code, r.ground, r.consent_given, r.situation_description, r.status, r.sent_at,
                   r.sent_by_name, r.received_at, r.named_worker_user_id, r.named_worker_name, r.accepted_at,
                   r.consent_covers_feedback, r.consent_covers_description, r.consent_given_on, r.consent_method,
                   r.consent_recorded_by_name, r.outcome, r.plan_made, r.closing_note, r.completed_at, r.returned_at,
                   r.return_reason, r.repeat_reason, r.urgent, r.respond_by,
                   (r.status IN ({AwaitingAcceptance}) AND r.respond_by < @today) AS is_overdue,
                   u.display_name, u.email, u.phone_number
            FROM referrals r LEFT JOIN "AspNetUsers" u ON u.id = r.named_worker_user_id
            WHERE r.id = @referral;
            SELECT e.at, e.actor_name, e.actor_organisation_id, e.kind, e.status, e.detail
            FROM referral_events e WHERE e.referral_id = @referral
            ORDER BY e.at DESC, e.sequence DESC;
            SELECT f.id, f.target, f.from_organisation_id, f.to_organisation_id, f.forwarded_at, f.forwarded_by_name, f.note,
                   f.status, f.received_at, f.named_worker_user_id, f.named_worker_name, f.accepted_at, f.closed_at,
                   f.return_reason, f.closing_note
            FROM referral_forwards f WHERE f.referral_id = @referral
            ORDER BY f.forwarded_at;
            SELECT d.at, s.id, s.kind, s.name_fi, s.name_sv, s.name_en, t.id, t.kind, t.name_fi, t.name_sv, t.name_en,
                   d.by_name, d.what, d.basis
            FROM disclosures d
            JOIN organisations s ON s.id = d.from_organisation_id
            JOIN organisations t ON t.id = d.to_organisation_id
            WHERE d.referral_id = @referral AND (d.from_organisation_id = @organisation OR d.to_organisation_id = @organisation)
            ORDER BY d.at
            """;
        return Run(sql, parameters, Part.Ids, Part.Rows, Part.Rows, Part.Rows);
    }

    private static string OpenStatuses => string.Join(", ", ReferralPredicates.OpenStatuses.Select(s => $"'{s}'"));

    private static string AwaitingAcceptance => string.Join(", ", ReferralPredicates.AwaitingAcceptanceStatuses.Select(s => $"'{s}'"));

    /// <summary>
    /// The parameters every workspace list needs and the condition of each list (ListCasesHandler.Matching), on the
    /// district's cases (stated, as the app's tenant filter states it).
    /// </summary>
    private static (List<(string Name, object Value)> Parameters, Func<CaseListFilter, string> Matching) CaseLists(IServiceProvider services)
    {
        var user = services.GetRequiredService<ICurrentUser>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        var options = services.GetRequiredService<IOptions<CaseProcessOptions>>().Value;
        var sentBefore = today;
        for (var counted = 0; counted < options.FeedbackExpectedWorkingDays;)
        {
            sentBefore = sentBefore.AddDays(-1);
            counted += FinnishCalendar.IsWorkingDay(sentBefore) ? 1 : 0;
        }

        List<(string Name, object Value)> parameters =
        [
            ("organisation", user.OrganisationId),
            ("me", user.UserId),
            ("today", today),
            ("near_limit", FinnishCalendar.AddWorkingDays(today, options.NearDeadlineWorkingDays)),
            ("sent_before", FinnishTime.StartOf(sentBefore)),
        ];
        string Matching(CaseListFilter filter) => "c.organisation_id = @organisation" + filter switch
        {
            CaseListFilter.All => "",
            CaseListFilter.Mine => $" AND ((c.handler_user_id = @me AND c.stage = '{CaseStage.Processing}')"
                + $" OR (c.opened_by_user_id = @me AND c.stage IN ('{CaseStage.Guidance}', '{CaseStage.Application}')))",
            CaseListFilter.UrgentQueue => $" AND c.stage = '{CaseStage.Processing}' AND c.queue = '{ProcessingQueue.Urgent}' AND c.handler_user_id IS NULL",
            CaseListFilter.NormalQueue => $" AND c.stage = '{CaseStage.Processing}' AND c.queue = '{ProcessingQueue.Normal}' AND c.handler_user_id IS NULL",
            CaseListFilter.NearDeadline => $" AND c.stage IN ('{CaseStage.Application}', '{CaseStage.Processing}')"
                + " AND c.decision_due_on IS NOT NULL AND c.decision_due_on <= @near_limit",
            CaseListFilter.AwaitingFeedback => " AND EXISTS (SELECT 1 FROM referrals r WHERE r.sender_organisation_id = @organisation"
                + $" AND r.case_id = c.id AND r.status IN ({OpenStatuses}) AND r.sent_at < @sent_before)",
            _ => throw new NotSupportedException($"List {filter} is not hand-written."),
        };
        return (parameters, Matching);
    }

    /// <summary>What the runner takes from each result of a batch, in order.</summary>
    private enum Part
    {
        /// <summary>One row, one count: a count.</summary>
        Count,
        /// <summary>One row of counts, one a column.</summary>
        Columns,
        /// <summary>The first column's ids.</summary>
        Ids,
        /// <summary>The number of rows, as a count.</summary>
        Rows,
        /// <summary>The first column's ids, and their number as a count.</summary>
        IdsAndRows,
        /// <summary>Read, nothing kept.</summary>
        Read,
    }

    /// <summary>Runs one batch in one round trip, reading every value of every row, and keeps what each result's part says.</summary>
    private static SqlBaseline Run(string sql, IReadOnlyList<(string Name, object Value)> parameters, params Part[] parts) =>
        async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var ids = new List<Guid>();
            var counts = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            foreach (var part in parts)
            {
                var values = new object[reader.FieldCount];
                var rows = 0L;
                while (await reader.ReadAsync(ct))
                {
                    reader.GetValues(values);
                    rows++;
                    if (part is Part.Ids or Part.IdsAndRows)
                    {
                        ids.Add((Guid)values[0]);
                    }
                    else if (part is Part.Count)
                    {
                        counts.Add((long)values[0]);
                    }
                    else if (part is Part.Columns)
                    {
                        counts.AddRange(values.Select(v => (long)v));
                    }
                }

                if (part is Part.Rows or Part.IdsAndRows)
                {
                    counts.Add(rows);
                }

                await reader.NextResultAsync(ct);
            }

            return new SqlRows(ids, counts);
        };
}
