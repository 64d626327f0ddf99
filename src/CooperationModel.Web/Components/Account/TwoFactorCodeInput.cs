namespace CooperationModel.Web.Components.Account;

/// <summary>A code typed into a form of the two-factor page.</summary>
public sealed class TwoFactorCodeInput
{
    public string Code { get; set; } = "";
}
