using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;

namespace CooperationModel.Domain.Swot;

/// <summary>What a coordinator enters for a workshop of a round: a Kela district, or named municipalities.</summary>
public sealed record SwotWorkshopInput(string? Code, string? KelaDistrictCode, IReadOnlyList<string> MunicipalityCodes, DateOnly? Month, bool Remote);

/// <summary>A round's workshops and themes, and their rules.</summary>
public sealed partial class SwotRound
{
    public Result<SwotWorkshop> AddWorkshop(SwotWorkshopInput input, IReadOnlyCollection<SwotWorkshop> roundWorkshops)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckWorkshop(input, roundWorkshops.Where(w => w.AnalysisCode == Code).Select(w => w.Code));
        return errors.Count > 0
            ? Result<SwotWorkshop>.Failure(errors)
            : new SwotWorkshop(input.Code!.Trim(), Code, Blank(input.KelaDistrictCode), Municipalities(input), FirstOfMonth(input.Month!.Value), input.Remote);
    }

    /// <summary>Changes a workshop's place, month and mode (its code stays: findings name it).</summary>
    public Result EditWorkshop(SwotWorkshop workshop, SwotWorkshopInput input)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckWorkshop(input with { Code = workshop.Code }, []);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        workshop.Change(Blank(input.KelaDistrictCode), Municipalities(input), FirstOfMonth(input.Month!.Value), input.Remote);
        return Result.Success();
    }

    /// <summary>A workshop a finding names stays: remove it from the findings first.</summary>
    public Result CheckRemoveWorkshop(SwotWorkshop workshop, IReadOnlyCollection<SwotFinding> roundFindings) =>
        Shipped ? Errors.ShippedReadOnly
        : roundFindings.Any(f => f.WorkshopCodes.Contains(workshop.Code)) ? Errors.WorkshopInUse
        : Result.Success();

    // --- Themes ----------------------------------------------------------------------------------------------------

    public Result<SwotTheme> AddTheme(string? nameFi, CaseStage? stage, IReadOnlyCollection<SwotTheme> roundThemes)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckTheme(nameFi, stage, roundThemes, null);
        if (errors.Count > 0)
        {
            return Result<SwotTheme>.Failure(errors);
        }

        var order = roundThemes.Count == 0 ? 1 : roundThemes.Max(t => t.Order) + 1;
        var number = order;
        while (roundThemes.Any(t => t.Code == $"{Code}-T{number}"))
        {
            number++;
        }

        return new SwotTheme($"{Code}-T{number}", Code, order, nameFi!.Trim(), stage!.Value, AppSource);
    }

    public Result EditTheme(SwotTheme theme, string? nameFi, CaseStage? stage, IReadOnlyCollection<SwotTheme> roundThemes)
    {
        if (Shipped)
        {
            return Errors.ShippedReadOnly;
        }

        var errors = CheckTheme(nameFi, stage, roundThemes, theme.Code);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        theme.Change(nameFi!.Trim(), stage!.Value);
        return Result.Success();
    }

    public Result CheckRemoveTheme(SwotTheme theme, IReadOnlyCollection<SwotFinding> roundFindings) =>
        Shipped ? Errors.ShippedReadOnly
        : roundFindings.Any(f => f.ThemeCode == theme.Code) ? Errors.ThemeInUse
        : Result.Success();

    private static List<Error> CheckWorkshop(SwotWorkshopInput input, IEnumerable<string> takenCodes)
    {
        var errors = new List<Error>();
        var code = input.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add(Errors.WorkshopCodeRequired);
        }
        else if (!WorkshopCode().IsMatch(code))
        {
            errors.Add(Errors.WorkshopCodeInvalid);
        }
        else if (takenCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(Errors.WorkshopCodeTaken);
        }

        var district = Blank(input.KelaDistrictCode);
        var municipalities = Municipalities(input);
        if (district is null && municipalities.Count == 0)
        {
            errors.Add(Errors.WorkshopPlaceRequired);
        }
        else if (district is not null && municipalities.Count > 0)
        {
            errors.Add(Errors.WorkshopPlaceTwice);
        }
        else if (district is not null && ReferenceCatalog.Instance.KelaDistricts.All(d => d.Code != district))
        {
            errors.Add(Errors.UnknownDistrict);
        }
        else if (municipalities.Any(m => ReferenceCatalog.Instance.Municipalities.All(x => x.Code != m)))
        {
            errors.Add(Errors.UnknownMunicipality);
        }

        if (input.Month is null)
        {
            errors.Add(Errors.WorkshopMonthRequired);
        }

        return errors;
    }

    private static List<Error> CheckTheme(string? nameFi, CaseStage? stage, IReadOnlyCollection<SwotTheme> roundThemes, string? ownCode)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(nameFi))
        {
            errors.Add(Errors.ThemeNameRequired);
        }
        else if (nameFi.Trim().Length > TitleMaxLength)
        {
            errors.Add(Errors.ThemeNameTooLong);
        }
        else if (PersonalData.ContainsIdentityCode(nameFi))
        {
            errors.Add(Errors.ThemeNameHasIdentityCode);
        }
        else if (roundThemes.Any(t => t.Code != ownCode && string.Equals(t.NameFi, nameFi.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(Errors.ThemeNameTaken);
        }

        if (stage is null || !Enum.IsDefined(stage.Value))
        {
            errors.Add(Errors.StageRequired);
        }

        return errors;
    }

    private static List<string> Municipalities(SwotWorkshopInput input) =>
        [.. input.MunicipalityCodes.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal)];
}
