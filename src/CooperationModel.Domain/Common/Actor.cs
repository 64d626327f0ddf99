namespace CooperationModel.Domain.Common;

/// <summary>The signed-in person who does something, as the domain needs to know them.</summary>
public sealed record Actor(Guid UserId, Guid OrganisationId, string DisplayName);
