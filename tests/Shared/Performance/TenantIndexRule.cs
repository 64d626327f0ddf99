using System.Text.RegularExpressions;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>
/// The house rule for client data: no query reads a whole table, and every index a query uses starts with the
/// tenant column and is searched by it, so a tenant's work costs the same whatever the other tenants hold. A
/// primary-key lookup is fine too: it finds one row by its id, and the tenant filter then decides whether the user
/// may see it. Known exceptions are passed in by name: an index name, or "Seq Scan on table".
/// </summary>
public static class TenantIndexRule
{
    /// <summary>The client-data tables and the columns that name their tenant (a referral has two: sender and receiver).</summary>
    public static IReadOnlyDictionary<string, string[]> TenantColumns { get; } = new Dictionary<string, string[]>
    {
        ["cases"] = ["organisation_id"],
        ["case_events"] = ["organisation_id"],
        ["guidance_contacts"] = ["organisation_id"],
        ["referrals"] = ["sender_organisation_id", "receiver_organisation_id"],
        // No tenant column of its own: read through its referral.
        ["referral_events"] = [],
        ["referral_forwards"] = ["to_organisation_id", "from_organisation_id"],
        ["referral_messages"] = ["from_organisation_id", "to_organisation_id"],
        ["disclosures"] = ["from_organisation_id", "to_organisation_id"],
        ["notifications"] = ["organisation_id"],
        ["access_log"] = ["organisation_id"],
    };

    /// <summary>
    /// Indexes that find the few rows of one referral by its id, like a primary key: row-level security's referral policy
    /// looks up a referral's disclosures this way (a subplan per row the tenant columns did not already admit).
    /// </summary>
    public static IReadOnlySet<string> ByParentId { get; } = new HashSet<string> { "ix_disclosures_referral_id" };

    /// <summary>What in the plan breaks the rule, one line each; indexes in <paramref name="allowed"/> are known exceptions.</summary>
    public static IReadOnlyList<string> Violations(
        ExplainedCommand explained, IReadOnlyDictionary<string, IndexInfo> indexes, IReadOnlySet<string>? allowed = null)
    {
        var violations = new List<string>();
        foreach (var scan in explained.Scans)
        {
            var index = scan.Index is { } name ? indexes.GetValueOrDefault(name) : null;
            var table = scan.Table.Length > 0 ? scan.Table : index?.Table ?? "";
            if (!TenantColumns.TryGetValue(table, out var tenantColumns))
            {
                continue;
            }

            if (scan.IsSeqScan)
            {
                if (allowed?.Contains($"Seq Scan on {table}") != true)
                {
                    violations.Add($"Seq Scan on {table}");
                }
            }
            else if (index is null || index.IsPrimaryKey || ByParentId.Contains(index.Name) || allowed?.Contains(index.Name) == true)
            {
                continue;
            }
            else if (!tenantColumns.Contains(index.Columns[0]))
            {
                violations.Add($"{scan.NodeType} using {index.Name} on {table}: starts with {index.Columns[0]}, not the tenant");
            }
            else if (!SearchesBy(scan.IndexCondition, index.Columns[0]))
            {
                // PostgreSQL can use a b-tree without its leading column, by reading all of it.
                violations.Add($"{scan.NodeType} using {index.Name} on {table}: searched without its tenant column ({scan.IndexCondition ?? "no condition"})");
            }
        }

        return violations;
    }

    private static bool SearchesBy(string? condition, string column) =>
        condition is not null && Regex.IsMatch(condition, $@"(?<![\w.]){column} = ");
}
