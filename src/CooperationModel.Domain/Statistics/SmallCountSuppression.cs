namespace CooperationModel.Domain.Statistics;

/// <summary>
/// Statistical disclosure control for figures read by those who may not see the records behind them (coordinators):
/// a count from 1 to <see cref="Threshold"/> − 1 is suppressed (shown as "&lt;5" with the default threshold), and so is
/// anything computed from it (its share, a median of so few). Zero is shown: it tells nothing about any one person.
/// Where parts are shown beside their total, one suppressed part could be worked out from the total and the others, so
/// a second part is suppressed too (complementary suppression): the smallest other part.
/// </summary>
public sealed record SmallCountSuppression
{
    public const int DefaultThreshold = 5;

    public SmallCountSuppression(int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
    }

    /// <summary>For those who may see the records themselves (an organisation's own figures): nothing is suppressed.</summary>
    public static SmallCountSuppression None { get; } = new(1);

    public static SmallCountSuppression Default { get; } = new(DefaultThreshold);

    /// <summary>The smallest count shown (other than zero).</summary>
    public int Threshold { get; }

    public bool Suppresses(int count) => count > 0 && count < Threshold;

    /// <summary>
    /// Which of <paramref name="parts"/> to hide when they are shown beside their total (the total is hidden on its
    /// own rule, <see cref="Suppresses"/>): the small ones (<see cref="PartSuppression.Small"/>), and while any small
    /// one could still be worked out from the total, the parts shown and what a reader knows of the hidden ones (a
    /// small one is from 1 to <see cref="Threshold"/> − 1, a complementary one anything from zero), the smallest
    /// non-zero part still shown as well (<see cref="PartSuppression.Complementary"/>; a zero one when none is left).
    /// When every part is hidden and a small one can still be worked out (all of them the threshold − 1), the total is
    /// hidden too.
    /// </summary>
    public SuppressedParts SuppressParts(int total, IReadOnlyList<int> parts)
    {
        var suppressed = parts.Select(p => Suppresses(p) ? PartSuppression.Small : PartSuppression.None).ToArray();
        if (Suppresses(total))
        {
            return new SuppressedParts(PartSuppression.Small, suppressed);
        }

        while (SmallOneWorkedOut(total, parts, suppressed))
        {
            var next = Enumerable.Range(0, parts.Count)
                .Where(i => suppressed[i] == PartSuppression.None)
                .OrderBy(i => parts[i] == 0)
                .ThenBy(i => parts[i])
                .ThenBy(i => i)
                .Cast<int?>()
                .FirstOrDefault();
            if (next is not { } index)
            {
                return new SuppressedParts(PartSuppression.Complementary, suppressed);
            }

            suppressed[index] = PartSuppression.Complementary;
        }

        return new SuppressedParts(PartSuppression.None, suppressed);
    }

    /// <summary>
    /// Whether a reader pins a small hidden part to one value: the hidden parts add up to the total less the parts
    /// shown, each within its known bounds, so each one's range is that sum less the others' largest and smallest.
    /// </summary>
    private bool SmallOneWorkedOut(int total, IReadOnlyList<int> parts, PartSuppression[] suppressed)
    {
        var hidden = Enumerable.Range(0, parts.Count).Where(i => suppressed[i] != PartSuppression.None).ToList();
        var sum = total - Enumerable.Range(0, parts.Count).Where(i => suppressed[i] == PartSuppression.None).Sum(i => parts[i]);
        int Min(int i) => suppressed[i] == PartSuppression.Small ? 1 : 0;
        int Max(int i) => suppressed[i] == PartSuppression.Small ? Threshold - 1 : sum;
        return hidden.Where(i => suppressed[i] == PartSuppression.Small).Any(i =>
        {
            var others = hidden.Where(j => j != i).ToList();
            var lowest = Math.Max(Min(i), sum - others.Sum(Max));
            var highest = Math.Min(Max(i), sum - others.Sum(Min));
            return lowest >= highest;
        });
    }
}

/// <summary>Which of a total and its parts to hide, and why.</summary>
public sealed record SuppressedParts(PartSuppression Total, IReadOnlyList<PartSuppression> Parts);

/// <summary>Why a part of a total (or the total) is hidden, if it is.</summary>
public enum PartSuppression
{
    None = 0,

    /// <summary>It is from 1 to the threshold − 1.</summary>
    Small = 1,

    /// <summary>It is not small, but a small part could be worked out from the total if it were shown.</summary>
    Complementary = 2,
}
