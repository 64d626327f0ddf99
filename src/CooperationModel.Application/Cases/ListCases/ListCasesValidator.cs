using CooperationModel.Application.Common;
using FluentValidation;

namespace CooperationModel.Application.Cases.ListCases;

public sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Search).MustBeSearchText();
        RuleFor(q => q.Page).PageMustExist();
    }
}
