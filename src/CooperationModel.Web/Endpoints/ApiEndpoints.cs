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
        var api = endpoints.MapGroup("/api").RequireRateLimiting(Security.RateLimits.ApiPolicy);

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
            [FromQuery] string? ground, [FromQuery] string? municipality, [FromQuery] bool? mine, [FromQuery] string? order, [FromQuery] string? overdue,
            IListInboxHandler handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            // Query values are read here, not bound, so that a malformed one gets the same localised 400.
            var errors = new Dictionary<string, string[]>();
            var pageNumber = ParseOptional(page, 1);
            if (pageNumber is not >= 1)
            {
                errors["page"] = [l["Api.PageInvalid"]];
            }

            var size = ParseOptional(pageSize, PageRequest.DefaultPageSize);
            if (size is not (>= 1 and <= PageRequest.MaxPageSize))
            {
                errors["pageSize"] = [l["Api.PageSizeInvalid", PageRequest.MaxPageSize]];
            }

            var wantedStatus = ParseEnum<ReferralStatus>(status, "status", "Api.StatusInvalid", errors, l);
            var wantedGround = ParseEnum<ReferralGround>(ground, "ground", "Api.ValueInvalid", errors, l);
            var wantedOrder = ParseEnum<InboxOrder>(order, "order", "Api.ValueInvalid", errors, l) ?? InboxOrder.NewestFirst;
            if (!string.IsNullOrEmpty(municipality) && CooperationModel.Domain.Geography.ReferenceCatalog.Instance.FindMunicipality(municipality) is null)
            {
                errors["municipality"] = [l["Api.ValueInvalid"]];
            }

            bool? wantedOverdue = null;
            if (!string.IsNullOrEmpty(overdue))
            {
                if (bool.TryParse(overdue, out var onlyOverdue))
                {
                    wantedOverdue = onlyOverdue;
                }
                else
                {
                    errors["overdue"] = [l["Api.ValueInvalid"]];
                }
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: l["Api.InvalidRequest"]);
            }

            var rows = await handler.HandleAsync(
                new ListInboxQuery(
                    search, wantedStatus, new PageRequest(pageNumber!.Value, size!.Value), wantedGround, municipality, mine ?? false, wantedOrder, wantedOverdue),
                ct);
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

    /// <summary>An enum from its name (any case); an unknown name is an error on that parameter.</summary>
    private static TEnum? ParseEnum<TEnum>(string? value, string name, string errorKey, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> l)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors[name] = [l[errorKey]];
        return null;
    }

    /// <summary>An absent value gives the default; a value that is not a whole number gives null.</summary>
    private static int? ParseOptional(string? value, int defaultValue) =>
        string.IsNullOrEmpty(value)
            ? defaultValue
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

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
