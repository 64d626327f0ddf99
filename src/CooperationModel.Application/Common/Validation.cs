using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using FluentValidation;

namespace CooperationModel.Application.Common;

public static class Validation
{
    /// <summary>
    /// Runs a validator and turns its failures into validation errors; messages are error codes, and a failure whose custom
    /// state is a domain error (<see cref="AddError"/>) keeps that error's argument keys (e.g. the largest length allowed).
    /// </summary>
    public static async Task<Result> CheckAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var outcome = await validator.ValidateAsync(request, cancellationToken);
        return outcome.IsValid
            ? Result.Success()
            : Result.Failure(outcome.Errors.Select(f => new ValidationError(f.ErrorMessage)
            {
                Field = f.PropertyName,
                ArgumentKeys = (f.CustomState as Error)?.ArgumentKeys ?? [],
            }));
    }

    /// <summary>Adds a domain error as a failure of the input it names (its field), with its argument keys.</summary>
    public static void AddError<T>(this FluentValidation.ValidationContext<T> context, Error error) =>
        context.AddFailure(new FluentValidation.Results.ValidationFailure(error.Field ?? context.PropertyPath, error.Code) { CustomState = error });

    /// <summary>The common start of a command: the user has the role it needs, then the request is valid.</summary>
    public static async Task<Result> CheckAsync<T>(
        this ICurrentUser user, UserRole role, IValidator<T> validator, T request, CancellationToken cancellationToken) =>
        user.Role == role ? await validator.CheckAsync(request, cancellationToken) : CommonErrors.WrongRole;

    /// <summary>Adds a domain error as a failure of the property being validated.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> MustPass<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule, Func<TProperty, Result> check) =>
        rule.Custom((value, context) =>
        {
            var result = check(value);
            if (!result.IsSuccess)
            {
                context.AddFailure(context.PropertyPath, result.FirstError.Code);
            }
        });

    /// <summary>Adds every error of a check as a failure of the input the error names (its field), or of the property.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> MustPassWithOwnFields<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule, Func<TProperty, Result> check) =>
        rule.Custom((value, context) =>
        {
            foreach (var error in check(value).Errors)
            {
                context.AddFailure(error.Field ?? context.PropertyPath, error.Code);
            }
        });
}

/// <summary>Errors that many use cases share.</summary>
public static class CommonErrors
{
    public static ForbiddenError WrongRole => new("Common.WrongRole");
    public static ConflictError ChangedByAnother => new("Common.ChangedByAnother");
}
