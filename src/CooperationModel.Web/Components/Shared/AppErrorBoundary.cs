using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Components.Shared;

/// <summary>
/// Catches an unexpected error in a page, logs it with an id, and shows the user a generic message with that id;
/// never the exception's text, which may hold personal data.
/// </summary>
public sealed partial class AppErrorBoundary : ErrorBoundary
{
    private string _incidentId = "";

    [Inject]
    private ILogger<AppErrorBoundary> Logger { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        _incidentId = Guid.NewGuid().ToString("N")[..12];
        LogUnhandled(Logger, exception.GetType().Name, _incidentId, exception);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenElement(1, "div");
        builder.AddAttribute(2, "class", "mud-alert mud-alert-text-error pa-4");
        builder.AddAttribute(3, "role", "alert");
        builder.AddContent(4, L["Common.UnexpectedError", _incidentId].Value);
        builder.CloseElement();
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in a page, incident {IncidentId}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string incidentId, Exception exception);
}
