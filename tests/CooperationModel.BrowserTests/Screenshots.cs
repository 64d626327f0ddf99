using Microsoft.Playwright;

namespace CooperationModel.BrowserTests;

/// <summary>Full-page PNGs under $TEST_OUTPUT_DIR/screenshots (or test-output/screenshots next to the test DLL).</summary>
public static class Screenshots
{
    /// <summary>
    /// Scrolls to the top (a full-page shot of a scrolled page draws the fixed app bar in the middle of the page) and waits, at
    /// most two seconds, for running finite animations to end: the tab slider's 0.3 s glide, a snackbar's 1 s fade-in.
    /// </summary>
    private const string Settle = """
        async () => {
            window.scrollTo(0, 0);
            const finite = document.getAnimations().filter(a => a.effect?.getComputedTiming().iterations !== Infinity);
            await Promise.race([
                Promise.all(finite.map(a => a.finished.catch(() => null))),
                new Promise(resolve => setTimeout(resolve, 2000)),
            ]);
        }
        """;

    public static string Folder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("TEST_OUTPUT_DIR") is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "test-output"),
        "screenshots");

    public static async Task<string> SaveAsync(IPage page, string test, string step)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{test}-{step}.png");
        try
        {
            await page.EvaluateAsync(Settle);
        }
        catch (PlaywrightException)
        {
            // A page in the middle of navigating: take the shot as it is.
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
