using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Infrastructure.Persistence;
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

    /// <summary>Date and number fields that hold text they cannot read: nothing is sent while any does.</summary>
    protected UnreadableInput Unreadable { get; } = new();

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
        catch (Exception exception) when (DatabaseOutage.IsCause(exception))
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
        var validator = Services.GetService(typeof(IValidator<TCommand>)) as IValidator<TCommand>;
        if (validator is null && !Unreadable.Any)
        {
            return true;
        }

        // Unreadable text first: its message is the one its field shows.
        var errors = Unreadable.Errors.ToList();
        if (validator is not null)
        {
            errors.AddRange((await validator.CheckAsync(Command, CancellationToken.None)).Errors);
        }

        Errors.Show(errors);
        return errors.Count == 0;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "{Command} not saved: the database is unavailable")]
    private static partial void LogNotSaved(ILogger logger, string command, Exception exception);
}
