namespace CooperationModel.Application.Notifications;

/// <summary>
/// Signals that something of an organisation changed (a referral arrived or moved, a message, a notification), across
/// every instance of the app. A signal carries the organisation's id only: a subscriber reloads what it shows.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// Calls <paramref name="onChange"/> after each change of the organisation, until the returned handle is disposed.
    /// The call comes on a background thread: a component goes back to its renderer with <c>InvokeAsync</c>.
    /// </summary>
    IDisposable Subscribe(Guid organisationId, Func<Task> onChange);

    /// <summary>Signals a change that did not go through a tracked save (a bulk update).</summary>
    Task PublishAsync(Guid organisationId, CancellationToken cancellationToken = default);
}
