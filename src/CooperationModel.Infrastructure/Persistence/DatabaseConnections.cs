namespace CooperationModel.Infrastructure.Persistence;

/// <summary>
/// The two database roles (docs/security.md). The app works as <see cref="App"/>, a role that owns no tables and
/// cannot bypass row-level security; migrations and reference data run as <see cref="Owner"/>, the tables' owner
/// (ConnectionStrings:Owner; without it, the app's own connection, for a database set up by hand).
/// </summary>
public sealed record DatabaseConnections(string App, string? OwnerOrNull)
{
    public string Owner => OwnerOrNull ?? App;
}
