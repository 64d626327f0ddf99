using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Application.Common;

/// <summary>How a partner reaches a worker: their work e-mail and phone. Not client data.</summary>
public sealed record WorkerContact(string Name, string? Email, string? Phone);

/// <summary>The users of the app as colleagues and partners see them.</summary>
public interface IUserDirectory
{
    /// <summary>The contact of a user, or null if there is no such user.</summary>
    Task<WorkerContact?> ContactOfAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The users of an organisation in a role, by name: e.g. the colleagues a referral can be given to.</summary>
    Task<IReadOnlyList<Actor>> MembersAsync(Guid organisationId, UserRole role, CancellationToken cancellationToken = default);

    /// <summary>The display names of these users, in one query; a user that no longer exists is left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);
}
