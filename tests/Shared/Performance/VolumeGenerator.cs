using CooperationModel.Application.Common;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>A member of staff the generated data names: a Kela handler or a social worker.</summary>
internal sealed record StaffMember(Guid Id, Guid OrganisationId, string Name);

/// <summary>
/// Generates one client case at a time, with its referrals and everything that hangs off them, as rows for
/// <see cref="VolumeTables"/>. Deterministic for a seed. Each referral follows a planned life (received, accepted,
/// assessed, completed; or returned) and its status is wherever that life has got to by <c>now</c>, so old referrals
/// are mostly completed and recent ones open, as in a live system.
/// </summary>
internal sealed class VolumeGenerator
{
    private static readonly string[] FirstNames =
    [
        "Aino", "Aleksi", "Anna", "Antti", "Eero", "Elina", "Emilia", "Emma", "Helmi", "Hanna", "Ilkka", "Jari", "Johanna",
        "Juha", "Jukka", "Kaisa", "Kalle", "Katja", "Lauri", "Leena", "Liisa", "Maija", "Marja", "Markku", "Matti", "Mikko",
        "Minna", "Niina", "Oona", "Onni", "Pekka", "Petra", "Riikka", "Sanna", "Sari", "Timo", "Tuula", "Veera", "Ville", "Väinö",
    ];

    private static readonly string[] LastNames =
    [
        "Aalto", "Heikkilä", "Heinonen", "Hämäläinen", "Järvinen", "Karjalainen", "Kinnunen", "Koivisto", "Korhonen", "Koskinen",
        "Laaksonen", "Lahtinen", "Laine", "Lehtonen", "Leinonen", "Mäkelä", "Mäkinen", "Nieminen", "Niemi", "Ojala", "Rantanen",
        "Saarinen", "Salminen", "Salonen", "Tuominen", "Turunen", "Virtanen", "Lindholm", "Nyström", "Sjöberg",
    ];

    private static readonly string[] Descriptions =
    [
        "Asiakas kertoo, ettei selviä arjesta ilman tukea.",
        "Vuokrarästejä ja häätöuhka; asiakas toivoo yhteydenottoa.",
        "Pitkä työttömyys, asiakas haluaa apua aktivointisuunnitelmaan.",
        "Asiakas on muuttanut paikkakunnalle äskettäin eikä tunne palveluita.",
    ];

    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private const string DescriptionNote = "Lisätiedot sovittu puhelimessa.";

    private readonly VolumeOptions _options;
    private readonly VolumeTables _tables;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _start;
    private readonly IReadOnlyList<Municipality> _municipalities;
    private readonly IReadOnlyDictionary<string, StaffMember[]> _handlers;
    private readonly IReadOnlyDictionary<string, StaffMember[]> _workers;
    private readonly Dictionary<(DateOnly, int), DateOnly> _workingDays = [];
    private readonly int _cases;
    private int _case;

    public VolumeGenerator(
        VolumeOptions options,
        VolumeTables tables,
        DateTimeOffset now,
        IReadOnlyDictionary<string, StaffMember[]> handlersByDistrict,
        IReadOnlyDictionary<string, StaffMember[]> workersByOrganiser)
    {
        _options = options;
        _tables = tables;
        _random = new Random(options.Seed);
        _now = now;
        _start = now.AddYears(-options.Years);
        _municipalities = ReferenceCatalog.Instance.Municipalities;
        _handlers = handlersByDistrict;
        _workers = workersByOrganiser;
        // Cases it takes for the referrals wanted: some cases have none, some two.
        _cases = (int)Math.Round(options.Referrals / ((1 - options.CasesWithoutReferral) * (1 + options.RepeatReferrals)));
    }

    public int ReferralsWritten { get; private set; }

    /// <summary>Staff for every district and organiser, as user rows; the demo users are added to their own organisation.</summary>
    public static (Dictionary<string, StaffMember[]> Handlers, Dictionary<string, StaffMember[]> Workers) Staff(
        VolumeOptions options, VolumeTables tables, IReadOnlyDictionary<Guid, List<StaffMember>> demoStaff)
    {
        var random = new Random(options.Seed + 1);
        var catalog = ReferenceCatalog.Instance;
        StaffMember[] Create(OrganisationKind kind, string code, UserRole role, int count)
        {
            var organisationId = Organisation.IdFor(kind, code);
            var members = new List<StaffMember>(demoStaff.GetValueOrDefault(organisationId) ?? []);
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
                var email = $"{role.ToString().ToLowerInvariant()}.{code}.{i + 1}@volume.test";
                tables.Users.Add(
                    id, organisationId, role.ToString(), name, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true,
                    Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), false, false, true, 0);
                members.Add(new StaffMember(id, organisationId, name));
            }

            return [.. members];
        }

        var handlers = catalog.KelaDistricts.ToDictionary(
            d => d.Code, d => Create(OrganisationKind.KelaDistrict, d.Code, UserRole.KelaHandler, options.HandlersPerDistrict));
        var workers = catalog.Organisers.ToDictionary(
            o => o.Code, o => Create(OrganisationKind.SocialServicesOrganiser, o.Code, UserRole.SocialWorker, options.WorkersPerOrganiser));
        return (handlers, workers);
    }

    /// <summary>
    /// Writes the next case with its referrals (if any); false when all are written. Cases come in time order, one in
    /// each equal slice of the years, so rows land in the tables roughly as a live system appends them.
    /// </summary>
    public bool Next()
    {
        if (_case >= _cases)
        {
            return false;
        }

        var slice = (_now - _start).Ticks / (double)_cases;
        var anchor = Micro(_start + TimeSpan.FromTicks((long)((_case + _random.NextDouble()) * slice)));
        _case++;
        var municipality = _municipalities[_random.Next(_municipalities.Count)];
        if (Chance(_options.CasesWithoutReferral))
        {
            CaseWithoutReferral(municipality, anchor);
        }
        else
        {
            ReferredCase(municipality, anchor, Chance(_options.RepeatReferrals) ? 2 : 1);
        }

        return true;
    }

    private void CaseWithoutReferral(Municipality municipality, DateTimeOffset openedAt)
    {
        var handlers = _handlers[municipality.KelaDistrictCode];
        var client = NewClient();
        var opener = Pick(handlers);
        var life = new CaseLife(this, municipality, client, opener, openedAt);

        // One in ten goes no further than opening (and perhaps guidance); the rest apply, are queued, taken and
        // decided as far as time allows by now.
        if (Chance(0.3))
        {
            life.Guidance(openedAt.AddMinutes(5));
        }

        if (Chance(0.1))
        {
            life.Write();
            return;
        }

        var urgent = Chance(0.08);
        var applicationAt = After(openedAt, 0, 2);
        if (applicationAt <= _now)
        {
            life.Application(applicationAt, urgent);
            var queuedAt = applicationAt.AddHours(_random.Next(1, 8));
            if (queuedAt <= _now)
            {
                life.Queued(queuedAt, urgent);
                var takenAt = After(queuedAt, 0, urgent ? 1 : 6);
                if (takenAt <= _now)
                {
                    life.Taken(takenAt, Pick(handlers));
                    var decidedAt = After(takenAt, 0, 3);
                    if (decidedAt <= _now)
                    {
                        life.Decided(decidedAt);
                    }
                }
            }
        }

        life.Write();
    }

    /// <summary>
    /// A case that leads to referrals: the first is sent at the case's slot in time, and the case's steps (opened,
    /// application, queue, taken, decided) are laid out before it.
    /// </summary>
    private void ReferredCase(Municipality municipality, DateTimeOffset sentAt, int referrals)
    {
        var handlers = _handlers[municipality.KelaDistrictCode];
        var client = NewClient();
        var decidedAt = Before(sentAt, 0, 2);
        var takenAt = Before(decidedAt, 0, 3);
        var urgent = Chance(0.08);
        var queuedAt = Before(takenAt, 0, urgent ? 1 : 6);
        var applicationAt = queuedAt.AddHours(-_random.Next(1, 8));
        var openedAt = Before(applicationAt, 0, 2);
        var handler = Pick(handlers);
        var life = new CaseLife(this, municipality, client, Pick(handlers), openedAt);
        if (Chance(0.3))
        {
            life.Guidance(openedAt.AddMinutes(5));
        }

        life.Application(applicationAt, urgent);
        life.Queued(queuedAt, urgent);
        life.Taken(takenAt, handler);
        life.Decided(decidedAt);

        var first = Referral(life, handler, sentAt);
        life.ReferralSent(sentAt, handler, first.Ground);
        var closedAt = first.ClosedAt;
        if (referrals == 2 && Happened(After(closedAt, 5, 60)) is { } secondAt)
        {
            var second = Referral(life, handler, secondAt);
            life.ReferralSent(secondAt, handler, second.Ground);
            closedAt = second.ClosedAt;
        }

        if (Happened(After(closedAt, 0, 5)) is { } cooperationAt && Chance(0.3))
        {
            life.Cooperation(cooperationAt, handler);
        }

        life.Write();
    }

    private sealed record SentReferral(ReferralGround Ground, DateTimeOffset? ClosedAt);

    private SentReferral Referral(CaseLife life, StaffMember sender, DateTimeOffset sentAt)
    {
        ReferralsWritten++;
        var id = Guid.CreateVersion7(sentAt);
        var senderId = sender.OrganisationId;
        var receiverId = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, life.Municipality.OrganiserCode);
        var ground = Ground();
        var urgent = ground.KindOf() == ReferralKind.ApplicationTransfer && Chance(0.2);
        var sentOn = Day(sentAt);
        var respondBy = urgent ? FinnishCalendar.NextWorkingDayOnOrAfter(sentOn) : WorkingDaysAfter(sentOn, ReferralDeadlinePolicy.DefaultWorkingDays);

        var consent = Chance(0.7);
        var coversDescription = consent && Chance(0.8);
        var coversFeedback = consent && Chance(0.6);
        var description = coversDescription ? Descriptions[_random.Next(Descriptions.Length)] : null;

        // The planned life; only what has happened by now is written.
        var worker = Pick(_workers[life.Municipality.OrganiserCode]);
        var receivedAt = Happened(After(sentAt, 0.05, 3));
        var returned = Chance(0.1);
        var acceptedAt = returned ? null : Happened(After(receivedAt, 0, 5));
        var assessingAt = Happened(After(acceptedAt, 1, 10));
        var completedAt = Happened(After(assessingAt, 3, 40));
        var returnedAt = returned ? Happened(After(receivedAt, 0.5, 10)) : null;
        var status = returnedAt is not null ? ReferralStatus.Returned
            : completedAt is not null ? ReferralStatus.Completed
            : assessingAt is not null ? ReferralStatus.InAssessment
            : acceptedAt is not null ? ReferralStatus.Accepted
            : receivedAt is not null ? ReferralStatus.Received
            : ReferralStatus.Sent;
        ReferralOutcome? outcome = completedAt is null ? null : Weighted(
            (ReferralOutcome.AssessmentDone, 60), (ReferralOutcome.NoNeedFound, 15), (ReferralOutcome.ClientNotReached, 15), (ReferralOutcome.ClientDeclined, 10));
        var plan = outcome == ReferralOutcome.AssessmentDone ? ground.ExpectedPlanOf() : null;
        ReturnReason? returnReason = returnedAt is null ? null : Weighted(
            (ReturnReason.NotReached, 35), (ReturnReason.Declined, 20), (ReturnReason.NoNeed, 25), (ReturnReason.ReferredElsewhere, 15), (ReturnReason.NoCapacity, 5));
        var closedAt = completedAt ?? returnedAt;
        var closingNote = closedAt is not null && Chance(0.4) ? DescriptionNote : null;
        var hasWorker = acceptedAt is not null;

        _tables.Referrals.Add(
            id, life.CaseId, senderId, receiverId, ground.ToString(), urgent, respondBy, consent,
            consent ? sentOn.AddDays(-_random.Next(0, 5)) : null, consent ? Weighted((ConsentMethod.InPerson, 50), (ConsentMethod.Phone, 40), (ConsentMethod.Writing, 10)).ToString() : null,
            consent ? sender.Id : null, consent ? sender.Name : null, coversDescription, coversFeedback, description,
            life.Client.Name, life.Client.IdentityCode, life.Municipality.Code, status.ToString(), sentAt, sender.Id, sender.Name,
            receivedAt, hasWorker ? worker.Id : null, hasWorker ? worker.Name : null, acceptedAt,
            outcome?.ToString(), plan?.ToString(), completedAt, returnReason?.ToString(), returnedAt, closingNote,
            life.ClientKey);

        var events = new List<(DateTimeOffset At, StaffMember Actor, ReferralEventKind Kind, string Status, string? Detail)>
        {
            (sentAt, sender, ReferralEventKind.Sent, nameof(ReferralStatus.Sent), ground.ToString()),
        };
        Add(events, receivedAt, worker, ReferralEventKind.Received, ReferralStatus.Received, null);
        Add(events, acceptedAt, worker, ReferralEventKind.Accepted, ReferralStatus.Accepted, null);
        Add(events, assessingAt, worker, ReferralEventKind.AssessmentStarted, ReferralStatus.InAssessment, null);
        Add(events, completedAt, worker, ReferralEventKind.Completed, ReferralStatus.Completed, plan is { } made ? $"{outcome}.{made}" : outcome?.ToString());
        Add(events, returnedAt, worker, ReferralEventKind.Returned, ReferralStatus.Returned, returnReason?.ToString());

        Disclose(id, sentAt, sender, receiverId,
            DisclosedData.ClientIdentity | DisclosedData.Ground | (description is null ? DisclosedData.None : DisclosedData.SituationDescription),
            consent ? LegalBasis.ClientConsent : ground.LegalBasisOf());
        Notify(receiverId, null, NotificationKind.NewReferral, id, sentAt, receivedAt);
        if (closedAt is { } closed)
        {
            var what = !coversFeedback ? DisclosedData.StatusOnly
                : DisclosedData.Outcome | (plan is null ? DisclosedData.None : DisclosedData.Plan) | (closingNote is null ? DisclosedData.None : DisclosedData.ClosingNote);
            Disclose(id, closed, worker, senderId, what, coversFeedback ? LegalBasis.ClientConsent : ground.LegalBasisOf());
            Notify(senderId, sender.Id, NotificationKind.Feedback, id, closed, Happened(After(closed, 0.1, 3)));
        }

        if (acceptedAt is { } accepted && Chance(_options.Forwarded))
        {
            Forward(id, life, worker, accepted, coversDescription, consent, events);
        }

        if (receivedAt is { } received && Chance(_options.WithMessages))
        {
            Thread(id, sender, worker, receiverId, received);
        }

        var sequence = 0;
        foreach (var e in events.OrderBy(e => e.At))
        {
            _tables.ReferralEvents.Add(
                Guid.CreateVersion7(e.At), id, ++sequence, e.At, e.Actor.Id, e.Actor.Name, e.Actor.OrganisationId, e.Kind.ToString(), e.Status, e.Detail);
            if (_options.AccessLog)
            {
                Log(e.At, e.Actor, e.Actor.OrganisationId == senderId ? UserRole.KelaHandler : UserRole.SocialWorker, life.ClientKey,
                    AccessRecordType.Referral, id, e.Kind == ReferralEventKind.Sent ? AccessAction.Create : AccessAction.Change);
            }
        }

        if (_options.AccessLog)
        {
            // Views and list rows over the referral's open life (and a little after), by the receiver mostly.
            var until = closedAt ?? _now;
            for (var i = 0; i < _options.AccessLogViewsPerReferral; i++)
            {
                var byReceiver = Chance(0.7);
                var at = Micro(sentAt + TimeSpan.FromTicks((long)(_random.NextDouble() * Math.Max(1, (until - sentAt).Ticks))));
                Log(at, byReceiver ? worker : sender, byReceiver ? UserRole.SocialWorker : UserRole.KelaHandler, life.ClientKey,
                    AccessRecordType.Referral, id, Chance(0.6) ? AccessAction.List : AccessAction.View);
            }
        }

        return new SentReferral(ground, closedAt);
    }

    private void Forward(
        Guid referralId,
        CaseLife life,
        StaffMember worker,
        DateTimeOffset accepted,
        bool note,
        bool consent,
        List<(DateTimeOffset At, StaffMember Actor, ReferralEventKind Kind, string Status, string? Detail)> events)
    {
        if (Happened(After(accepted, 0.5, 5)) is not { } forwardedAt)
        {
            return;
        }

        var target = Chance(0.65) ? ForwardTarget.HealthCare : ForwardTarget.OutreachYouthWork;
        var partnerId = target == ForwardTarget.HealthCare
            ? Organisation.IdFor(OrganisationKind.HealthCare, life.Municipality.OrganiserCode)
            : Organisation.IdFor(OrganisationKind.OutreachYouthWork, life.Municipality.Code);
        var partner = new StaffMember(Guid.CreateVersion7(forwardedAt), partnerId, $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}");
        var receivedAt = Happened(After(forwardedAt, 0.05, 2));
        var returned = Chance(0.1);
        var acceptedAt = returned ? null : Happened(After(receivedAt, 0, 3));
        var closedAt = Happened(After(returned ? receivedAt : acceptedAt, 3, 30));
        var status = closedAt is not null ? (returned ? ReferralStatus.Returned : ReferralStatus.Completed)
            : acceptedAt is not null ? ReferralStatus.Accepted
            : receivedAt is not null ? ReferralStatus.Received
            : ReferralStatus.Sent;

        var hasWorker = acceptedAt is not null;
        _tables.Forwards.Add(
            Guid.CreateVersion7(forwardedAt), referralId, target.ToString(), worker.OrganisationId, partnerId, forwardedAt, worker.Id, worker.Name,
            note ? DescriptionNote : null, status.ToString(), receivedAt, hasWorker ? partner.Id : null, hasWorker ? partner.Name : null, acceptedAt,
            closedAt, closedAt is not null && returned ? nameof(ReturnReason.NoNeed) : null, null);

        events.Add((forwardedAt, worker, ReferralEventKind.Forwarded, nameof(ReferralStatus.InAssessment), target.ToString()));
        Add(events, receivedAt, partner, ReferralEventKind.ForwardReceived, ReferralStatus.Received, target.ToString());
        Add(events, acceptedAt, partner, ReferralEventKind.ForwardAccepted, ReferralStatus.Accepted, target.ToString());
        Add(events, closedAt, partner, returned ? ReferralEventKind.ForwardReturned : ReferralEventKind.ForwardCompleted,
            returned ? ReferralStatus.Returned : ReferralStatus.Completed, returned ? nameof(ReturnReason.NoNeed) : target.ToString());

        Disclose(referralId, forwardedAt, worker, partnerId,
            DisclosedData.ClientIdentity | DisclosedData.Ground | (note ? DisclosedData.ForwardNote : DisclosedData.None),
            consent ? LegalBasis.ClientConsent : LegalBasis.SocialWelfareAct41);
        Notify(partnerId, null, NotificationKind.Forwarded, referralId, forwardedAt, receivedAt);
    }

    /// <summary>A thread of one to four messages between the sender and the receiver, every other one each way.</summary>
    private void Thread(Guid referralId, StaffMember sender, StaffMember worker, Guid receiverId, DateTimeOffset received)
    {
        var fromKela = Chance(0.5);
        var at = received;
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            if (Happened(After(at, 0.1, 5)) is not { } sentAt)
            {
                return;
            }

            at = sentAt;
            var (from, to) = fromKela ? (sender, worker) : (worker, sender);
            var toOrganisation = fromKela ? receiverId : sender.OrganisationId;
            var readAt = Happened(After(sentAt, 0.05, 2));
            _tables.Messages.Add(
                Guid.CreateVersion7(sentAt), referralId, from.OrganisationId, toOrganisation, from.Id, from.Name, sentAt,
                "Voisitteko kertoa, onko asiakkaaseen saatu yhteys?", readAt, readAt is null ? null : to.Name);
            Disclose(referralId, sentAt, from, toOrganisation, DisclosedData.Message, LegalBasis.ClientConsent);
            Notify(toOrganisation, to.Id, NotificationKind.NewMessage, referralId, sentAt, readAt);
            fromKela = !fromKela;
        }
    }

    private void Log(DateTimeOffset at, StaffMember by, UserRole role, string clientKey, AccessRecordType type, Guid recordId, AccessAction action) =>
        _tables.AccessLog.Add(
            at, by.OrganisationId, by.Id, by.Name, role.ToString(), clientKey, type.ToString(), recordId, null, action.ToString(),
            nameof(AccessResult.Allowed), nameof(AccessPurpose.ClientRelationship), null);

    private void Disclose(Guid referralId, DateTimeOffset at, StaffMember by, Guid to, DisclosedData what, LegalBasis basis) =>
        _tables.Disclosures.Add(Guid.CreateVersion7(at), referralId, at, by.OrganisationId, to, by.Id, by.Name, (int)what, basis.ToString());

    private void Notify(Guid organisationId, Guid? userId, NotificationKind kind, Guid referralId, DateTimeOffset at, DateTimeOffset? readAt) =>
        _tables.Notifications.Add(Guid.CreateVersion7(at), organisationId, userId, kind.ToString(), referralId, at, readAt);

    private static void Add(
        List<(DateTimeOffset At, StaffMember Actor, ReferralEventKind Kind, string Status, string? Detail)> events,
        DateTimeOffset? at,
        StaffMember actor,
        ReferralEventKind kind,
        ReferralStatus status,
        string? detail)
    {
        if (at is { } when)
        {
            events.Add((when, actor, kind, status.ToString(), detail));
        }
    }

    private ReferralGround Ground() => Weighted(
        (ReferralGround.ObviousNeedForSocialCare, 25), (ReferralGround.ClientRequestsAssessment, 15), (ReferralGround.UnemployedUnder25FourMonths, 15),
        (ReferralGround.Unemployed25OrOverTwelveMonths, 15), (ReferralGround.BasicAmountReduced, 10), (ReferralGround.ImmigrantOverTwoMonths, 8),
        (ReferralGround.SupplementaryAssistanceApplication, 8), (ReferralGround.PreventiveAssistanceApplication, 4));

    private (string Name, string IdentityCode) NewClient()
    {
        var name = $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";
        var born = new DateOnly(1950, 1, 1).AddDays(_random.Next(0, 365 * 56));
        // Temporary individual numbers (900–999): valid codes that belong to nobody.
        var individual = _random.Next(900, 1000);
        var date = born.ToString("ddMMyy", System.Globalization.CultureInfo.InvariantCulture);
        var number = (date[0] - '0') * 100_000_000 + (date[1] - '0') * 10_000_000 + (date[2] - '0') * 1_000_000 + (date[3] - '0') * 100_000
            + (date[4] - '0') * 10_000 + (date[5] - '0') * 1_000 + individual;
        var sign = born.Year >= 2000 ? 'A' : '-';
        return (name, $"{date}{sign}{individual:000}{CheckCharacters[number % 31]}");
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private T Weighted<T>(params (T Value, int Weight)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private DateTimeOffset After(DateTimeOffset from, double minDays, double maxDays) =>
        Micro(from + TimeSpan.FromDays(minDays + _random.NextDouble() * (maxDays - minDays)));

    private DateTimeOffset? After(DateTimeOffset? from, double minDays, double maxDays) =>
        from is { } start ? After(start, minDays, maxDays) : null;

    private DateTimeOffset Before(DateTimeOffset from, double minDays, double maxDays) =>
        Micro(from - TimeSpan.FromDays(minDays + _random.NextDouble() * (maxDays - minDays)));

    private DateTimeOffset? Happened(DateTimeOffset? at) => at <= _now ? at : null;

    private static DateTimeOffset Micro(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(FinnishTime.ToFinnish(at).DateTime);

    private DateOnly WorkingDaysAfter(DateOnly day, int workingDays)
    {
        if (!_workingDays.TryGetValue((day, workingDays), out var result))
        {
            result = FinnishCalendar.AddWorkingDays(day, workingDays);
            _workingDays[(day, workingDays)] = result;
        }

        return result;
    }

    /// <summary>One case's row and timeline, collected step by step and written at the end.</summary>
    private sealed class CaseLife(VolumeGenerator generator, Municipality municipality, (string Name, string IdentityCode) client, StaffMember opener, DateTimeOffset openedAt)
    {
        private readonly List<(DateTimeOffset At, StaffMember Actor, CaseEventKind Kind, CaseStage Stage, CaseStage? From, string? Detail)> _events =
            [(openedAt, opener, CaseEventKind.Opened, CaseStage.Guidance, null, null)];

        private CaseStage _stage = CaseStage.Guidance;
        private (ApplicationChannel Channel, DateOnly ReceivedOn, DateOnly CompleteOn, bool Urgent)? _application;
        private ProcessingQueue? _queue;
        private DateTimeOffset? _queuedAt;
        private StaffMember? _handler;
        private DateOnly? _dueOn;
        private (DecisionOutcome Outcome, DateOnly On)? _decision;
        private string? _clientKey;

        public Guid CaseId { get; } = Guid.CreateVersion7(openedAt);

        public Municipality Municipality => municipality;

        /// <summary>The client's identity code hash (the lookup key in the tables and the access log), computed once.</summary>
        public string ClientKey => _clientKey ??= generator._tables.HashOf(client.IdentityCode);

        public (string Name, string IdentityCode) Client => client;

        private Guid OrganisationId => opener.OrganisationId;

        public void Guidance(DateTimeOffset at)
        {
            var channel = generator.Weighted((GuidanceChannel.KelaWebOrPhone, 50), (GuidanceChannel.KelaOffice, 20), (GuidanceChannel.ServicePoint, 15), (GuidanceChannel.SocialOffice, 15));
            generator._tables.GuidanceContacts.Add(
                Guid.CreateVersion7(at), CaseId, OrganisationId, at, channel.ToString(), generator.Chance(0.8), generator.Chance(0.7), opener.Id);
            _events.Add((at, opener, CaseEventKind.GuidanceRecorded, _stage, null, channel.ToString()));
        }

        public void Application(DateTimeOffset at, bool urgent)
        {
            var receivedOn = Day(at);
            var completeOn = generator.Chance(0.8) ? receivedOn : receivedOn.AddDays(generator._random.Next(1, 4));
            var channel = generator.Weighted((ApplicationChannel.OnlineAtHome, 70), (ApplicationChannel.GuidedOnline, 10), (ApplicationChannel.OralByPhone, 8), (ApplicationChannel.Paper, 12));
            _application = (channel, receivedOn, completeOn, urgent);
            _dueOn = urgent ? FinnishCalendar.NextWorkingDayOnOrAfter(receivedOn.AddDays(1)) : generator.WorkingDaysAfter(completeOn, 7);
            _events.Add((at, opener, CaseEventKind.ApplicationRecorded, CaseStage.Application, _stage, channel.ToString()));
            _stage = CaseStage.Application;
        }

        public void Queued(DateTimeOffset at, bool urgent)
        {
            _queue = urgent ? ProcessingQueue.Urgent : ProcessingQueue.Normal;
            _queuedAt = at;
            _events.Add((at, opener, CaseEventKind.Queued, CaseStage.Processing, _stage, _queue.ToString()));
            _stage = CaseStage.Processing;
        }

        public void Taken(DateTimeOffset at, StaffMember handler)
        {
            _handler = handler;
            _events.Add((at, handler, CaseEventKind.Taken, _stage, null, _queue?.ToString()));
        }

        public void Decided(DateTimeOffset at)
        {
            var outcome = generator.Weighted((DecisionOutcome.Granted, 65), (DecisionOutcome.PartlyGranted, 15), (DecisionOutcome.Refused, 17), (DecisionOutcome.LeftUnexamined, 3));
            _decision = (outcome, Day(at));
            _events.Add((at, _handler ?? opener, CaseEventKind.DecisionRecorded, CaseStage.Decision, _stage, outcome.ToString()));
            _stage = CaseStage.Decision;
        }

        public void ReferralSent(DateTimeOffset at, StaffMember handler, ReferralGround ground)
        {
            _events.Add((at, handler, CaseEventKind.ReferralSent, _stage, null, ground.ToString()));
            if (_stage == CaseStage.Decision)
            {
                _events.Add((at, handler, CaseEventKind.StageChanged, CaseStage.ReferralToSocialWork, _stage, null));
                _stage = CaseStage.ReferralToSocialWork;
            }
        }

        public void Cooperation(DateTimeOffset at, StaffMember handler)
        {
            _events.Add((at, handler, CaseEventKind.StageChanged, CaseStage.Cooperation, _stage, null));
            _stage = CaseStage.Cooperation;
        }

        public void Write()
        {
            var tables = generator._tables;
            var application = _application;
            tables.Cases.Add(
                CaseId, OrganisationId, client.Name, client.IdentityCode, municipality.Code, openedAt, opener.Id, _stage.ToString(),
                application?.Channel.ToString(), application?.ReceivedOn, application?.CompleteOn, application?.Urgent,
                _queue?.ToString(), _queuedAt, _handler?.Id, _handler?.Name, _queue == ProcessingQueue.Urgent && _handler is not null,
                _dueOn, _decision?.Outcome.ToString(), _decision?.On, _decision is null ? null : false, _decision is null ? null : generator.Chance(0.1),
                ClientKey);

            var sequence = 0;
            foreach (var e in _events.OrderBy(e => e.At))
            {
                tables.CaseEvents.Add(
                    Guid.CreateVersion7(e.At), CaseId, OrganisationId, e.At, ++sequence, e.Actor.Id, e.Actor.Name, e.Kind.ToString(),
                    e.Stage.ToString(), e.From?.ToString(), e.Detail);
                if (generator._options.AccessLog)
                {
                    // Each step is a save, and a save is one entry (AccessLogInterceptor): opening creates the case.
                    generator.Log(e.At, e.Actor, UserRole.KelaHandler, ClientKey, AccessRecordType.Case, CaseId,
                        e.Kind == CaseEventKind.Opened ? AccessAction.Create : AccessAction.Change);
                }
            }
        }
    }
}
