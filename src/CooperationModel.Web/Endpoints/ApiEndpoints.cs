using System.Globalization;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// A small JSON API over the same use cases as the pages. Expected failures become problem details
/// (400, 403, 404, 409) with a localised title and the error code; nothing a user sends ends in a 500.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The API accepts the sign-in cookie, so a state-changing endpoint here would be open to cross-site request forgery
        // unless it checks an antiforgery token (or a custom header). It has none: reads only (GET), and
        // AntiforgeryCoverageTests fails on any POST/PUT/PATCH/DELETE endpoint that is not protected.
        // Personal data: no cache along the way or in the browser keeps a copy of an answer.
        var api = endpoints.MapGroup("/api")
            .RequireRateLimiting(Security.RateLimits.ApiPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            });

        api.MapGet("/referrals/{id:guid}", async (Guid id, IGetReferralHandler handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, ct);
            return result.TryGetValue(out var referral)
                ? Results.Ok(ReferralResponse.From(referral))
                : Problem(result.FirstError, l);
        }).RequireAuthorization(Policies.ClientWork);

        // The inbox is the receivers' work list, as on the /inbox page: nobody else gets the list of clients.
        api.MapGet("/inbox", async (
            [FromQuery] string? page, [FromQuery] string? pageSize, [FromQuery] string? search, [FromQuery] string? status,
            [FromQuery] string? ground, [FromQuery] string? municipality, [FromQuery] string? mine, [FromQuery] string? order, [FromQuery] string? overdue,
            IListInboxHandler handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            // Query values are read here, not bound, so that a malformed one gets the same localised 400; the ranges (which
            // pages exist, what a search may hold) are the use case's rules (ListRules), the same as on the page.
            var errors = new List<Error>();
            var pageNumber = ParseInt(page, 1, ListRules.PageInvalid, errors);
            var size = ParseInt(pageSize, PageRequest.DefaultPageSize, ListRules.PageSizeInvalid, errors);
            var wantedStatus = ParseEnum<ReferralStatus>(status, "status", "Api.StatusInvalid", errors);
            var wantedGround = ParseEnum<ReferralGround>(ground, "ground", ValueInvalid, errors);
            var wantedOrder = ParseEnum<InboxOrder>(order, "order", ValueInvalid, errors) ?? InboxOrder.NewestFirst;
            if (!string.IsNullOrEmpty(municipality) && CooperationModel.Domain.Geography.ReferenceCatalog.Instance.FindMunicipality(municipality) is null)
            {
                errors.Add(new ValidationError(ValueInvalid) { Field = "municipality" });
            }

            var onlyMine = ParseBool(mine, "mine", errors) ?? false;
            var wantedOverdue = ParseBool(overdue, "overdue", errors);
            if (errors.Count > 0)
            {
                return Problem(errors, l);
            }

            var result = await handler.HandleAsync(
                new ListInboxQuery(search, wantedStatus, new PageRequest(pageNumber, size), wantedGround, municipality, onlyMine, wantedOrder, wantedOverdue),
                ct);
            if (!result.TryGetValue(out var rows))
            {
                return Problem(result.Errors, l);
            }

            return Results.Ok(new
            {
                rows.TotalCount,
                Items = rows.Items.Select(r => new
                {
                    r.Id, r.ClientName, ClientIdentityCode = r.ClientIdentityCode.Value, r.HomeMunicipalityCode,
                    Ground = r.Ground.ToString(), Status = r.Status.ToString(), r.SentAt, r.NamedWorkerName,
                    r.Urgent, r.RespondBy, r.IsOverdue, ForwardTarget = r.ForwardTarget?.ToString(),
                }),
            });
        }).RequireAuthorization(Policies.Receiver);

        return endpoints;
    }

    /// <summary>The text of a query value that is not one the parameter takes.</summary>
    public const string ValueInvalid = "Api.ValueInvalid";

    /// <summary>
    /// An enum from exactly one of its names (any case). Numbers, lists ("Sent,Received", which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
    /// would OR into another value) and padded names are errors on that parameter.
    /// </summary>
    public static TEnum? ParseEnum<TEnum>(string? value, string name, string errorCode, List<Error> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return Enum.Parse<TEnum>(known);
        }

        errors.Add(new ValidationError(errorCode) { Field = name });
        return null;
    }

    /// <summary>"true" or "false" (any case); absent is null.</summary>
    public static bool? ParseBool(string? value, string name, List<Error> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(new ValidationError(ValueInvalid) { Field = name });
        return null;
    }

    /// <summary>An absent value gives the default; a value that is not a whole number of <see cref="int"/>'s range gives the error.</summary>
    private static int ParseInt(string? value, int defaultValue, ValidationError error, List<Error> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(error);
        return defaultValue;
    }

    /// <summary>
    /// Errors as one problem: validation errors as a 400 validation problem whose <c>errors</c> are keyed by the query
    /// parameter each names (its <see cref="Error.Field"/>), anything else as <see cref="Problem(Error, IStringLocalizer{SharedResource})"/>.
    /// </summary>
    public static IResult Problem(IReadOnlyList<Error> errors, IStringLocalizer<SharedResource> l)
    {
        if (errors.Any(e => e is not ValidationError))
        {
            return Problem(errors.First(e => e is not ValidationError), l);
        }

        return Results.ValidationProblem(
            errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => FieldErrors.Text(l, e)).Distinct().ToArray()),
            title: l["Api.InvalidRequest"],
            extensions: new Dictionary<string, object?> { ["code"] = errors[0].Code });
    }

    /// <summary>The one place where an error value becomes an HTTP problem.</summary>
    public static IResult Problem(Error error, IStringLocalizer<SharedResource> l)
    {
        var status = error switch
        {
            NotFoundError => StatusCodes.Status404NotFound,
            ValidationError => StatusCodes.Status400BadRequest,
            ConflictError or InvalidTransitionError => StatusCodes.Status409Conflict,
            ForbiddenError => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };

        return Results.Problem(
            title: FieldErrors.Text(l, error),
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["field"] = error.Field });
    }
}

/// <summary>A referral as the API returns it: codes, not labels, so a client can map them (see docs/referrals.md).</summary>
public sealed record ReferralResponse(
    Guid Id, string ClientName, string ClientIdentityCode, string HomeMunicipalityCode, string Kind, string Ground, bool ConsentGiven,
    string? SituationDescription, string Status, DateTimeOffset SentAt, string SentByName, string? NamedWorkerName, DateTimeOffset? AcceptedAt)
{
    public bool Urgent { get; init; }

    public DateOnly? RespondBy { get; init; }

    public bool IsOverdue { get; init; }

    public ConsentResponse Consent { get; init; } = default!;

    public static ReferralResponse From(ReferralDetails r) => new(
        r.Id, r.ClientName, r.ClientIdentityCode.Value, r.HomeMunicipalityCode, r.Ground.KindOf().ToString(), r.Ground.ToString(), r.ConsentGiven,
        r.SituationDescription, r.Status.ToString(), r.SentAt, r.SentByName, r.NamedWorkerName, r.AcceptedAt)
    {
        Urgent = r.Urgent,
        RespondBy = r.RespondBy,
        IsOverdue = r.IsOverdue,
        Consent = new ConsentResponse(r.Consent.Given, r.Consent.GivenOn, r.Consent.Method?.ToString(), r.ConsentRecordedByName,
            r.Consent.CoversDescription, r.Consent.CoversFeedback),
    };
}

/// <summary>The consent record: given or not, when, how, recorded by whom, and what it covers.</summary>
public sealed record ConsentResponse(bool Given, DateOnly? GivenOn, string? Method, string? RecordedBy, bool CoversDescription, bool CoversFeedback);
