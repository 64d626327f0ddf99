using System.Globalization;
using CooperationModel.Application.Notifications;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Services;

/// <summary>
/// The notification e-mail from the app's strings, in Finnish, Swedish and English one after the other: the mailer
/// cannot know which language the reader uses. Only the count and the link are filled in.
/// </summary>
public sealed class NotificationMailText(IStringLocalizer<SharedResource> localizer) : INotificationMailText
{
    public NotificationMail Compose(int count, Uri link)
    {
        var number = count.ToString(CultureInfo.InvariantCulture);
        var subject = string.Join(" / ", WebServices.Cultures.Select(c => In(c, () => $"{localizer["App.Name"]}: {localizer["Mail.Subject"]}")));
        var body = string.Join(
            "\n\n",
            WebServices.Cultures.Select(c => In(c, () => $"{localizer["Mail.Body", number, link.AbsoluteUri]}\n{localizer["Mail.NoPersonalData"]}")));
        return new NotificationMail(subject, body + "\n");
    }

    /// <summary>Reads strings in one language; the localizer follows the current UI culture.</summary>
    private static string In(string culture, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
