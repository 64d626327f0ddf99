using CooperationModel.Application.Pilots;

namespace CooperationModel.Web.Components.Pages.Coordination;

/// <summary>The timeline's columns: every month from the first pilot's start to the last one's end.</summary>
public static class PilotTimelineMonths
{
    public static List<DateOnly> Between(IReadOnlyList<PilotRow> pilots)
    {
        var starts = pilots.Where(p => p.StartMonth is not null).Select(p => p.StartMonth!.Value).ToList();
        if (starts.Count == 0)
        {
            return [];
        }

        var last = pilots.Select(p => p.EndMonth ?? p.StartMonth).Where(m => m is not null).Max()!.Value;
        var months = new List<DateOnly>();
        for (var month = starts.Min(); month <= last; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }
}
