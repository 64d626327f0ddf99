namespace CooperationModel.Domain.Referrals;

/// <summary>What went across an organisation boundary. A set of flags, so one disclosure names all it carried.</summary>
[Flags]
public enum DisclosedData
{
    None = 0,
    /// <summary>The client's name, identity code and home municipality.</summary>
    ClientIdentity = 1,
    /// <summary>The ground (and with it the kind and legal basis) of the referral.</summary>
    Ground = 2,
    SituationDescription = 4,
    /// <summary>Only that the referral was received and handled: feedback without consent.</summary>
    StatusOnly = 8,
    Outcome = 16,
    Plan = 32,
    ClosingNote = 64,
    ForwardNote = 128,
    Message = 256,
    Attachment = 512,
}

/// <summary>
/// A disclosure (luovutus / utlämnande): client data that left one organisation for another, with the legal basis it
/// left on. Written in the same transaction as the referral, feedback or message that carried it; never changed.
/// Act 703/2023 asks for these to be logged; the client log report reads them.
/// </summary>
public sealed class Disclosure
{
    private Disclosure()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid FromOrganisationId { get; private set; }

    public Guid ToOrganisationId { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public DisclosedData What { get; private set; }

    /// <summary>The client's consent (<see cref="LegalBasis.ClientConsent"/>) or the section of law that allows it without.</summary>
    public LegalBasis Basis { get; private set; }

    internal static Disclosure Create(Guid referralId, Guid from, Guid to, Common.Actor by, DisclosedData what, LegalBasis basis, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        ReferralId = referralId,
        At = at,
        FromOrganisationId = from,
        ToOrganisationId = to,
        ByUserId = by.UserId,
        ByName = by.DisplayName,
        What = what,
        Basis = basis,
    };
}
