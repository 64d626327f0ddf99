using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using FluentValidation;

namespace CooperationModel.Application.Cases.OpenCase;

public sealed class OpenCaseValidator : AbstractValidator<OpenCaseCommand>
{
    public OpenCaseValidator()
    {
        RuleFor(c => c.ClientName)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(ClientCase.Errors.ClientNameRequired.Code)
            .Must(name => name is null || name.Trim().Length <= ClientCase.ClientNameMaxLength).WithMessage(ClientCase.Errors.ClientNameTooLong.Code);

        RuleFor(c => c.IdentityCode).MustPass(code => PersonalIdentityCode.Parse(code));

        RuleFor(c => c.HomeMunicipalityCode).MustPass(code =>
            ReferenceCatalog.Instance.FindMunicipality(code ?? "") switch
            {
                null => ClientCase.Errors.MunicipalityUnknown,
                { IsOnAland: true } => ClientCase.Errors.MunicipalityOnAland,
                _ => Result.Success(),
            });
    }
}
