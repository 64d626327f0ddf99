namespace CooperationModel.Web.Tests;

/// <summary>Files of the repository the tests read (the strings, the components).</summary>
internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CooperationModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root was not found.");
    }

    public static string WebProject() => Path.Combine(Root(), "src", "CooperationModel.Web");
}
