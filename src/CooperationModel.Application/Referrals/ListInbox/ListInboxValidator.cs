using CooperationModel.Application.Common;
using FluentValidation;

namespace CooperationModel.Application.Referrals.ListInbox;

public sealed class ListInboxValidator : AbstractValidator<ListInboxQuery>
{
    public ListInboxValidator()
    {
        RuleFor(q => q.Search).MustBeSearchText();
        RuleFor(q => q.Page).PageMustExist();
    }
}
