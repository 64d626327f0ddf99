namespace CooperationModel.Domain.Referrals;

/// <summary>Where a referral is in the loop between Kela and social services.</summary>
public enum ReferralStatus
{
    /// <summary>Lähetetty: sent by Kela, not yet opened by the receiver.</summary>
    Sent = 1,
    /// <summary>Vastaanotettu: first opened by the receiving organisation.</summary>
    Received = 2,
    /// <summary>Otettu työn alle: a named worker has acknowledged it.</summary>
    Accepted = 3,
    /// <summary>Arvioinnissa.</summary>
    InAssessment = 4,
    /// <summary>Valmis.</summary>
    Completed = 5,
    /// <summary>Palautettu.</summary>
    Returned = 6,
}
