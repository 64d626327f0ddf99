using CooperationModel.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CooperationModel.Web.Services;

/// <summary>
/// Gives a Blazor circuit its current user: the circuit has its own DI scope, so the value the HTTP middleware set
/// is not there. The framework sets the authentication state before the circuit opens and before any component renders.
/// </summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authenticationState, PrincipalUser user)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationState.AuthenticationStateChanged += OnAuthenticationStateChanged;
        var state = await authenticationState.GetAuthenticationStateAsync();
        user.Set(state.User);
    }

    public void Dispose() => authenticationState.AuthenticationStateChanged -= OnAuthenticationStateChanged;

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> task)
    {
        try
        {
            user.Set((await task).User);
        }
        catch (InvalidOperationException)
        {
            // A failed authentication state leaves the circuit with no user: data access then fails closed.
            user.Set(new System.Security.Claims.ClaimsPrincipal());
        }
    }
}
