namespace CooperationModel.Web.Components.Account;

/// <summary>Where the sign-in pages go afterwards: a path of this app only, never another site (no open redirect).</summary>
public static class ReturnUrls
{
    /// <summary>The return URL as a path of this app, or "/" when it is missing or could lead elsewhere.</summary>
    public static string Local(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? "/" + returnUrl.TrimStart('/')
            : "/";

    /// <summary>A sign-in page's address carrying the return URL on (only when it is somewhere else than the start page).</summary>
    public static string With(string path, string? returnUrl) =>
        Local(returnUrl) is var local && local == "/" ? path : $"{path}?returnUrl={Uri.EscapeDataString(local)}";
}
