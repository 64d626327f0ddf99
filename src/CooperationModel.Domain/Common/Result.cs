using System.Diagnostics.CodeAnalysis;

namespace CooperationModel.Domain.Common;

/// <summary>The outcome of an operation that can fail in an expected way: success, or one or more errors.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public Error FirstError => IsSuccess
        ? throw new InvalidOperationException("A successful result has no error.")
        : Errors[0];

    public static Result Success() => new([]);

    public static Result Failure(Error error) => new([error]);

    public static Result Failure(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        return list.Count == 0 ? throw new ArgumentException("A failure needs an error.", nameof(errors)) : new Result(list);
    }

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>The outcome of an operation that returns a value when it succeeds.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base([]) => _value = value;

    private Result(IReadOnlyList<Error> errors) : base(errors) { }

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value ({FirstError.Code}).");

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    public static Result<T> Success(T value) => new(value);

    public static new Result<T> Failure(Error error) => new([error]);

    public static new Result<T> Failure(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        return list.Count == 0 ? throw new ArgumentException("A failure needs an error.", nameof(errors)) : new Result<T>(list);
    }

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
