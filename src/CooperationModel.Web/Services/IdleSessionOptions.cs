using System.ComponentModel.DataAnnotations;

namespace CooperationModel.Web.Services;

/// <summary>
/// The idle session timeout: the auth cookie expires <see cref="IdleTimeout"/> after the last request (sliding),
/// and the interactive app warns <see cref="WarningBefore"/> the timeout, then signs the user out.
/// </summary>
public sealed class IdleSessionOptions : IValidatableObject
{
    public const string Section = "Session";

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan WarningBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an open Blazor circuit checks that its session was not ended (requests are checked every time).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Session:IdleTimeout must be positive.", [nameof(IdleTimeout)]);
        }

        if (WarningBefore <= TimeSpan.Zero || WarningBefore >= IdleTimeout)
        {
            yield return new ValidationResult("Session:WarningBefore must be positive and shorter than Session:IdleTimeout.", [nameof(WarningBefore)]);
        }

        if (RevalidationInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Session:RevalidationInterval must be positive.", [nameof(RevalidationInterval)]);
        }
    }
}
