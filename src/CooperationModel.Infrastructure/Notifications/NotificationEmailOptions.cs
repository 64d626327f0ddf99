namespace CooperationModel.Infrastructure.Notifications;

/// <summary>
/// E-mail about new notifications (configuration section "Notifications:Email"). Off unless an SMTP host or a pickup
/// directory is set; no credentials: the app hands mail to a relay of the organisation's own network.
/// </summary>
public sealed class NotificationEmailOptions
{
    public const string Section = "Notifications:Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public string? From { get; set; }

    /// <summary>Writes each mail as a file here instead of sending it (development and tests).</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The app's public address; the mail links to {BaseUrl}/notifications.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How often to look for notifications to tell of.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupDirectory);

    /// <summary>What is missing when e-mail is on; empty when the settings can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(From))
        {
            yield return nameof(From);
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            yield return nameof(BaseUrl);
        }

        if (Interval <= TimeSpan.Zero)
        {
            yield return nameof(Interval);
        }
    }

    public Uri NotificationsLink => new($"{BaseUrl!.TrimEnd('/')}/notifications");
}
