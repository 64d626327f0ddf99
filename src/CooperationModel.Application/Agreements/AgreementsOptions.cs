using CooperationModel.Domain.Agreements;

namespace CooperationModel.Application.Agreements;

/// <summary>The local agreements' settings (section <c>Agreements</c>).</summary>
public sealed class AgreementsOptions
{
    public const string Section = "Agreements";

    /// <summary>An agreement whose last day is at most this many days away is flagged as ending soon to both parties' admins.</summary>
    public int EndingSoonDays { get; set; } = AgreementValidity.DefaultEndingSoonDays;
}
