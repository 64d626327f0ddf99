using System.Globalization;

namespace CooperationModel.Domain.AccessLog;

/// <summary>
/// The <see cref="AccessLogEntry.Detail"/> notes, as stable codes without personal data ("Retention:Referral:12"), so that
/// the log is written in no language and read in the reader's: <see cref="TryRead"/> gives the text key and its value.
/// </summary>
public static class AccessLogDetails
{
    /// <summary>A case anonymised this many years after its last event.</summary>
    public static string RetentionCase(int years) => Code("Retention:Case", years);

    /// <summary>A referral (or its messages) anonymised or removed this many years after it was closed.</summary>
    public static string RetentionReferral(int years) => Code("Retention:Referral", years);

    /// <summary>A search or an export of the log: by client, by user or both, and how many entries it gave.</summary>
    public static string Search(bool byClient, bool byUser, int rows) =>
        Code($"Search:{(byClient ? "Client" : "")}{(byUser ? "User" : "")}", rows);

    /// <summary>The client's log report (Act 703/2023, 11 §).</summary>
    public const string ClientReport = "Report";

    /// <summary>The text key of a detail ("AccessDetail.Retention.Case") and its number; false for a note of another form.</summary>
    public static bool TryRead(string detail, out string textKey, out int value)
    {
        var parts = detail.Split(':');
        value = 0;
        textKey = parts switch
        {
            [ClientReport] => "AccessDetail.Report",
            ["Retention", var record, var years] when int.TryParse(years, CultureInfo.InvariantCulture, out value) => $"AccessDetail.Retention.{record}",
            ["Search", var by, var rows] when int.TryParse(rows, CultureInfo.InvariantCulture, out value) =>
                $"AccessDetail.Search.{(by.Length == 0 ? "All" : by)}",
            _ => "",
        };
        return textKey.Length > 0;
    }

    private static string Code(string kind, int value) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{value}");
}
