using System.Security.Cryptography;
using System.Text;

namespace CooperationModel.Domain.Organisations;

/// <summary>What kind of organisation a tenant is.</summary>
public enum OrganisationKind
{
    /// <summary>A Kela insurance district (vakuutuspiiri).</summary>
    KelaDistrict = 1,
    /// <summary>A social services organiser (sosiaalihuollon järjestäjä): receives referrals.</summary>
    SocialServicesOrganiser = 2,
    /// <summary>National coordination (valtakunnallinen koordinaatio): aggregates only.</summary>
    NationalCoordination = 3,
    /// <summary>Terveydenhuolto: the health care of one organiser's area (code: the organiser's code); receives forwards.</summary>
    HealthCare = 4,
    /// <summary>Etsivä nuorisotyö: one municipality's outreach youth work (code: the municipality code); receives forwards.</summary>
    OutreachYouthWork = 5,
}

/// <summary>An organisation is a tenant: every user belongs to one, and client data belongs to one or is shared by two.</summary>
public sealed class Organisation
{
    public const string NationalCoordinationCode = "national";

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>The code in its kind's namespace: a Kela district slug, an organiser code, or "national".</summary>
    public string Code { get; private set; } = "";

    public string NameFi { get; private set; } = "";

    public string NameSv { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public static Organisation Create(OrganisationKind kind, string code, string nameFi, string nameSv, string nameEn) => new()
    {
        Id = IdFor(kind, code),
        Kind = kind,
        Code = code,
        NameFi = nameFi,
        NameSv = nameSv,
        NameEn = nameEn,
    };

    /// <summary>Reference organisations get a stable id derived from kind and code, so seeding is idempotent everywhere.</summary>
    public static Guid IdFor(OrganisationKind kind, string code)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"cooperationmodel/organisation/{kind}/{code}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public void Rename(string nameFi, string nameSv, string nameEn)
    {
        NameFi = nameFi;
        NameSv = nameSv;
        NameEn = nameEn;
    }
}
