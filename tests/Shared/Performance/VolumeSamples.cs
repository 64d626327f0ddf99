using CooperationModel.Domain.Geography;
using CooperationModel.Infrastructure.Seeding;
using Npgsql;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>Real values from the seeded data that the use cases search for and open.</summary>
public sealed record VolumeSamples(
    string HelsinkiIdentityCode,
    Guid HelsinkiReferralId,
    Guid SouthCaseId,
    string SouthIdentityCode,
    SocialServicesOrganiser LargestOrganiser,
    KelaDistrict LargestDistrict)
{
    /// <summary>A common surname: the name search has many matches to count and order.</summary>
    public const string NameSearch = "virtanen";

    public static Guid Helsinki => DemoDataSeeder.WorkerHelsinki.OrganisationId;

    public static Guid South => DemoDataSeeder.HandlerSouth.OrganisationId;

    /// <summary>A seeded social worker of the organiser (emails follow VolumeGenerator.Staff).</summary>
    public string LargestOrganiserWorker => $"socialworker.{LargestOrganiser.Code}.1@volume.test";

    public string LargestDistrictHandler => $"kelahandler.{LargestDistrict.Code}.1@volume.test";

    public static async Task<VolumeSamples> LoadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        async Task<T> One<T>(string sql, Guid organisation)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("o", organisation);
            return (T)(await command.ExecuteScalarAsync(cancellationToken)
                ?? throw new InvalidOperationException($"No sample for: {sql}"));
        }

        var catalog = ReferenceCatalog.Instance;
        return new VolumeSamples(
            await One<string>("SELECT client_identity_code FROM referrals WHERE receiver_organisation_id = @o ORDER BY sent_at DESC OFFSET 40 LIMIT 1", Helsinki),
            // The richest referral page there is: completed, forwarded if any is, with a message thread if any has.
            await One<Guid>(
                """
                SELECT r.id FROM referrals r
                WHERE r.receiver_organisation_id = @o AND r.status = 'Completed'
                ORDER BY EXISTS (SELECT 1 FROM referral_forwards f WHERE f.referral_id = r.id) DESC,
                         EXISTS (SELECT 1 FROM referral_messages m WHERE m.referral_id = r.id) DESC,
                         r.sent_at DESC
                LIMIT 1
                """,
                Helsinki),
            // A case with two referrals: the fullest case page.
            await One<Guid>(
                "SELECT case_id FROM referrals WHERE sender_organisation_id = @o GROUP BY case_id HAVING count(*) > 1 ORDER BY max(sent_at) DESC LIMIT 1",
                South),
            await One<string>("SELECT identity_code FROM cases WHERE organisation_id = @o ORDER BY opened_at DESC OFFSET 40 LIMIT 1", South),
            catalog.Organisers.MaxBy(o => catalog.Municipalities.Count(m => m.OrganiserCode == o.Code))!,
            catalog.KelaDistricts.MaxBy(d => catalog.Municipalities.Count(m => m.KelaDistrictCode == d.Code))!);
    }
}
