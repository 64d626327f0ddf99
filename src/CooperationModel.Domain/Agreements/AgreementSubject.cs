namespace CooperationModel.Domain.Agreements;

/// <summary>What a local agreement between a Kela district and a social services organiser settles (stored as its name).</summary>
public enum AgreementSubject
{
    /// <summary>Kiireellinen apu: how urgent assistance is arranged between the two.</summary>
    UrgentAssistance = 1,

    /// <summary>Paperittomat: clients without a residence permit or a home municipality.</summary>
    UndocumentedClients = 2,

    /// <summary>Maksusitoumukset: payment commitments.</summary>
    PaymentCommitments = 3,

    /// <summary>Yhteydenpitokäytännöt: how and through whom the parties reach each other.</summary>
    ContactPractices = 4,

    /// <summary>Yhteinen palvelutarpeen arviointi: joint service-need assessment.</summary>
    JointServiceNeedAssessment = 5,
}
