using CooperationModel.Domain.Pilots;
using CooperationModel.Domain.Swot;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Seeding;

/// <summary>
/// Writes the shipped development pilots (<see cref="PilotCatalog"/>) and the 2022 analysis (<see cref="SwotCatalog"/>)
/// into the database. Idempotent, at every start like the reference data: a missing record is added, a shipped text is
/// kept in step; what coordinators recorded (status, history, updates, links to weaknesses) is never touched.
/// </summary>
public static class PilotDataSeeder
{
    /// <summary>The first status every shipped pilot has: the model v1.0 lists it as a pilot to run in spring 2018.</summary>
    public const string SeedReason = "Yhteistoimintamalli 1.0 (27.3.2018) nimeää kehittämispilotiksi";

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var pilots = await db.Pilots.ToDictionaryAsync(p => p.Code, cancellationToken);
        foreach (var record in PilotCatalog.All)
        {
            if (pilots.TryGetValue(record.Code, out var stored))
            {
                stored.Refresh(record);
            }
            else
            {
                db.Pilots.Add(DevelopmentPilot.FromCatalog(record, PilotStatus.Planned, PilotCatalog.ModelPublished, SeedReason));
            }
        }

        var analysis = SwotCatalog.Instance;
        // The shipped round first: its workshops and themes name it. Rounds coordinators recorded are never touched.
        if (await db.SwotRounds.FirstOrDefaultAsync(r => r.Code == analysis.Code, cancellationToken) is { } round)
        {
            round.Refresh(analysis);
        }
        else
        {
            db.SwotRounds.Add(SwotRound.FromCatalog(analysis));
        }

        var workshops = await db.SwotWorkshops.Select(w => w.AnalysisCode + "/" + w.Code).ToListAsync(cancellationToken);
        // Copies: the catalog's own objects are shared by every context.
        db.SwotWorkshops.AddRange(analysis.Workshops
            .Where(w => !workshops.Contains(w.AnalysisCode + "/" + w.Code))
            .Select(w => new SwotWorkshop(w.Code, w.AnalysisCode, w.KelaDistrictCode, w.MunicipalityCodes, w.Month, w.Remote)));

        var themes = await db.SwotThemes.ToDictionaryAsync(t => t.Code, cancellationToken);
        foreach (var theme in analysis.Themes)
        {
            if (themes.TryGetValue(theme.Code, out var stored))
            {
                SwotCatalog.Refresh(stored, theme);
            }
            else
            {
                db.SwotThemes.Add(new SwotTheme(theme.Code, theme.AnalysisCode, theme.Order, theme.NameFi, theme.Stage, theme.Source));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var findings = await db.SwotFindings.ToDictionaryAsync(f => f.Code, cancellationToken);
        foreach (var finding in analysis.Findings)
        {
            if (findings.TryGetValue(finding.Code, out var stored))
            {
                SwotCatalog.Refresh(stored, finding);
            }
            else
            {
                db.SwotFindings.Add(new SwotFinding(finding.Code, finding.ThemeCode, finding.Kind, finding.TextFi, finding.SubPoints, finding.WorkshopCodes, finding.Source));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
