namespace CooperationModel.Domain.Common;

/// <summary>A record that belongs to one organisation (tenant); only that organisation's users may read it.</summary>
public interface ITenantOwned
{
    Guid OrganisationId { get; }
}
