using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// A referral (ilmoitus, in practice huoli-ilmoitus / anmälan) from a Kela district to the social services
/// organiser of the client's home municipality. It is shared by exactly two organisations, sender and receiver,
/// and carries the client details the receiver needs, because the receiver cannot read Kela's case.
/// </summary>
public sealed class Referral
{
    private Referral()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid SenderOrganisationId { get; private set; }

    public Guid ReceiverOrganisationId { get; private set; }

    public ReferralGround Ground { get; private set; }

    public bool ConsentGiven { get; private set; }

    /// <summary>Only with consent (see <see cref="ConsentRule"/>). Personal data: never log it.</summary>
    public string? SituationDescription { get; private set; }

    /// <summary>Personal data: never log it.</summary>
    public string ClientName { get; private set; } = "";

    /// <summary>Personal data: never log it.</summary>
    public PersonalIdentityCode ClientIdentityCode { get; private set; } = null!;

    public string HomeMunicipalityCode { get; private set; } = "";

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public Guid SentByUserId { get; private set; }

    public string SentByName { get; private set; } = "";

    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The named worker (omatyöntekijä) who acknowledged the referral.</summary>
    public Guid? NamedWorkerUserId { get; private set; }

    public string? NamedWorkerName { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public static class Errors
    {
        public static ForbiddenError NotTheCaseDistrict => new("Referral.NotTheCaseDistrict");
        public static ForbiddenError NotTheReceiver => new("Referral.NotTheReceiver");
        public static ConflictError AlreadyAccepted => new("Referral.AlreadyAccepted");
        public static InvalidTransitionError CannotAccept => new("Referral.CannotAccept");
    }

    /// <summary>Sends a referral from the case's district to the organiser of the client's home municipality.</summary>
    public static Result<Referral> Send(
        ClientCase clientCase,
        ReferralGround ground,
        bool consentGiven,
        string? situationDescription,
        Actor sender,
        DateTimeOffset now)
    {
        if (sender.OrganisationId != clientCase.OrganisationId)
        {
            return Errors.NotTheCaseDistrict;
        }

        var consent = ConsentRule.Check(consentGiven, situationDescription);
        if (!consent.IsSuccess)
        {
            return Result<Referral>.Failure(consent.Errors);
        }

        return new Referral
        {
            Id = Guid.CreateVersion7(now),
            CaseId = clientCase.Id,
            SenderOrganisationId = clientCase.OrganisationId,
            ReceiverOrganisationId = ReceiverFor(clientCase.HomeMunicipalityCode),
            Ground = ground,
            ConsentGiven = consentGiven,
            SituationDescription = consentGiven ? situationDescription!.Trim() : null,
            ClientName = clientCase.ClientName,
            ClientIdentityCode = clientCase.IdentityCode,
            HomeMunicipalityCode = clientCase.HomeMunicipalityCode,
            Status = ReferralStatus.Sent,
            SentAt = now,
            SentByUserId = sender.UserId,
            SentByName = sender.DisplayName,
        };
    }

    /// <summary>The receiving organisation opened the referral for the first time. Returns whether anything changed.</summary>
    public bool MarkReceived(Actor reader, DateTimeOffset now)
    {
        if (reader.OrganisationId != ReceiverOrganisationId || Status != ReferralStatus.Sent)
        {
            return false;
        }

        Status = ReferralStatus.Received;
        ReceivedAt = now;
        return true;
    }

    /// <summary>A social worker of the receiving organisation acknowledges the referral and becomes its named worker.</summary>
    public Result Accept(Actor worker, DateTimeOffset now)
    {
        if (worker.OrganisationId != ReceiverOrganisationId)
        {
            return Errors.NotTheReceiver;
        }

        switch (Status)
        {
            case ReferralStatus.Sent or ReferralStatus.Received:
                break;
            case ReferralStatus.Accepted or ReferralStatus.InAssessment or ReferralStatus.Completed:
                return Errors.AlreadyAccepted;
            case ReferralStatus.Returned:
                return Errors.CannotAccept;
        }

        MarkReceived(worker, now);
        Status = ReferralStatus.Accepted;
        NamedWorkerUserId = worker.UserId;
        NamedWorkerName = worker.DisplayName;
        AcceptedAt = now;
        return Result.Success();
    }

    /// <summary>Where the referral goes: the organiser of the client's home municipality.</summary>
    public static SocialServicesOrganiser RouteFor(Municipality homeMunicipality, ReferenceCatalog catalog) =>
        catalog.ReceivingOrganiserFor(homeMunicipality);

    /// <summary>The routing is the domain's: no caller can send a referral to another organiser by mistake.</summary>
    private static Guid ReceiverFor(string homeMunicipalityCode)
    {
        var catalog = ReferenceCatalog.Instance;
        var municipality = catalog.FindMunicipality(homeMunicipalityCode)
            ?? throw new InvalidOperationException("A case's home municipality is not in the reference data.");
        return Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, RouteFor(municipality, catalog).Code);
    }
}
