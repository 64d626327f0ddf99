using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Tests;

internal static class ResultAssertions
{
    /// <summary>The result failed with exactly one error, of the given type, code and field.</summary>
    public static TError ShouldFailWith<TError>(this Result result, string code, string? field = null)
        where TError : Error
    {
        result.IsSuccess.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<TError>();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
        return error;
    }
}
