namespace CooperationModel.Domain.Common;

/// <summary>
/// An expected failure that a user can cause, carried as a value (see docs/adr/0002-errors-as-values.md).
/// <see cref="Code"/> is a stable key that the user interface translates; it never holds personal data.
/// </summary>
public abstract record Error(string Code)
{
    /// <summary>The field the error belongs to, when it belongs to one (used to place it in a form).</summary>
    public string? Field { get; init; }

    /// <summary>Keys of values the message names (e.g. "Stage.Processing"), themselves translated before use.</summary>
    public IReadOnlyList<string> ArgumentKeys { get; init; } = [];
}

/// <summary>The record does not exist, or the current user may not see it (the two are never told apart).</summary>
public sealed record NotFoundError(string Code) : Error(Code);

/// <summary>The input breaks a rule; <see cref="Error.Field"/> names the input when there is one.</summary>
public sealed record ValidationError(string Code) : Error(Code);

/// <summary>Someone else changed the record first, or the change no longer applies.</summary>
public sealed record ConflictError(string Code) : Error(Code);

/// <summary>The current user is signed in but may not do this.</summary>
public sealed record ForbiddenError(string Code) : Error(Code);

/// <summary>The record is not in a state that allows this change.</summary>
public sealed record InvalidTransitionError(string Code) : Error(Code);
