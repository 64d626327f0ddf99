using System.Reflection;
using System.Xml.Linq;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Application.Cases.RecordDecision;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.DeadlineSettings;
using CooperationModel.Application.Referrals.Forwarding;
using CooperationModel.Application.Messages.PostMessage;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Calendar;
using CooperationModel.Application.AccessLog;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Web.Components.Shared;
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

    /// <summary>strings.tsv is where the strings are edited (scripts/strings.py writes the .resx files from it).</summary>
    [Fact]
    public void StringsTsv_SaysWhatTheResourceFilesSay()
    {
        var path = Path.Combine(Repository.WebProject(), "Resources", "strings.tsv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        var files = new[] { "SharedResource.resx", "SharedResource.sv.resx", "SharedResource.en.resx" }.Select(ValuesOf).ToList();

        lines.ShouldAllBe(l => l.Length == 4);
        lines.Select(l => l[0]).ShouldBe(files[0].Keys, ignoreOrder: true, "a key is in strings.tsv or in the .resx files only: run `python3 scripts/strings.py --from-resx`");
        foreach (var line in lines)
        {
            for (var language = 0; language < files.Count; language++)
            {
                files[language][line[0]].ShouldBe(line[language + 1], $"{line[0]} differs between strings.tsv and the .resx files");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryErrorCode_IsTranslated(string culture)
    {
        UseCulture(culture);

        var missing = ErrorCodes()
            .Concat([UnreadableInput.NotADate("").Code, UnreadableInput.NotANumber("").Code])
            .Where(IsMissing)
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryIllegalMove_IsTranslatedAndNamesBothStates(string culture)
    {
        UseCulture(culture);
        var referralMoves =
            from start in Enum.GetValues<ReferralStatus>()
            from end in Enum.GetValues<ReferralStatus>()
            where !ReferralLifecycle.CanMove(start, end)
            select ReferralLifecycle.IllegalMove(start, end);
        var forwardMoves =
            from start in Enum.GetValues<ForwardStatus>()
            from end in Enum.GetValues<ForwardStatus>()
            where !ReferralLifecycle.CanMove(start, end)
            select ReferralLifecycle.IllegalMove(start, end);
        var caseMoves =
            from start in CaseStages.All
            from end in CaseStages.All
            where !CaseStages.CanMove(start, end)
            select CaseStages.IllegalMove(start, end);
        var errors = referralMoves.Concat(forwardMoves).Concat(caseMoves).ToList();

        errors.Select(e => e.Code).Distinct().Count().ShouldBe(7);
        foreach (var error in errors)
        {
            IsMissing(error.Code).ShouldBeFalse(error.Code);
            var text = FieldErrors.Text(Localizer, error);
            text.ShouldContain(Localizer[error.ArgumentKeys[0]].Value, Case.Sensitive, error.Code);
            text.ShouldContain(Localizer[error.ArgumentKeys[1]].Value, Case.Sensitive, error.Code);
        }
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
        codes.AddRange(await MessagesAsync(new SendReferralCommand(
            Guid.Empty, ReferralGround.BasicAmountReduced, true, null, ConsentCoversDescription: true, Urgent: true)));
        codes.AddRange(await MessagesAsync(new SendReferralCommand(
            Guid.Empty, ReferralGround.BasicAmountReduced, true, null, DateOnly.MaxValue, ConsentMethod.Phone)));
        codes.AddRange(await MessagesAsync(new CompleteReferralCommand(Guid.Empty, null, null, new string('x', 1001))));
        codes.AddRange(await MessagesAsync(new CompleteReferralCommand(Guid.Empty, ReferralOutcome.AssessmentDone, null, null)));
        codes.AddRange(await MessagesAsync(new CompleteReferralCommand(Guid.Empty, ReferralOutcome.NoNeedFound, PlanType.ClientPlan, null)));
        codes.AddRange(await MessagesAsync(new ReturnReferralCommand(Guid.Empty, null, null, null)));
        codes.AddRange(await MessagesAsync(new ReturnReferralCommand(Guid.Empty, ReturnReason.WrongOrganiser, null, "999")));
        codes.AddRange(await MessagesAsync(new ForwardReferralCommand(Guid.Empty, null, new string('x', 1001))));
        codes.AddRange(await MessagesAsync(new ForwardReferralCommand(Guid.Empty, (ForwardTarget)99, null)));
        codes.AddRange(await MessagesAsync(new CompleteForwardCommand(Guid.Empty, new string('x', 1001))));
        codes.AddRange(await MessagesAsync(new ReturnForwardCommand(Guid.Empty, null, new string('x', 1001))));
        codes.AddRange(await MessagesAsync(new ReturnForwardCommand(Guid.Empty, ReturnReason.WrongOrganiser, null)));
        codes.AddRange(await MessagesAsync(new SetDeadlineCommand(null, null)));
        codes.AddRange(await MessagesAsync(new SetDeadlineCommand((ReferralGround)99, ReferralDeadlineSetting.MaxWorkingDays + 1)));
        codes.AddRange(await MessagesAsync(new RecordGuidanceCommand(Guid.Empty, null, null, null)));
        codes.AddRange(await MessagesAsync(new RecordApplicationCommand(Guid.Empty, null, null, null, false)));
        codes.AddRange(await MessagesAsync(new RecordApplicationCommand(Guid.Empty, ApplicationChannel.Paper, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 2), false)));
        codes.AddRange(await MessagesAsync(new RecordApplicationCommand(Guid.Empty, ApplicationChannel.Paper, DateOnly.MinValue, null, false)));
        codes.AddRange(await MessagesAsync(new RecordDecisionCommand(Guid.Empty, null, null, 50, null, new string('x', 201), false, false, null, null)));
        codes.AddRange(await MessagesAsync(new PostMessageCommand(Guid.Empty, Guid.Empty, " ", [])));
        codes.AddRange(await MessagesAsync(new PostMessageCommand(
            Guid.Empty, Guid.Empty, new string('x', ReferralMessage.BodyMaxLength + 1), [.. Enumerable.Repeat(new AttachmentUpload("a.pdf", []), 6)])));
        codes.AddRange(await MessagesAsync(new PostMessageCommand(
            Guid.Empty, Guid.Empty, null, [new AttachmentUpload("a.pdf", new byte[MessageAttachment.MaxBytes + 1])])));
        codes.AddRange(await MessagesAsync(new RecordDecisionCommand(Guid.Empty, DecisionOutcome.Granted, new DateOnly(2026, 1, 5), null, ReductionReason.RefusedPlan, null, false, false, null, null)));

        codes.ShouldNotBeEmpty();
        codes.Where(IsMissing).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryEnumLabel_IsTranslated(string culture)
    {
        UseCulture(culture);
        var keys = Labels<ReferralGround>("Ground")
            .Concat(Labels<ReferralStatus>("ReferralStatus"))
            .Concat(Labels<LegalBasis>("LegalBasis"))
            .Concat(Labels<PlanType>("Plan"))
            .Concat(Labels<CaseStage>("Stage"))
            .Concat(Labels<CaseEventKind>("Event"))
            .Concat(Labels<GuidanceChannel>("GuidanceChannel"))
            .Concat(Labels<ApplicationChannel>("ApplicationChannel"))
            .Concat(Labels<ProcessingQueue>("Queue"))
            .Concat(Labels<DecisionCollection>("Collection"))
            .Concat(Labels<DecisionOutcome>("Outcome"))
            .Concat(Labels<ReductionReason>("ReductionReason"))
            .Concat(Labels<QualityRating>("Quality"))
            .Concat(Labels<ClientType>("ClientType"))
            .Concat(Labels<RecommendedChannel>("Channel"))
            .Concat(Labels<IncomeControl>("IncomeControl"))
            .Concat(Labels<EverydayCoping>("EverydayCoping"))
            .Concat(Labels<HousingSituation>("HousingSituation"))
            .Concat(Labels<LifeEvent>("LifeEvent"))
            .Concat(Labels<ConcernReason>("Concern"))
            .Concat(Labels<DeadlineState>("Deadline"))
            .Concat(Labels<CaseListFilter>("Cases.None"))
            .Concat(Labels<ReferralOutcome>("Outcome.Referral"))
            .Concat(Labels<ReturnReason>("ReturnReason"))
            .Concat(Labels<ReferralEventKind>("ReferralEvent"))
            .Concat(Labels<InboxOrder>("InboxOrder"))
            .Concat(Labels<ConsentMethod>("ConsentMethod"))
            .Concat(Labels<ForwardTarget>("ForwardTarget"))
            .Concat(Labels<ReferralKind>("ReferralKind"))
            .Concat(Labels<NotificationKind>("NotificationKind"))
            .Concat(Labels<AccessAction>("AccessAction"))
            .Concat(Labels<AccessRecordType>("AccessRecord"))
            .Concat(Labels<AccessResult>("AccessResult"))
            .Concat(Labels<AccessPurpose>("AccessPurpose"))
            .Concat(new[] { AccessSections.Messages, AccessSections.Forward }.Select(section => $"AccessSection.{section}"))
            .Concat(AccessLogDetailKeys());

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

    /// <summary>
    /// The word for the app's notifications cannot be read as a bulletin (fi "tiedote"), a referral notice (the referral's
    /// own word: fi "ilmoitus", sv "anmälan", en "referral") or a message of a thread (fi "viesti", sv "meddelande").
    /// </summary>
    [Theory]
    [InlineData("fi", "Päivitykset", new[] { "tiedot", "ilmoitu", "viest" })]
    [InlineData("sv", "Uppdateringar", new[] { "anmäl", "meddelande", "avisering" })]
    [InlineData("en", "Updates", new[] { "referral", "message", "bulletin" })]
    public void NotificationWords_CannotBeMistakenForNoticesOrMessages(string culture, string title, string[] confusable)
    {
        UseCulture(culture);
        string[] keys = ["Notifications.Title", "Nav.Notifications", "Notifications.None", "Notification.NotFound", "Mail.Subject"];

        Localizer["Notifications.Title"].Value.ShouldBe(title);
        foreach (var key in keys)
        {
            var text = Localizer[key].Value.ToLowerInvariant();
            confusable.Where(text.Contains).ShouldBeEmpty($"{culture} {key}: \"{text}\"");
        }
    }

    private static IEnumerable<string> Labels<TEnum>(string prefix)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => $"{prefix}.{value}");

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

    /// <summary>The text keys of every kind of access log note.</summary>
    private static IEnumerable<string> AccessLogDetailKeys() =>
        new[]
        {
            AccessLogDetails.RetentionCase(1), AccessLogDetails.RetentionReferral(1), AccessLogDetails.ClientReport,
            AccessLogDetails.Search(true, false, 1), AccessLogDetails.Search(false, true, 1),
            AccessLogDetails.Search(true, true, 1), AccessLogDetails.Search(false, false, 1),
        }.Select(detail => AccessLogDetails.TryRead(detail, out var key, out _) ? key : detail);

    private static Dictionary<string, string> ValuesOf(string fileName)
    {
        var path = Path.Combine(Repository.WebProject(), "Resources", fileName);
        return XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
    }

    private static List<string> KeysOf(string fileName)
    {
        var path = Path.Combine(Repository.WebProject(), "Resources", fileName);
        return XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
    }
}
