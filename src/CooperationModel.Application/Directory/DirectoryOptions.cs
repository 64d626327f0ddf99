using CooperationModel.Domain.Directory;

namespace CooperationModel.Application.Directory;

/// <summary>The partners' directory's settings (section <c>Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>A contact or an operating environment checked longer ago than this many months is shown as stale.</summary>
    public int StaleAfterMonths { get; set; } = CheckedOn.DefaultStaleAfterMonths;
}
