using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Clients;

/// <summary>
/// A client's basic social assistance case (asia / ärende) in a Kela insurance district.
/// The client's home municipality decides which district handles it.
/// </summary>
public sealed class ClientCase : ITenantOwned
{
    public const int ClientNameMaxLength = 200;

    private ClientCase()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The Kela district that handles the case (the tenant).</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Personal data: never log it.</summary>
    public string ClientName { get; private set; } = "";

    /// <summary>Personal data: never log it.</summary>
    public PersonalIdentityCode IdentityCode { get; private set; } = null!;

    public string HomeMunicipalityCode { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public Guid OpenedByUserId { get; private set; }

    public static class Errors
    {
        public static ValidationError ClientNameRequired => new("Case.ClientNameRequired") { Field = "ClientName" };
        public static ValidationError ClientNameTooLong => new("Case.ClientNameTooLong") { Field = "ClientName" };
        public static ValidationError MunicipalityUnknown => new("Case.MunicipalityUnknown") { Field = "HomeMunicipalityCode" };
        public static ValidationError MunicipalityOnAland => new("Case.MunicipalityOnAland") { Field = "HomeMunicipalityCode" };
        public static ValidationError MunicipalityInOtherDistrict => new("Case.MunicipalityInOtherDistrict") { Field = "HomeMunicipalityCode" };
        public static ForbiddenError NotAKelaDistrict => new("Case.NotAKelaDistrict");
    }

    /// <summary>
    /// Opens a case in the handler's district. On Åland the municipalities decide social assistance
    /// themselves, so Kela opens no case there; elsewhere the home municipality must lie in the handler's district.
    /// </summary>
    public static Result<ClientCase> Open(
        Actor handler,
        Organisation district,
        string clientName,
        PersonalIdentityCode identityCode,
        Municipality homeMunicipality,
        DateTimeOffset now)
    {
        if (district.Kind != OrganisationKind.KelaDistrict || district.Id != handler.OrganisationId)
        {
            return Errors.NotAKelaDistrict;
        }

        var name = clientName.Trim();
        if (name.Length == 0)
        {
            return Errors.ClientNameRequired;
        }

        if (name.Length > ClientNameMaxLength)
        {
            return Errors.ClientNameTooLong;
        }

        if (homeMunicipality.IsOnAland)
        {
            return Errors.MunicipalityOnAland;
        }

        if (homeMunicipality.KelaDistrictCode != district.Code)
        {
            return Errors.MunicipalityInOtherDistrict;
        }

        return new ClientCase
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = district.Id,
            ClientName = name,
            IdentityCode = identityCode,
            HomeMunicipalityCode = homeMunicipality.Code,
            OpenedAt = now,
            OpenedByUserId = handler.UserId,
        };
    }
}
