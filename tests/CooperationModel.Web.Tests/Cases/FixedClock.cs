namespace CooperationModel.Web.Tests.Cases;

/// <summary>A clock stopped at Monday 14.4.2025 10.00 Finnish time, so the forms' "today" is known.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly DateOnly Today = new(2025, 4, 14);

    public static readonly DateTimeOffset Now = new(2025, 4, 14, 7, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
