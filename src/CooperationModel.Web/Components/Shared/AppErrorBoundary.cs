using CooperationModel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Components.Shared;

/// <summary>
/// Catches an unexpected error in a page, or in a part of the layout, logs it with an id, and shows the user a generic
/// message with that id; never the exception's text, which may hold personal data. When the database cannot be reached
/// the message says so, and that trying again later will help. Nothing inside it can end the circuit.
/// </summary>
public sealed partial class AppErrorBoundary : ErrorBoundary
{
    private string _incidentId = "";
    private bool _databaseDown;

    /// <summary>For a part of the layout (the app bar): a short text in a line instead of a page's alert.</summary>
    [Parameter]
    public bool Compact { get; set; }

    [Inject]
    private ILogger<AppErrorBoundary> Logger { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        _incidentId = Guid.NewGuid().ToString("N")[..12];
        _databaseDown = DatabaseOutage.IsCause(exception);
        LogUnhandled(Logger, exception.GetType().Name, _databaseDown, _incidentId, exception);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        if (Compact)
        {
            builder.OpenElement(1, "span");
            builder.AddAttribute(2, "class", "layout-error mx-2");
            builder.AddAttribute(3, "role", "status");
            builder.AddAttribute(4, "data-testid", "layout-error");
            builder.AddContent(5, _databaseDown ? L["ErrorUi.DatabaseUnavailableShort"].Value : L["ErrorUi.PartFailed", _incidentId].Value);
            builder.CloseElement();
            return;
        }

        builder.OpenElement(6, "div");
        builder.AddAttribute(7, "class", "mud-alert mud-alert-text-error pa-4");
        builder.AddAttribute(8, "role", "alert");
        builder.AddAttribute(9, "data-testid", _databaseDown ? "database-unavailable" : "unexpected-error");
        builder.AddContent(10, _databaseDown ? L["ErrorUi.DatabaseUnavailable", _incidentId].Value : L["Common.UnexpectedError", _incidentId].Value);
        builder.CloseElement();
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in a page (database unreachable: {DatabaseDown}), incident {IncidentId}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, bool databaseDown, string incidentId, Exception exception);
}
