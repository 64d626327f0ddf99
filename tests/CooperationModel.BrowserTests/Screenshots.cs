using Microsoft.Playwright;

namespace CooperationModel.BrowserTests;

/// <summary>Full-page PNGs under $TEST_OUTPUT_DIR/screenshots (or test-output/screenshots next to the test DLL).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("TEST_OUTPUT_DIR") is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "test-output"),
        "screenshots");

    public static async Task<string> SaveAsync(IPage page, string test, string step)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{test}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
