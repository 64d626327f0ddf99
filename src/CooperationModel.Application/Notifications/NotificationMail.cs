namespace CooperationModel.Application.Notifications;

/// <summary>The one e-mail a user gets about new notifications: a subject and a plain-text body.</summary>
public sealed record NotificationMail(string Subject, string Body);

/// <summary>
/// Writes that e-mail in Finnish, Swedish and English at once (the mailer does not know the reader's language). It
/// holds only the count and the link: whoever reads it signs in to see anything more.
/// </summary>
public interface INotificationMailText
{
    NotificationMail Compose(int count, Uri link);
}
