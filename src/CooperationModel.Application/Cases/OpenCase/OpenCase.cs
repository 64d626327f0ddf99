using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Cases.OpenCase;

/// <summary>
/// A Kela handler records a new client case. <paramref name="ConfirmNameChange"/>: the handler confirms that the client
/// is the one the district knows by this identity code under another name (names change).
/// </summary>
public sealed record OpenCaseCommand(string ClientName, string IdentityCode, string HomeMunicipalityCode, bool ConfirmNameChange = false);

public interface IOpenCaseHandler
{
    Task<Result<Guid>> HandleAsync(OpenCaseCommand command, CancellationToken cancellationToken = default);
}

public sealed class OpenCaseHandler(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    IValidator<OpenCaseCommand> validator,
    TimeProvider clock,
    IIdentityCodeHasher identityCodes) : IOpenCaseHandler
{
    public async Task<Result<Guid>> HandleAsync(OpenCaseCommand command, CancellationToken cancellationToken = default)
    {
        var allowed = await user.CheckAsync(UserRole.KelaHandler, validator, command, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return Result<Guid>.Failure(allowed.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var district = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId, cancellationToken);
        var municipality = ReferenceCatalog.Instance.FindMunicipality(command.HomeMunicipalityCode)!;
        var identityCode = PersonalIdentityCode.Parse(command.IdentityCode).Value;

        var opened = ClientCase.Open(user.ToActor(), district, command.ClientName, identityCode, municipality, clock.GetUtcNow());
        if (!opened.TryGetValue(out var clientCase))
        {
            return Result<Guid>.Failure(opened.Errors);
        }

        // The district's earlier cases of the same client, found by the keyed hash (the codes themselves are encrypted).
        var knownNames = await db.Cases.AsNoTracking().WithIdentityCode(identityCodes.Hash(identityCode))
            .Select(c => c.ClientName).Distinct().ToListAsync(cancellationToken);
        if (ClientCase.NameDiffersFrom(clientCase.ClientName, knownNames))
        {
            if (!command.ConfirmNameChange)
            {
                return ClientCase.Errors.NameDiffersFromKnownClient;
            }

            clientCase.ConfirmNameChange(user.ToActor(), clock.GetUtcNow());
        }

        db.Cases.Add(clientCase);
        await db.SaveChangesAsync(cancellationToken);
        return clientCase.Id;
    }
}
