using System.Data.Common;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Components.Shared;

/// <summary>
/// The life of a form that sends one command: the shared validator gives inline messages (and re-checks every change
/// after the first attempt), the use case has the final say, and what the user typed stays when saving fails, also
/// when the database cannot be reached: then the form says the save did not happen, and the user can try again.
/// </summary>
public abstract partial class CommandForm<TCommand> : ComponentBase
{
    private bool _submitted;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private ILogger<CommandForm<TCommand>> Logger { get; set; } = default!;

    /// <summary>Called after a successful save, e.g. to reload the page's data.</summary>
    [Parameter]
    public EventCallback OnSaved { get; set; }

    protected FieldErrors Errors { get; private set; } = default!;

    protected bool Saving { get; private set; }

    /// <summary>The command as the fields stand now.</summary>
    protected abstract TCommand Command { get; }

    protected abstract Task<Result> SubmitAsync(TCommand command);

    /// <summary>After a successful save: clear the fields if the form stays for another entry, or move on.</summary>
    protected virtual Task OnSucceededAsync() => Task.CompletedTask;

    protected override void OnInitialized() => Errors = new FieldErrors(Localizer);

    protected async Task RevalidateAsync()
    {
        if (_submitted)
        {
            await ValidateAsync();
        }
    }

    protected async Task SaveAsync()
    {
        _submitted = true;
        if (!await ValidateAsync())
        {
            return;
        }

        Saving = true;
        try
        {
            var result = await SubmitAsync(Command);
            if (!result.IsSuccess)
            {
                Errors.Show(result.Errors);
                return;
            }

            _submitted = false;
            Errors.Clear();
            await OnSucceededAsync();
            await OnSaved.InvokeAsync();
        }
        catch (Exception exception) when (IsDatabaseUnavailable(exception))
        {
            LogNotSaved(Logger, typeof(TCommand).Name, exception);
            Errors.ShowGeneral("Common.NotSavedTryAgain");
        }
        finally
        {
            Saving = false;
        }
    }

    private async Task<bool> ValidateAsync()
    {
        if (Services.GetService(typeof(IValidator<TCommand>)) is not IValidator<TCommand> validator)
        {
            return true;
        }

        var result = await validator.CheckAsync(Command, CancellationToken.None);
        Errors.Show(result.Errors);
        return result.IsSuccess;
    }

    /// <summary>
    /// The database is down, refuses connections or dropped the connection (the driver calls such a fault transient):
    /// nothing was saved, and trying again later may work. Any other exception is a bug, for the error boundary.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception? exception) =>
        exception is not null && (exception is DbException { IsTransient: true } || IsDatabaseUnavailable(exception.InnerException));

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "{Command} not saved: the database is unavailable")]
    private static partial void LogNotSaved(ILogger logger, string command, Exception exception);
}
