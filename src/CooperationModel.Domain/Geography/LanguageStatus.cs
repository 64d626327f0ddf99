namespace CooperationModel.Domain.Geography;

/// <summary>A municipality's official language status (kielisuhde / språkförhållande), 2023–2032.</summary>
public enum LanguageStatus
{
    Finnish = 1,
    /// <summary>Bilingual with a Finnish-speaking majority.</summary>
    FinnishAndSwedish = 2,
    Swedish = 3,
    /// <summary>Bilingual with a Swedish-speaking majority.</summary>
    SwedishAndFinnish = 4,
}
