namespace CooperationModel.Domain.Geography;

/// <summary>A region (maakunta / landskap): 18 on the mainland plus Åland.</summary>
public sealed record Region(string Code, string NameFi, string NameSv, string NameEn)
{
    public const string AlandCode = "21";

    public bool IsAland => Code == AlandCode;
}

/// <summary>A Kela insurance district (vakuutuspiiri / försäkringsdistrikt).</summary>
public sealed record KelaDistrict(string Code, string NameFi, string NameSv, string NameEn);

/// <summary>Who organises social services for a municipality.</summary>
public enum OrganiserType
{
    /// <summary>Hyvinvointialue / välfärdsområde.</summary>
    WellbeingServicesCounty = 1,
    CityOfHelsinki = 2,
    /// <summary>On Åland each municipality organises social services itself.</summary>
    AlandMunicipality = 3,
}

/// <summary>A social services organiser (sosiaalihuollon järjestäjä): the receiver of referrals.</summary>
public sealed record SocialServicesOrganiser(string Code, string NameFi, string NameSv, string NameEn, OrganiserType Type);

/// <summary>A municipality (kunta / kommun) and what it maps to.</summary>
public sealed record Municipality(
    string Code,
    string NameFi,
    string NameSv,
    string RegionCode,
    LanguageStatus LanguageStatus,
    string OrganiserCode,
    string KelaDistrictCode)
{
    public bool IsOnAland => RegionCode == Region.AlandCode;

    public bool IsBilingual => LanguageStatus is LanguageStatus.FinnishAndSwedish or LanguageStatus.SwedishAndFinnish;
}
