namespace CooperationModel.Tests.Shared.Performance;

/// <summary>
/// How much data <see cref="VolumeSeeder"/> writes: referrals a year for a number of years, spread over the
/// municipalities (so over the 38 organisers and the 5 Kela districts in proportion to their municipalities).
/// Cases, events, forwards, messages, disclosures and notifications follow from the referrals. The counts come out
/// within a percent or so of the numbers asked for (the shares below are drawn at random).
/// </summary>
public sealed record VolumeOptions(string Name, int ReferralsPerYear, int Years, int Seed = 20261124)
{
    /// <summary>National volume: about 130,000 referrals a year, kept for three years.</summary>
    public static VolumeOptions National { get; } = new("national", 130_000, 3);

    /// <summary>
    /// Ten years of national use: 1.3 million referrals, about 5 million cases (most cases never lead to a referral),
    /// and the access log those years write (<see cref="AccessLog"/>).
    /// </summary>
    public static VolumeOptions TenYears { get; } = new("tenyears", 130_000, 10) { CasesWithoutReferral = 0.755, AccessLog = true };

    /// <summary>The ten-year shape at the quick scale's referrals a year: a smoke run of <see cref="TenYears"/>.</summary>
    public static VolumeOptions TenYearsQuick { get; } = TenYears with { Name = "tenyears-quick", ReferralsPerYear = 4_000 };

    /// <summary>A smoke run of the benchmark: seconds to seed.</summary>
    public static VolumeOptions Quick { get; } = new("quick", 4_000, 3);

    /// <summary>Enough rows that PostgreSQL prefers indexes, small enough for a test (about 21,000 referrals).</summary>
    public static VolumeOptions PlanChecks { get; } = new("plan-checks", 7_000, 3);

    public int Referrals => ReferralsPerYear * Years;

    /// <summary>Share of cases that never lead to a referral (guidance only, or a decision and nothing more).</summary>
    public double CasesWithoutReferral { get; init; } = 0.25;

    /// <summary>Share of referred cases with a second referral later (a repeat after the first one closed).</summary>
    public double RepeatReferrals { get; init; } = 0.06;

    /// <summary>Share of accepted referrals social services forwards to health care or outreach youth work.</summary>
    public double Forwarded { get; init; } = 0.06;

    /// <summary>Share of received referrals with a message thread (1–4 messages).</summary>
    public double WithMessages { get; init; } = 0.15;

    /// <summary>
    /// Whether the access log is seeded: an entry for every step of a case or a referral (its save, by its actor), and
    /// <see cref="AccessLogViewsPerReferral"/> views and list rows of each referral by its receiver and its sender.
    /// </summary>
    public bool AccessLog { get; init; }

    public int AccessLogViewsPerReferral { get; init; } = 8;

    /// <summary>Kela handlers seeded in each district, social workers in each organiser (besides the demo users).</summary>
    public int HandlersPerDistrict { get; init; } = 40;

    public int WorkersPerOrganiser { get; init; } = 12;

    /// <summary>Parses "quick", "national", "tenyears" or a number of referrals a year (three years).</summary>
    public static VolumeOptions Parse(string scale) => scale.Trim().ToLowerInvariant() switch
    {
        "quick" => Quick,
        "national" => National,
        "tenyears" => TenYears,
        "tenyears-quick" => TenYearsQuick,
        "plan-checks" => PlanChecks,
        var n when int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var perYear) && perYear > 0
            => new VolumeOptions($"{perYear}/year", perYear, 3),
        _ => throw new ArgumentException($"Unknown scale '{scale}': use quick, national, tenyears or a number of referrals a year.", nameof(scale)),
    };
}
