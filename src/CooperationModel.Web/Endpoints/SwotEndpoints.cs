using CooperationModel.Application.Swot;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Tabular;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// The download of a round's findings as CSV or XLSX, in the layout the round editor's import reads back
/// (<see cref="SwotFindingTable"/>). Coordinators only; an unknown round is a 404 and a wrong format a 400, as problem
/// details. A GET that changes nothing: no antiforgery token (the import is the round editor's upload, in the circuit).
/// </summary>
public static class SwotEndpoints
{
    public static ValidationError FormatInvalid => new("SwotFile.WrongType") { Field = "format" };

    public static IEndpointRouteBuilder MapSwotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
                "/coordination/swot/export",
                async (string? round, string? format, ISwotRounds rounds, IStringLocalizer<SharedResource> l, HttpContext context, CancellationToken ct) =>
                {
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    context.Response.Headers.CacheControl = "no-store";
                    TabularFormat? chosen = format?.ToLowerInvariant() switch
                    {
                        "csv" => TabularFormat.Csv,
                        "xlsx" => TabularFormat.Xlsx,
                        _ => null,
                    };
                    if (chosen is not { } fileFormat)
                    {
                        return ApiEndpoints.Problem(FormatInvalid, l);
                    }

                    var result = await rounds.ExportAsync(round ?? "", ct);
                    if (!result.TryGetValue(out var findings))
                    {
                        return ApiEndpoints.Problem(result.FirstError, l);
                    }

                    var bytes = TabularFile.Write(fileFormat, SwotFindingTable.Rows(findings, l), "findings");
                    return Results.File(bytes, TabularFile.ContentType(fileFormat), SwotFindingTable.FileName(round!, fileFormat));
                })
            .RequireAuthorization(Policies.Coordinator);
        return endpoints;
    }
}
