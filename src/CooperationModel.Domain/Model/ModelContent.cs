using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Model;

/// <summary>Where the model proposes development (kehittämisideoita esitetään / utvecklingsidéer föreslås).</summary>
public enum DevelopmentArea
{
    /// <summary>Kuntien/maakuntien sosiaalityöhön.</summary>
    MunicipalSocialWork = 1,
    /// <summary>Kelan toimintaan.</summary>
    Kela = 2,
    /// <summary>Palvelujärjestelmään / kunnan ja Kelan työnjakoon.</summary>
    ServiceSystem = 3,
}

/// <summary>Toimintaympäristötyyppi / funktionsomgivning: how physically reachable the services of a municipality are.</summary>
public enum OperatingEnvironmentType
{
    /// <summary>Kunnan alueella laajat palvelut / omfattande kommunala tjänster.</summary>
    WideServices = 1,
    /// <summary>Kunnan alueella rajatut palvelut / begränsade kommunala tjänster.</summary>
    RestrictedServices = 2,
    /// <summary>Kunnan alueella suppeat palvelut / föga kommunala tjänster.</summary>
    NarrowServices = 3,
    /// <summary>Kunnan alueella erittäin suppeat palvelut / ytterst föga kommunala tjänster.</summary>
    VeryNarrowServices = 4,
}

/// <summary>Who does what at a stage of the model.</summary>
public enum ModelActor
{
    Kela = 1,
    /// <summary>The municipality (kunta), with its public computers and staff.</summary>
    Municipality = 2,
    /// <summary>Asiointipiste / ärendepunkt (formerly yhteispalvelupiste).</summary>
    ServicePoint = 3,
    /// <summary>The organiser of social services: the wellbeing services county (maakunta), its social work and sote centres.</summary>
    WellbeingServicesCounty = 4,
    /// <summary>Järjestöt, yhdistykset, seurakunnat / organisationer, föreningar, församlingar.</summary>
    NgosAndParishes = 5,
    /// <summary>Several of them together (Kela, municipality, sote, another community).</summary>
    Together = 6,
}

public sealed record DevelopmentAreaContent(DevelopmentArea Area, LocalText Text);

public sealed record ClientTypeContent(ClientType Type, int Share, LocalText Name, LocalList Traits);

public sealed record EnvironmentTypeContent(OperatingEnvironmentType Type, LocalText Name, LocalList Traits);

/// <summary>One actor's part at a stage: its name as the seed writes it, the basis it acts on (if given) and its tasks.</summary>
public sealed record StageActorContent(ModelActor Actor, LocalText Name, LocalList Tasks, LocalText? Basis = null);

/// <summary>One of the six stages of the client process as the model describes it.</summary>
public sealed record StageContent(
    CaseStage Stage, LocalText Title, LocalText Question, IReadOnlyList<StageActorContent> Actors, IReadOnlyList<LocalText> Ideas,
    LocalList? Notes = null)
{
    public LocalList NotesOrEmpty => Notes ?? LocalList.Empty;
}

/// <summary>
/// A ground for guiding the client to social work as the model gives it (one seed entry may cover several of the app's
/// grounds): its title with the legal basis, the reason, and the plan social work is expected to make.
/// </summary>
public sealed record GroundContent(IReadOnlyList<ReferralGround> Grounds, LocalText Title, LocalText? Reason = null, LocalText? Plan = null);

public sealed record LawContent(string Number, LocalText Name, IReadOnlyList<string>? Amendments = null);

/// <summary>A published version of the cooperation model: the whole handbook.</summary>
public sealed record ModelVersionContent(
    string Version,
    DateOnly Published,
    LocalText Name,
    LocalText Aim,
    LocalList Purpose,
    LocalList Considers,
    IReadOnlyList<DevelopmentAreaContent> DevelopmentAreas,
    IReadOnlyList<ClientTypeContent> ClientTypes,
    LocalText ClientTypeNote,
    IReadOnlyList<EnvironmentTypeContent> EnvironmentTypes,
    IReadOnlyList<StageContent> Stages,
    IReadOnlyList<GroundContent> Grounds,
    LocalList GroundFollowUp,
    IReadOnlyList<LawContent> Legislation)
{
    public StageContent Stage(CaseStage stage) => Stages.Single(s => s.Stage == stage);

    /// <summary>The model's entry for one of the app's grounds, or null where the model says nothing of it.</summary>
    public GroundContent? GroundFor(ReferralGround ground) => Grounds.FirstOrDefault(g => g.Grounds.Contains(ground));
}
