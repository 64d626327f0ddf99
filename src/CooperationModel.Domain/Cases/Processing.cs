namespace CooperationModel.Domain.Cases;

/// <summary>The district's work queues (työjono).</summary>
public enum ProcessingQueue
{
    Normal = 1,
    /// <summary>Kiireellisten asioiden työjono: taken in order of arrival.</summary>
    Urgent = 2,
}

/// <summary>How the client collects the decision and any payment commitment, as agreed on the phone.</summary>
public enum DecisionCollection
{
    /// <summary>OmaKela e-service.</summary>
    OmaKela = 1,
    Post = 2,
    KelaOffice = 3,
    ServicePoint = 4,
    SocialOffice = 5,
}
