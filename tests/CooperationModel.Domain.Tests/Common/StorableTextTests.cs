using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Tests.Common;

/// <summary>What a text may hold to be stored: a line no control character, a text its line breaks and tabs; never a lone surrogate.</summary>
public class StorableTextTests
{
    [Theory]
    [InlineData("Aikuissosiaalityö, puh. 09 310 00000", true, true)]
    [InlineData("rivi 1\nrivi 2\r\n\tsisennys", false, true)]
    [InlineData("NUL \0 ei käy", false, false)]
    [InlineData("kello \u0007", false, false)]
    [InlineData("emoji \U0001F600 käy", true, true)]
    [InlineData("", true, true)]
    public void IsLine_IsText(string value, bool line, bool text)
    {
        StorableText.IsLine(value).ShouldBe(line);
        StorableText.IsText(value).ShouldBe(text);
    }

    /// <summary>Built in code: a theory's data would pass through serialisation, which replaces a lone surrogate.</summary>
    [Fact]
    public void ALoneSurrogate_IsNeither()
    {
        foreach (var value in new[] { "yksinäinen " + '\uD83D' + " sijaismerkki", "väärin päin " + '\uDE00' + '\uD83D', "lopussa " + '\uD83D' })
        {
            StorableText.IsLine(value).ShouldBeFalse();
            StorableText.IsText(value).ShouldBeFalse();
        }
    }
}
