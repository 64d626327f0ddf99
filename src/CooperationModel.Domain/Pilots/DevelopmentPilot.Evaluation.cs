using System.Globalization;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Pilots;

/// <summary>
/// The evaluation of a pilot (arviointi): its aims turned into indicators, the findings, and the verdict. When each
/// part may be recorded is <see cref="PilotEvaluationRules"/>; the status stays a separate, reasoned step
/// (<see cref="ChangeStatus"/>), which the verdict only suggests.
/// </summary>
public sealed partial class DevelopmentPilot
{
    /// <summary>The bound of a short text: an indicator's name, baseline and result.</summary>
    public const int MaxShortTextLength = 200;

    private readonly List<PilotIndicator> _indicators = [];
    private readonly List<PilotEvaluationFinding> _findings = [];
    private readonly List<PilotVerdictRecord> _verdicts = [];

    public IReadOnlyList<PilotIndicator> Indicators => _indicators;

    public IReadOnlyList<PilotEvaluationFinding> Findings => _findings;

    /// <summary>Every verdict given, oldest first; the last one is the current one.</summary>
    public IReadOnlyList<PilotVerdictRecord> Verdicts => _verdicts;

    /// <summary>What may be recorded of the evaluation now (needs <see cref="StatusChanges"/> loaded).</summary>
    public PilotEvaluationAllowed EvaluationAllowed =>
        PilotEvaluationRules.For(Status, _statusChanges.Any(c => c.To == PilotStatus.UnderEvaluation));

    public static class EvaluationErrors
    {
        private static string Max(int length) => length.ToString(CultureInfo.InvariantCulture);

        public static ValidationError NameRequired => new("Pilot.IndicatorNameRequired") { Field = "IndicatorName" };

        public static ValidationError NameTooLong => new("Pilot.ShortTextTooLong") { Field = "IndicatorName", ArgumentKeys = [Max(MaxShortTextLength)] };

        public static ValidationError TargetRequired => new("Pilot.IndicatorTargetRequired") { Field = "IndicatorTarget" };

        public static ValidationError TargetTooLong => new("Pilot.TextTooLong") { Field = "IndicatorTarget", ArgumentKeys = [Max(MaxTextLength)] };

        public static ValidationError BaselineTooLong => new("Pilot.ShortTextTooLong") { Field = "IndicatorBaseline", ArgumentKeys = [Max(MaxShortTextLength)] };

        public static ValidationError ResultTooLong => new("Pilot.ShortTextTooLong") { Field = "IndicatorResult", ArgumentKeys = [Max(MaxShortTextLength)] };

        public static ValidationError FindingRequired => new("Pilot.TextRequired") { Field = "Finding" };

        public static ValidationError FindingTooLong => new("Pilot.TextTooLong") { Field = "Finding", ArgumentKeys = [Max(MaxTextLength)] };

        public static ValidationError VerdictRequired => new("Pilot.VerdictRequired") { Field = "Verdict" };

        public static ValidationError RationaleRequired => new("Pilot.RationaleRequired") { Field = "Rationale" };

        public static ValidationError RationaleTooLong => new("Pilot.TextTooLong") { Field = "Rationale", ArgumentKeys = [Max(MaxTextLength)] };

        public static NotFoundError IndicatorNotFound => new("Pilot.IndicatorNotFound");

        /// <summary>The part of the evaluation is not open in the pilot's status; the message names the status.</summary>
        public static InvalidTransitionError NotOpen(string part, PilotStatus status) =>
            new($"Pilot.{part}NotOpen") { ArgumentKeys = [$"PilotStatus.{status}"] };
    }

    /// <summary>Adds an indicator (an aim turned into something measurable).</summary>
    public Result<PilotIndicator> AddIndicator(string? name, string? target, string? baseline, string? result, Actor by, DateTimeOffset at)
    {
        if (!EvaluationAllowed.Indicators)
        {
            return EvaluationErrors.NotOpen("Indicators", Status);
        }

        var texts = CheckIndicator(name, target, baseline, result);
        if (!texts.TryGetValue(out var clean))
        {
            return Result<PilotIndicator>.Failure(texts.Errors);
        }

        var indicator = new PilotIndicator(Id, clean.Name, clean.Target, clean.Baseline, clean.Result, at, by.DisplayName);
        _indicators.Add(indicator);
        return indicator;
    }

    public Result EditIndicator(Guid indicatorId, string? name, string? target, string? baseline, string? result, Actor by, DateTimeOffset at)
    {
        if (!EvaluationAllowed.Indicators)
        {
            return EvaluationErrors.NotOpen("Indicators", Status);
        }

        var indicator = _indicators.SingleOrDefault(i => i.Id == indicatorId);
        if (indicator is null)
        {
            return EvaluationErrors.IndicatorNotFound;
        }

        var texts = CheckIndicator(name, target, baseline, result);
        if (!texts.TryGetValue(out var clean))
        {
            return Result.Failure(texts.Errors);
        }

        indicator.Change(clean.Name, clean.Target, clean.Baseline, clean.Result, at, by.DisplayName);
        return Result.Success();
    }

    /// <summary>Removes an indicator; the removed one is given back so that the store can delete it.</summary>
    public Result<PilotIndicator> RemoveIndicator(Guid indicatorId)
    {
        if (!EvaluationAllowed.Indicators)
        {
            return EvaluationErrors.NotOpen("Indicators", Status);
        }

        var indicator = _indicators.SingleOrDefault(i => i.Id == indicatorId);
        if (indicator is null)
        {
            return EvaluationErrors.IndicatorNotFound;
        }

        _indicators.Remove(indicator);
        return indicator;
    }

    /// <summary>A finding of the evaluation (havainto), dated and signed.</summary>
    public Result<PilotEvaluationFinding> AddFinding(string? text, Actor by, DateTimeOffset at)
    {
        if (!EvaluationAllowed.Findings)
        {
            return EvaluationErrors.NotOpen("Findings", Status);
        }

        var checkedText = CheckText(text, EvaluationErrors.FindingRequired, EvaluationErrors.FindingTooLong, "Finding");
        if (!checkedText.TryGetValue(out var clean))
        {
            return Result<PilotEvaluationFinding>.Failure(checkedText.Errors);
        }

        var finding = new PilotEvaluationFinding(Id, clean, at, by.UserId, by.DisplayName);
        _findings.Add(finding);
        return finding;
    }

    /// <summary>
    /// The verdict (johtopäätös) with its rationale. Only while under evaluation; given again in the same round, the
    /// newer one counts and the older stays in the record. The status does not change: the verdict suggests it.
    /// </summary>
    public Result<PilotVerdictRecord> GiveVerdict(PilotVerdict? verdict, string? rationale, Actor by, DateTimeOffset at)
    {
        if (!EvaluationAllowed.Verdict)
        {
            return EvaluationErrors.NotOpen("Verdict", Status);
        }

        var errors = new List<Error>();
        if (verdict is not { } given || !Enum.IsDefined(given))
        {
            errors.Add(EvaluationErrors.VerdictRequired);
        }

        var checkedText = CheckText(rationale, EvaluationErrors.RationaleRequired, EvaluationErrors.RationaleTooLong, "Rationale");
        errors.AddRange(checkedText.Errors);
        if (errors.Count > 0)
        {
            return Result<PilotVerdictRecord>.Failure(errors);
        }

        var record = new PilotVerdictRecord(Id, verdict!.Value, checkedText.Value, at, by.UserId, by.DisplayName);
        _verdicts.Add(record);
        return record;
    }

    private static Result<(string Name, string Target, string? Baseline, string? Result)> CheckIndicator(
        string? name, string? target, string? baseline, string? result)
    {
        var checkedName = CheckText(name, EvaluationErrors.NameRequired, EvaluationErrors.NameTooLong, "IndicatorName", MaxShortTextLength);
        var checkedTarget = CheckText(target, EvaluationErrors.TargetRequired, EvaluationErrors.TargetTooLong, "IndicatorTarget");
        var checkedBaseline = CheckOptional(baseline, EvaluationErrors.BaselineTooLong, "IndicatorBaseline");
        var checkedResult = CheckOptional(result, EvaluationErrors.ResultTooLong, "IndicatorResult");
        Result[] all = [checkedName, checkedTarget, checkedBaseline, checkedResult];
        var errors = all.SelectMany(r => r.Errors).ToList();
        return errors.Count > 0
            ? Result<(string, string, string?, string?)>.Failure(errors)
            : (checkedName.Value, checkedTarget.Value, checkedBaseline.Value, checkedResult.Value);
    }

    /// <summary>An optional short text: empty is none; otherwise the rule of <see cref="CheckText"/>.</summary>
    private static Result<string?> CheckOptional(string? text, ValidationError tooLong, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<string?>.Success(null);
        }

        var checkedText = CheckText(text, tooLong, tooLong, field, MaxShortTextLength);
        return checkedText.TryGetValue(out var clean) ? clean : Result<string?>.Failure(checkedText.Errors);
    }
}

/// <summary>The verdict of an evaluation (johtopäätös / slutsats). Each suggests the pilot's next status.</summary>
public enum PilotVerdict
{
    /// <summary>Adopt into the model (otetaan malliin): suggests <see cref="PilotStatus.AdoptedIntoModel"/>.</summary>
    AdoptIntoModel = 1,
    /// <summary>Continue as it is (jatketaan): suggests <see cref="PilotStatus.Continued"/>.</summary>
    Continue = 2,
    /// <summary>Continue, changed (jatketaan muutettuna): suggests <see cref="PilotStatus.Continued"/>.</summary>
    Change = 3,
    /// <summary>End it (lopetetaan): suggests <see cref="PilotStatus.Ended"/>.</summary>
    End = 4,
}

/// <summary>What of the evaluation may be recorded now.</summary>
/// <param name="Indicators">Indicators may be added, edited and removed.</param>
/// <param name="Findings">Findings may be added.</param>
/// <param name="Verdict">A verdict may be given.</param>
public sealed record PilotEvaluationAllowed(bool Indicators, bool Findings, bool Verdict)
{
    public bool Any => Indicators || Findings || Verdict;
}

/// <summary>
/// When a pilot's evaluation may be recorded, and what a verdict suggests. Indicators: from planned on, while the pilot
/// is not final (planned, running, under evaluation, continued); a pilot still an idea has no agreed aims, a final one is
/// closed. Findings: while under evaluation, and afterwards (continued, adopted, ended) if the pilot was evaluated, for
/// what is seen later. The verdict: only while under evaluation, since it concludes the evaluation.
/// </summary>
public static class PilotEvaluationRules
{
    public static PilotEvaluationAllowed For(PilotStatus status, bool wasUnderEvaluation) => new(
        Indicators: status is PilotStatus.Planned or PilotStatus.Running or PilotStatus.UnderEvaluation or PilotStatus.Continued,
        Findings: status == PilotStatus.UnderEvaluation
            || (wasUnderEvaluation && status is PilotStatus.Continued or PilotStatus.AdoptedIntoModel or PilotStatus.Ended),
        Verdict: status == PilotStatus.UnderEvaluation);

    public static IReadOnlyList<PilotVerdict> All { get; } = Enum.GetValues<PilotVerdict>();

    /// <summary>The status the verdict suggests; it is always a move <see cref="PilotStatuses"/> allows from under evaluation.</summary>
    public static PilotStatus SuggestedStatus(PilotVerdict verdict) => verdict switch
    {
        PilotVerdict.AdoptIntoModel => PilotStatus.AdoptedIntoModel,
        PilotVerdict.Continue or PilotVerdict.Change => PilotStatus.Continued,
        PilotVerdict.End => PilotStatus.Ended,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}

/// <summary>An indicator (mittari): what is measured and its target, with an optional baseline and result.</summary>
public sealed class PilotIndicator
{
    private PilotIndicator()
    {
    }

    internal PilotIndicator(Guid pilotId, string name, string target, string? baseline, string? result, DateTimeOffset at, string byName)
    {
        Id = Guid.CreateVersion7();
        PilotId = pilotId;
        Change(name, target, baseline, result, at, byName);
    }

    public Guid Id { get; private set; }

    public Guid PilotId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>What is measured and the target.</summary>
    public string Target { get; private set; } = "";

    public string? Baseline { get; private set; }

    public string? Result { get; private set; }

    /// <summary>When and by whom it was last written.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedByName { get; private set; } = "";

    internal void Change(string name, string target, string? baseline, string? result, DateTimeOffset at, string byName)
    {
        Name = name;
        Target = target;
        Baseline = baseline;
        Result = result;
        ChangedAt = at;
        ChangedByName = byName;
    }
}

/// <summary>A finding of the evaluation (havainto): a free text with its date and author.</summary>
public sealed class PilotEvaluationFinding
{
    private PilotEvaluationFinding()
    {
    }

    internal PilotEvaluationFinding(Guid pilotId, string text, DateTimeOffset at, Guid byUserId, string byName)
    {
        Id = Guid.CreateVersion7();
        PilotId = pilotId;
        Text = text;
        At = at;
        ByUserId = byUserId;
        ByName = byName;
    }

    public Guid Id { get; private set; }

    public Guid PilotId { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";
}

/// <summary>A verdict given, with its rationale, date and person.</summary>
public sealed class PilotVerdictRecord
{
    private PilotVerdictRecord()
    {
    }

    internal PilotVerdictRecord(Guid pilotId, PilotVerdict verdict, string rationale, DateTimeOffset at, Guid byUserId, string byName)
    {
        Id = Guid.CreateVersion7();
        PilotId = pilotId;
        Verdict = verdict;
        Rationale = rationale;
        At = at;
        ByUserId = byUserId;
        ByName = byName;
    }

    public Guid Id { get; private set; }

    public Guid PilotId { get; private set; }

    public PilotVerdict Verdict { get; private set; }

    public string Rationale { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public PilotStatus SuggestedStatus => PilotEvaluationRules.SuggestedStatus(Verdict);
}
