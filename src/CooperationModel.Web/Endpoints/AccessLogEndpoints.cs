using System.Globalization;
using System.Net;
using System.Text;
using CooperationModel.Application.AccessLog.ClientLogReport;
using CooperationModel.Application.AccessLog.SearchAccessLog;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// The organisation admin's files of the use log: the CSV export of a search, and the client log report (Act 703/2023,
/// 11 §) as a printable HTML document in Finnish or Swedish. The client is named by the identity code hash
/// (<c>client</c>), never by the code itself, so no identity code is in a URL or a request log. Both are logged by
/// their handlers; neither is ever cached.
/// </summary>
public static class AccessLogEndpoints
{
    public const string ExportPath = "/admin/access-log/export";
    public const string ReportPath = "/admin/access-log/report";

    public static IEndpointRouteBuilder MapAccessLogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("").RequireAuthorization(Policies.OrganisationAdmin);

        admin.MapGet(ExportPath, async (
            [FromQuery] string? client, [FromQuery] string? user, [FromQuery] string? from, [FromQuery] string? to,
            IAccessLogSearchHandler handler, IStringLocalizer<SharedResource> l, HttpContext context, CancellationToken ct) =>
        {
            var errors = new List<Error>();
            if (client is not null && !IsClientKey(client))
            {
                errors.Add(new ValidationError(ApiEndpoints.ValueInvalid) { Field = "client" });
            }

            var userId = Parse<Guid>(user, "user", Guid.TryParse, errors);
            var fromDay = Parse<DateOnly>(from, "from", TryParseDay, errors);
            var toDay = Parse<DateOnly>(to, "to", TryParseDay, errors);
            if (errors.Count > 0)
            {
                return ApiEndpoints.Problem(errors, l);
            }

            // The days' range (no 0001-01-01, no 9999-12-31) is the search's rule, the same as on the page.
            var result = await handler.ExportAsync(new AccessLogSearch(client, userId, fromDay, toDay), ct);
            if (!result.TryGetValue(out var rows))
            {
                return ApiEndpoints.Problem(result.Errors, l);
            }

            context.Response.Headers.CacheControl = "no-store";
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(rows, l))).ToArray(), "text/csv; charset=utf-8", "access-log.csv");
        });

        admin.MapGet(ReportPath, async (
            [FromQuery] string? client, [FromQuery] string? lang,
            IClientLogReportHandler handler, IStringLocalizer<SharedResource> l, HttpContext context, CancellationToken ct) =>
        {
            var errors = new List<Error>();
            var language = lang is "fi" or "sv" ? lang : "";
            if (language.Length == 0)
            {
                errors.Add(new ValidationError(ApiEndpoints.ValueInvalid) { Field = "lang" });
            }

            if (!IsClientKey(client))
            {
                errors.Add(new ValidationError(ApiEndpoints.ValueInvalid) { Field = "client" });
            }

            if (errors.Count > 0)
            {
                return ApiEndpoints.Problem(errors, l);
            }

            var result = await handler.HandleAsync(client ?? "", ct);
            if (!result.TryGetValue(out var report))
            {
                return ApiEndpoints.Problem(result.FirstError, l);
            }

            // In the language the client asked for, whatever the admin's own language.
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            string html;
            try
            {
                html = ReportHtml(report, language, l);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }

            var headers = context.Response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentDisposition = "inline; filename=\"client-log-report.html\"";
            return Results.Content(html, "text/html; charset=utf-8");
        });

        return endpoints;
    }

    private delegate bool TryParse<T>(string value, out T parsed);

    /// <summary>A client key as the app makes them: base64 of a 32-byte HMAC (anything else would not fit the log's column).</summary>
    private static bool IsClientKey(string? value) =>
        value is { Length: 44 } && Convert.TryFromBase64String(value, new byte[32], out var written) && written == 32;

    private static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static T? Parse<T>(string? value, string name, TryParse<T> tryParse, List<Error> errors)
        where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (tryParse(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(new ValidationError(ApiEndpoints.ValueInvalid) { Field = name });
        return null;
    }

    /// <summary>The rows as CSV in the admin's language; a cell that a spreadsheet would run as a formula is quoted as text.</summary>
    private static string Csv(IReadOnlyList<AccessLogRow> rows, IStringLocalizer l)
    {
        var csv = new StringBuilder();
        Line(csv, [
            l["AccessLog.Time"], l["AccessLog.User"], l["AccessLog.Role"], l["AccessLog.Action"], l["AccessLog.Record"], l["AccessLog.RecordId"],
            l["AccessLog.Section"], l["AccessLog.Result"], l["AccessLog.Purpose"], l["AccessLog.Detail"]]);
        foreach (var row in rows)
        {
            Line(csv, [
                FinnishTimeIso(row.At), row.UserName, RoleText(l, row.Role), l[$"AccessAction.{row.Action}"], l[$"AccessRecord.{row.RecordType}"],
                row.RecordId?.ToString() ?? "", SectionText(l, row.Section), l[$"AccessResult.{row.Result}"], l[$"AccessPurpose.{row.Purpose}"], DetailText(l, row.Detail)]);
        }

        return csv.ToString();
    }

    private static string FinnishTimeIso(DateTimeOffset at) =>
        Application.Common.FinnishTime.ToFinnish(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, string[] cells)
    {
        csv.AppendJoin(';', cells.Select(Cell)).Append("\r\n");

        static string Cell(string value)
        {
            if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
            {
                value = "'" + value;
            }

            return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 || value.StartsWith('\'') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
        }
    }

    public static string RoleText(IStringLocalizer l, UserRole? role) => role is { } r ? l[$"UserRole.{r}"] : l["AccessLog.System"];

    /// <summary>An entry's note (<see cref="AccessLogDetails"/>) in the reader's language; a note of another form as it is.</summary>
    public static string DetailText(IStringLocalizer l, string? detail) =>
        detail is null ? "" : AccessLogDetails.TryRead(detail, out var key, out var value) ? l[key, value] : detail;

    /// <summary>The part of a record an entry names (a code of <c>AccessSections</c>), in the reader's language.</summary>
    public static string SectionText(IStringLocalizer l, string? section) => section is null ? "" : l[$"AccessSection.{section}"];

    /// <summary>A standalone printable document; its style is inline (allowed by the CSP), it has no script.</summary>
    private static string ReportHtml(ClientLogReport report, string lang, IStringLocalizer l)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{E(l["ClientReport.Title"])}</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#000}table{border-collapse:collapse;width:100%;margin-bottom:2rem}"
            + "th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}th{background:#eee}"
            + "@media print{body{margin:0}}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(l["ClientReport.Title"])}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(l["ClientReport.Intro", Display.Name(report.Organisation), Display.Time(report.From), Display.Time(report.To)])}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(l["ClientReport.Printed", Display.Time(report.To)])}</p>");

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(l["ClientReport.Uses"])}</h2>");
        if (report.Uses.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(l["ClientReport.NoUses"])}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table data-testid=\"uses\"><thead><tr><th>{E(l["AccessLog.Time"])}</th><th>{E(l["AccessLog.User"])}</th><th>{E(l["AccessLog.Role"])}</th>"
                + $"<th>{E(l["ClientReport.Organisation"])}</th><th>{E(l["AccessLog.Action"])}</th><th>{E(l["AccessLog.Record"])}</th><th>{E(l["AccessLog.Purpose"])}</th></tr></thead><tbody>");
            foreach (var use in report.Uses)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Display.Time(use.At))}</td><td>{E(use.UserName)}</td><td>{E(RoleText(l, use.Role))}</td><td>{E(Display.Name(use.Organisation))}</td>"
                    + $"<td>{E(l[$"AccessAction.{use.Action}"])}</td><td>{E(l[$"AccessRecord.{use.RecordType}"])}{(use.Section is { } s ? E($" ({SectionText(l, s)})") : "")}</td>"
                    + $"<td>{E(l[$"AccessPurpose.{use.Purpose}"])}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(l["ClientReport.Disclosures"])}</h2>");
        if (report.Disclosures.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(l["ClientReport.NoDisclosures"])}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table data-testid=\"disclosures\"><thead><tr><th>{E(l["Disclosure.At"])}</th><th>{E(l["Disclosure.FromTo"])}</th>"
                + $"<th>{E(l["Disclosure.What"])}</th><th>{E(l["Disclosure.Basis"])}</th></tr></thead><tbody>");
            foreach (var d in report.Disclosures)
            {
                var what = string.Join(", ", Enum.GetValues<DisclosedData>()
                    .Where(flag => flag != DisclosedData.None && d.What.HasFlag(flag))
                    .Select(flag => l[$"Disclosed.{flag}"].Value));
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Display.Time(d.At))}</td><td>{E(Display.Name(d.From))} → {E(Display.Name(d.To))}</td>"
                    + $"<td>{E(what)}</td><td>{E(l[$"LegalBasis.{d.Basis}"])}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }
}
