using System.Reflection;
using System.Xml.Linq;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Tests.Localization;

/// <summary>Every string a user can meet exists in Finnish, Swedish and English.</summary>
public sealed class StringsTests : ComponentTestContext
{
    public static TheoryData<string> Cultures => new() { "fi", "sv", "en" };

    [Fact]
    public void ResourceFiles_HaveTheSameKeysInEveryLanguage()
    {
        var finnish = KeysOf("SharedResource.resx");

        KeysOf("SharedResource.sv.resx").ShouldBe(finnish, ignoreOrder: true);
        KeysOf("SharedResource.en.resx").ShouldBe(finnish, ignoreOrder: true);
        finnish.Count.ShouldBeGreaterThan(100);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryErrorCode_IsTranslated(string culture)
    {
        UseCulture(culture);

        var missing = ErrorCodes().Where(IsMissing).ToList();

        missing.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task EveryValidatorMessage_IsTranslated(string culture)
    {
        UseCulture(culture);
        var codes = new List<string>();
        codes.AddRange(await MessagesAsync(new OpenCaseCommand("", "", "")));
        codes.AddRange(await MessagesAsync(new OpenCaseCommand(new string('x', 201), "010190-900A", "478")));
        codes.AddRange(await MessagesAsync(new SendReferralCommand(Guid.Empty, null, null, null)));
        codes.AddRange(await MessagesAsync(new SendReferralCommand(Guid.Empty, (ReferralGround)99, false, "text")));

        codes.ShouldNotBeEmpty();
        codes.Where(IsMissing).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryEnumLabel_IsTranslated(string culture)
    {
        UseCulture(culture);
        var keys = Enum.GetValues<ReferralGround>().Select(g => $"Ground.{g}")
            .Concat(Enum.GetValues<ReferralStatus>().Select(s => $"ReferralStatus.{s}"))
            .Concat(Enum.GetValues<LegalBasis>().Select(b => $"LegalBasis.{b}"))
            .Concat(Enum.GetValues<ExpectedPlan>().Select(p => $"Plan.{p}"));

        keys.Where(IsMissing).ShouldBeEmpty();
    }

    [Fact]
    public void Strings_DifferBetweenLanguages()
    {
        UseCulture("fi");
        var finnish = Localizer["Login.Title"].Value;
        UseCulture("sv");
        var swedish = Localizer["Login.Title"].Value;
        UseCulture("en");
        var english = Localizer["Login.Title"].Value;

        new[] { finnish, swedish, english }.ShouldBe(["Kirjautuminen", "Inloggning", "Sign in"]);
    }

    private IStringLocalizer<SharedResource> Localizer => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    private bool IsMissing(string key) => Localizer[key].ResourceNotFound;

    private async Task<IEnumerable<string>> MessagesAsync<T>(T command)
    {
        var result = await Services.GetRequiredService<IValidator<T>>().CheckAsync(command, CancellationToken.None);
        return result.Errors.Select(e => e.Code);
    }

    /// <summary>The codes of every error the domain and the use cases declare (static members returning an Error).</summary>
    private static IEnumerable<string> ErrorCodes()
    {
        var assemblies = new[] { typeof(PersonalIdentityCode).Assembly, typeof(CommonErrors).Assembly };
        var codes = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => typeof(Error).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
            .Select(p => ((Error)p.GetValue(null)!).Code)
            .Distinct()
            .ToList();
        codes.Count.ShouldBeGreaterThan(20);
        return codes;
    }

    private static List<string> KeysOf(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "CooperationModel.Web", "Resources", fileName);
        return XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CooperationModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root was not found.");
    }
}
