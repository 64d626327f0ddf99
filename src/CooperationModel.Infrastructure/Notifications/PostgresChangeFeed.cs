using CooperationModel.Application.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CooperationModel.Infrastructure.Notifications;

/// <summary>
/// The change feed over PostgreSQL LISTEN/NOTIFY: one dedicated connection per instance listens on
/// <see cref="Channel"/> and hands each signal to this instance's subscribers of that organisation. Every instance
/// hears every save of every other, so an open page updates wherever the change was made. When the connection drops it
/// reconnects with a growing pause, and then tells every subscriber to reload, since signals may have been missed.
/// </summary>
public sealed partial class PostgresChangeFeed : BackgroundService, IChangeFeed
{
    /// <summary>The channel; a payload is one organisation id.</summary>
    public const string Channel = "cooperationmodel_changes";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _listenSource;
    private readonly NpgsqlDataSource _publishSource;
    private readonly ILogger<PostgresChangeFeed> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<Subscription>> _subscribers = [];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresChangeFeed(string connectionString, ILogger<PostgresChangeFeed> logger)
    {
        _logger = logger;
        // Its own connection, outside the pool, kept alive so that a dead link is noticed while waiting.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "cooperationmodel-changes" };
        if (listen.KeepAlive == 0)
        {
            listen.KeepAlive = 30;
        }

        _listenSource = NpgsqlDataSource.Create(listen);
        _publishSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Completes when this instance first listens: a signal sent before then is not heard here.</summary>
    public Task Listening => _listening.Task;

    public IDisposable Subscribe(Guid organisationId, Func<Task> onChange)
    {
        var subscription = new Subscription(this, organisationId, onChange);
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(organisationId, out var list))
            {
                _subscribers[organisationId] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    public async Task PublishAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var command = _publishSource.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = organisationId.ToString() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _listenSource.Dispose();
        _publishSource.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        var missedSome = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _listenSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(_logger);
                _listening.TrySetResult();
                retry = FirstRetry;
                if (missedSome)
                {
                    missedSome = false;
                    Dispatch(AllSubscribers());
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                missedSome = true;
                LogConnectionLost(_logger, exception.GetType().Name, retry.TotalSeconds, exception);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    /// <summary>Raised on the listening connection's thread: hand on and return at once, never wait for a subscriber.</summary>
    private void OnNotification(object sender, NpgsqlNotificationEventArgs signal)
    {
        if (signal.Channel != Channel || !Guid.TryParse(signal.Payload, out var organisationId))
        {
            LogMalformed(_logger);
            return;
        }

        Subscription[] subscribers;
        lock (_gate)
        {
            subscribers = _subscribers.TryGetValue(organisationId, out var list) ? [.. list] : [];
        }

        Dispatch(subscribers);
    }

    private Subscription[] AllSubscribers()
    {
        lock (_gate)
        {
            return [.. _subscribers.Values.SelectMany(list => list)];
        }
    }

    /// <summary>Each subscriber on its own task: a slow or failing one holds up nobody else.</summary>
    private void Dispatch(Subscription[] subscribers)
    {
        foreach (var subscription in subscribers)
        {
            _ = Task.Run(subscription.NotifyAsync);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(subscription.OrganisationId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscribers.Remove(subscription.OrganisationId);
            }
        }
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Listening for changes on channel " + Channel)]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "The change listener lost its connection ({ExceptionType}); reconnecting in {RetrySeconds} s")]
    private static partial void LogConnectionLost(ILogger logger, string exceptionType, double retrySeconds, Exception exception);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "A change subscriber failed ({ExceptionType}); the others were told")]
    private static partial void LogSubscriberFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "Ignored a change signal that is not an organisation id")]
    private static partial void LogMalformed(ILogger logger);

    private sealed class Subscription(PostgresChangeFeed feed, Guid organisationId, Func<Task> onChange) : IDisposable
    {
        private volatile bool _active = true;

        public Guid OrganisationId => organisationId;

        public async Task NotifyAsync()
        {
            if (!_active)
            {
                return;
            }

            try
            {
                await onChange();
            }
            catch (Exception exception)
            {
                LogSubscriberFailed(feed._logger, exception.GetType().Name, exception);
            }
        }

        public void Dispose()
        {
            _active = false;
            feed.Remove(this);
        }
    }
}
