using System.Collections.Immutable;
using System.Globalization;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Surveys;

/// <summary>
/// Elämäntilanteen kartoitus / kartläggning av livssituationen: the life-situation survey a Kela service advisor
/// or handler fills in with the client, usually during a phone call, in four fields (fyrfält): income, family,
/// health and functioning, and housing, plus the life events that prompted it.
/// Every answer is optional except <see cref="SurveyedOn"/>; <c>null</c> and <c>false</c> mean "not asked or not reported".
/// The <see cref="ConcernScreen"/> reads it to suggest referral grounds.
/// </summary>
/// <remarks>
/// The survey is special-category personal data (health, family, social assistance): never log it.
/// <see cref="ToString"/> shows only the date. The shape is plain (init properties, enums, bools, ints, a date,
/// a string and an immutable set of enums) so it can be stored as a JSON document; call <see cref="Validate"/> before storing.
/// </remarks>
public sealed record LifeSituationSurvey
{
    public const int NotesMaxLength = 4000;

    /// <summary>How old a survey may be before it should be refreshed, unless the caller says otherwise.</summary>
    public const int DefaultMaxAgeMonths = 6;

    /// <summary>The largest age limit <see cref="IsStale"/> accepts (100 years).</summary>
    public const int MaxAgeMonthsLimit = 1200;

    private readonly IncomeAnswers _income = new();
    private readonly FamilyAnswers _family = new();
    private readonly HealthAnswers _health = new();
    private readonly HousingAnswers _housing = new();
    private readonly LifeEventSet _lifeEvents = LifeEventSet.Empty;

    /// <summary>The day the survey was carried out (kartoituspäivä / datum för kartläggningen). Required.</summary>
    public DateOnly SurveyedOn { get; init; }

    /// <summary>
    /// The handler's free notes, at most <see cref="NotesMaxLength"/> characters.
    /// Personal data, and often special-category data: never log it, and never copy it into a referral without the client's consent.
    /// </summary>
    public string? Notes { get; init; }

    /// <summary>Toimeentulo / utkomst. Never null: null is read as "no answers".</summary>
    public IncomeAnswers Income
    {
        get => _income;
        init => _income = value ?? new();
    }

    /// <summary>Perhe / familj. Never null: null is read as "no answers".</summary>
    public FamilyAnswers Family
    {
        get => _family;
        init => _family = value ?? new();
    }

    /// <summary>Terveys ja toimintakyky / hälsa och funktionsförmåga. Never null: null is read as "no answers".</summary>
    public HealthAnswers Health
    {
        get => _health;
        init => _health = value ?? new();
    }

    /// <summary>Asuminen / boende. Never null: null is read as "no answers".</summary>
    public HousingAnswers Housing
    {
        get => _housing;
        init => _housing = value ?? new();
    }

    /// <summary>
    /// The life events (elämäntapahtumat / livshändelser) behind the survey, in the order of the enum's values.
    /// Never null: null is read as "none". An immutable set, so it serialises as a JSON array and reads back;
    /// two surveys with the same events are equal.
    /// </summary>
    public ImmutableSortedSet<LifeEvent> LifeEvents
    {
        get => _lifeEvents.Items;
        init => _lifeEvents = LifeEventSet.Of(value);
    }

    /// <summary>
    /// An immigrant who has moved to Finland (maahanmuuttaja / invandrare); with <see cref="IncomeAnswers.MonthsOnAssistance"/>
    /// it decides the Integration Act ground.
    /// </summary>
    public bool IsImmigrant { get; init; }

    /// <summary>
    /// The client asks for a service-need assessment (pyytää palvelutarpeen arviointia / begär bedömning av servicebehov),
    /// Social Welfare Act 35 §.
    /// </summary>
    public bool AsksForServiceNeedAssessment { get; init; }

    /// <summary>The names the errors put in <see cref="Error.Field"/>: the property path, as a form binds it.</summary>
    public static class Fields
    {
        public const string SurveyedOn = nameof(LifeSituationSurvey.SurveyedOn);
        public const string Notes = nameof(LifeSituationSurvey.Notes);
        public const string IncomeControl = nameof(Income) + "." + nameof(IncomeAnswers.Control);
        public const string MonthsOnAssistance = nameof(Income) + "." + nameof(IncomeAnswers.MonthsOnAssistance);
        public const string ChildrenInHousehold = nameof(Family) + "." + nameof(FamilyAnswers.ChildrenInHousehold);
        public const string EverydayCoping = nameof(Health) + "." + nameof(HealthAnswers.EverydayCoping);
        public const string HousingSituation = nameof(Housing) + "." + nameof(HousingAnswers.Situation);
        public const string LifeEvents = nameof(LifeSituationSurvey.LifeEvents);
    }

    public static class Errors
    {
        public static ValidationError DateRequired => new("Survey.DateRequired") { Field = Fields.SurveyedOn };
        public static ValidationError DateInFuture => new("Survey.DateInFuture") { Field = Fields.SurveyedOn };
        public static ValidationError NotesTooLong => new("Survey.NotesTooLong") { Field = Fields.Notes };
        public static ValidationError MonthsOnAssistanceOutOfRange => new("Survey.MonthsOnAssistanceOutOfRange") { Field = Fields.MonthsOnAssistance };
        public static ValidationError ChildrenInHouseholdOutOfRange => new("Survey.ChildrenInHouseholdOutOfRange") { Field = Fields.ChildrenInHousehold };

        /// <summary>A choice that is not one of the enum's named values (a tampered or outdated document).</summary>
        public static ValidationError UnknownChoice(string field) => new("Survey.UnknownChoice") { Field = field };
    }

    /// <summary>
    /// Checks the survey before it is stored and returns every error found, each naming its field,
    /// so a form can show them all at once. <paramref name="today"/> is the handler's current date.
    /// </summary>
    public Result Validate(DateOnly today)
    {
        var errors = new List<Error>();
        if (SurveyedOn == default)
        {
            errors.Add(Errors.DateRequired);
        }
        else if (SurveyedOn > today)
        {
            errors.Add(Errors.DateInFuture);
        }
        else
        {
            errors.AddRange(EnteredDate.Check(SurveyedOn, today, Fields.SurveyedOn).Errors);
        }

        if (Notes is not null && Notes.Trim().Length > NotesMaxLength)
        {
            errors.Add(Errors.NotesTooLong);
        }

        if (Income.MonthsOnAssistance is < 0 or > IncomeAnswers.MaxMonthsOnAssistance)
        {
            errors.Add(Errors.MonthsOnAssistanceOutOfRange);
        }

        if (Family.ChildrenInHousehold is < 0 or > FamilyAnswers.MaxChildrenInHousehold)
        {
            errors.Add(Errors.ChildrenInHouseholdOutOfRange);
        }

        AddIfUnknown(errors, Income.Control, Fields.IncomeControl);
        AddIfUnknown(errors, Health.EverydayCoping, Fields.EverydayCoping);
        AddIfUnknown(errors, Housing.Situation, Fields.HousingSituation);
        if (LifeEvents.Any(lifeEvent => !Enum.IsDefined(lifeEvent)))
        {
            errors.Add(Errors.UnknownChoice(Fields.LifeEvents));
        }

        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    /// <summary>
    /// Whether the survey is older than <paramref name="maxAgeMonths"/> calendar months on <paramref name="today"/>,
    /// so it should be checked and refreshed when the case is opened (the seeds: "an earlier survey is checked for being current").
    /// A survey exactly <paramref name="maxAgeMonths"/> months old is still current; one day more and it is stale.
    /// Months are added as <see cref="DateOnly.AddMonths"/> does: a survey of 31 August is current until the end of February.
    /// </summary>
    public bool IsStale(DateOnly today, int maxAgeMonths = DefaultMaxAgeMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAgeMonths);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxAgeMonths, MaxAgeMonthsLimit);
        return SurveyedOn <= DateOnly.MaxValue.AddMonths(-maxAgeMonths) && today > SurveyedOn.AddMonths(maxAgeMonths);
    }

    /// <summary>Only the date: the answers and the notes are personal data and must not reach a log.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{nameof(LifeSituationSurvey)} {{ {nameof(SurveyedOn)} = {SurveyedOn:yyyy-MM-dd} }}");

    private static void AddIfUnknown<TEnum>(List<Error> errors, TEnum? value, string field)
        where TEnum : struct, Enum
    {
        if (value is { } choice && !Enum.IsDefined(choice))
        {
            errors.Add(Errors.UnknownChoice(field));
        }
    }

    /// <summary>Holds the life events so the record's generated equality compares them as a set, not by reference.</summary>
    private sealed class LifeEventSet(ImmutableSortedSet<LifeEvent> items) : IEquatable<LifeEventSet>
    {
        public static LifeEventSet Empty { get; } = new([]);

        public ImmutableSortedSet<LifeEvent> Items { get; } = items;

        public static LifeEventSet Of(ImmutableSortedSet<LifeEvent>? events) =>
            events is null || events.IsEmpty ? Empty : new LifeEventSet(events.WithComparer(null));

        public bool Equals(LifeEventSet? other) => other is not null && Items.SetEquals(other.Items);

        public override bool Equals(object? obj) => Equals(obj as LifeEventSet);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var item in Items)
            {
                hash.Add(item);
            }

            return hash.ToHashCode();
        }
    }
}
