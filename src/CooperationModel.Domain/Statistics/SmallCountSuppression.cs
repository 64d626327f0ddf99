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
    /// Which of <paramref name="parts"/> to suppress when they are shown beside their total (the total is suppressed
    /// on its own rule, <see cref="Suppresses"/>). The suppressed parts add up to the total less the parts shown, so
    /// while that sum gives them away (one part suppressed; or all of them 1, or all of them the threshold − 1), the
    /// smallest part still shown (other than zero) is suppressed too.
    /// </summary>
    public IReadOnlyList<bool> SuppressParts(int total, IReadOnlyList<int> parts)
    {
        var suppressed = parts.Select(Suppresses).ToArray();
        if (Suppresses(total))
        {
            return suppressed;
        }

        while (GivenAway(suppressed, parts))
        {
            var next = Enumerable.Range(0, parts.Count)
                .Where(i => !suppressed[i] && parts[i] > 0)
                .OrderBy(i => parts[i])
                .ThenBy(i => i)
                .Cast<int?>()
                .FirstOrDefault();
            if (next is not { } index)
            {
                break;
            }

            suppressed[index] = true;
        }

        return suppressed;
    }

    private bool GivenAway(bool[] suppressed, IReadOnlyList<int> parts)
    {
        var hidden = Enumerable.Range(0, parts.Count).Where(i => suppressed[i]).Select(i => parts[i]).ToList();
        var sum = hidden.Sum();
        return hidden.Count == 1 || (hidden.Count > 1 && (sum == hidden.Count || sum == hidden.Count * (Threshold - 1)));
    }
}
