using CooperationModel.Application.Messages.DownloadAttachment;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// Downloads of message files. Only the roles that work with clients (an admin or a coordinator gets 403), and only a file of a message their organisation sent or
/// received; anything else is a 404 with problem details (a file of another organisation is never told apart from
/// none). The file is always a download, typed as its bytes were recognised when it was sent, never sniffed again.
/// </summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
                "/referrals/{referralId:guid}/attachments/{attachmentId:guid}",
                async (Guid referralId, Guid attachmentId, IDownloadAttachmentHandler handler, IStringLocalizer<SharedResource> l, HttpContext context, CancellationToken ct) =>
                {
                    var headers = context.Response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    // Personal data: no cache along the way or in the browser keeps a copy.
                    headers.CacheControl = "no-store";
                    var result = await handler.HandleAsync(referralId, attachmentId, ct);
                    return result.TryGetValue(out var file)
                        ? Results.File(file.Content, file.ContentType, file.FileName)
                        : ApiEndpoints.Problem(result.FirstError, l);
                })
            .RequireAuthorization(Policies.ClientWork);
        return endpoints;
    }
}
