using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using FluentValidation;

namespace CooperationModel.Application.Common;

public static class Validation
{
    /// <summary>Runs a validator and turns its failures into validation errors; messages are error codes.</summary>
    public static async Task<Result> CheckAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var outcome = await validator.ValidateAsync(request, cancellationToken);
        return outcome.IsValid
            ? Result.Success()
            : Result.Failure(outcome.Errors.Select(f => new ValidationError(f.ErrorMessage) { Field = f.PropertyName }));
    }

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
