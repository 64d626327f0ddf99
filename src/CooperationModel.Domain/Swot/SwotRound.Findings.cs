using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Swot;

/// <summary>
/// What a coordinator (or a row of an imported file) enters for a finding. <see cref="LocalCode"/> is the code within the
/// round ("W1"); blank, the round gives the next one of the kind.
/// </summary>
public sealed record SwotFindingInput(
    string? LocalCode, string? ThemeCode, SwotKind? Kind, string? Text, IReadOnlyList<string> SubPoints, IReadOnlyList<string> WorkshopCodes, string? Source);

/// <summary>A round's findings, their codes and their rules.</summary>
public sealed partial class SwotRound
{
    /// <summary>
    /// A new finding of the round. Every error of the input is returned (each naming its field), so that a form, or a row of
    /// an imported file, shows them all at once.
    /// </summary>
    public Result<SwotFinding> AddFinding(
        SwotFindingInput input, IReadOnlyCollection<SwotTheme> roundThemes, IReadOnlyCollection<SwotWorkshop> roundWorkshops, IReadOnlyCollection<SwotFinding> roundFindings)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckFinding(input, roundThemes, roundWorkshops);
        var local = input.LocalCode?.Trim() ?? "";
        if (local.Length > 0 && roundFindings.Any(f => string.Equals(f.Code, $"{Code}-{local}", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(Errors.FindingCodeTaken);
        }

        if (errors.Count > 0)
        {
            return Result<SwotFinding>.Failure(errors);
        }

        var code = local.Length > 0 ? $"{Code}-{local}" : NextCode(input.Kind!.Value, roundFindings);
        return new SwotFinding(code, input.ThemeCode!, input.Kind!.Value, input.Text!.Trim(), SubPoints(input), Workshops(input), SourceOf(input));
    }

    /// <summary>Changes a finding's theme, kind, texts, workshops and source (its code stays: pilots name it).</summary>
    public Result EditFinding(SwotFinding finding, SwotFindingInput input, IReadOnlyCollection<SwotTheme> roundThemes, IReadOnlyCollection<SwotWorkshop> roundWorkshops)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckFinding(input with { LocalCode = LocalCodeOf(finding.Code) }, roundThemes, roundWorkshops);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        finding.Change(input.ThemeCode!, input.Kind!.Value, input.Text!.Trim(), SubPoints(input), Workshops(input), SourceOf(input));
        return Result.Success();
    }

    public Result CheckRemoveFinding() => CheckEditable();

    private string NextCode(SwotKind kind, IReadOnlyCollection<SwotFinding> roundFindings)
    {
        var number = roundFindings.Count(f => f.Kind == kind) + 1;
        while (roundFindings.Any(f => string.Equals(f.Code, $"{Code}-{KindInitial(kind)}{number}", StringComparison.OrdinalIgnoreCase)))
        {
            number++;
        }

        return $"{Code}-{KindInitial(kind)}{number}";
    }

    private List<Error> CheckFinding(SwotFindingInput input, IReadOnlyCollection<SwotTheme> roundThemes, IReadOnlyCollection<SwotWorkshop> roundWorkshops)
    {
        var errors = new List<Error>();
        var local = input.LocalCode?.Trim() ?? "";
        if (local.Length > 0 && !FindingCode().IsMatch(local))
        {
            errors.Add(Errors.FindingCodeInvalid);
        }

        if (string.IsNullOrWhiteSpace(input.ThemeCode))
        {
            errors.Add(Errors.ThemeRequired);
        }
        else if (roundThemes.All(t => t.Code != input.ThemeCode || t.AnalysisCode != Code))
        {
            errors.Add(Errors.ThemeNotInRound);
        }

        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors.Add(Errors.KindRequired);
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(Errors.TextRequired);
        }
        else if (input.Text.Trim().Length > TextMaxLength)
        {
            errors.Add(Errors.TextTooLong);
        }
        else if (PersonalData.ContainsIdentityCode(input.Text))
        {
            errors.Add(Errors.TextHasIdentityCode);
        }

        var points = SubPoints(input);
        if (points.Count > MaxSubPoints)
        {
            errors.Add(Errors.TooManySubPoints);
        }
        else if (points.Any(p => p.Length > TextMaxLength))
        {
            errors.Add(Errors.SubPointTooLong);
        }
        else if (points.Any(PersonalData.ContainsIdentityCode))
        {
            errors.Add(Errors.SubPointHasIdentityCode);
        }

        if (Workshops(input).Any(w => roundWorkshops.All(x => x.Code != w || x.AnalysisCode != Code)))
        {
            errors.Add(Errors.WorkshopNotInRound);
        }

        var source = input.Source?.Trim() ?? "";
        if (source.Length > SourceMaxLength)
        {
            errors.Add(Errors.SourceTooLong);
        }
        else if (PersonalData.ContainsIdentityCode(source))
        {
            errors.Add(Errors.SourceHasIdentityCode);
        }

        return errors;
    }

    private static List<string> SubPoints(SwotFindingInput input) =>
        [.. input.SubPoints.Select(p => p.Trim()).Where(p => p.Length > 0)];

    private static List<string> Workshops(SwotFindingInput input) =>
        [.. input.WorkshopCodes.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string SourceOf(SwotFindingInput input) => input.Source?.Trim() is { Length: > 0 } source ? source : AppSource;
}
