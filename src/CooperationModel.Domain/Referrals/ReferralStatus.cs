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

/// <summary>
/// Where one forward is in the partner's own small loop (health care, outreach youth work): the referral's states without
/// the assessment, which is social services' own work.
/// </summary>
public enum ForwardStatus
{
    /// <summary>Välitetty: forwarded, not yet opened by the partner.</summary>
    Sent = 1,
    /// <summary>Vastaanotettu: first opened by the partner.</summary>
    Received = 2,
    /// <summary>Otettu työn alle: the partner's named worker has it.</summary>
    Accepted = 3,
    /// <summary>Valmis: the partner's work is done.</summary>
    Completed = 5,
    /// <summary>Palautettu: the partner returned it to social services.</summary>
    Returned = 6,
}
