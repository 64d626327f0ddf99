using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Bunit;
using Bunit.Rendering;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Shared;
using CooperationModel.Web.Tests.Cases;
using CsCheck;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Extensions;
using Xunit.Abstractions;

namespace CooperationModel.Web.Tests.Forms;

/// <summary>
/// The form side of the malformed-input corpus: every form built on <see cref="CommandForm{TCommand}"/>, found by
/// reflection (a new form is covered without anyone adding it here), and every text field in it, get a corpus of
/// nasty values and generated ones. After each submit: no unhandled exception; either the use case was called or a
/// message is shown, and every message shown is one of the app's Finnish texts (no raw code, no English); what was
/// typed is still in the field; and the field lets the browser send no more than the circuit carries.
/// The use cases are fakes that succeed: the forms' validators are the real ones.
/// TODO (date and number fields): MudBlazor's own messages for unreadable dates and numbers are being localised
/// separately; add the pickers and numeric fields here once they are.
/// </summary>
public sealed partial class MalformedInputTests : ComponentTestContext
{
    /// <summary>Every character but U+FFFF, which bunit's HTML parser (AngleSharp) takes for the end of the document.</summary>
    private static readonly Gen<string> Generated = Gen.String[Gen.Char['\0', '\uFFFE'], 0, 300];

    private static readonly string[] Corpus =
    [
        "", " ", "   \t  ", "\n\n", "\r\n", "\0", "a\0b", "\u0001\u0007\u001b[31mred", "\u0008\u007f", "\u200B", "\uFEFFalku",
        "\u202Eolleh", "مرحبا بالعالم", "שלום", "👩‍👩‍👧‍👦🏳️‍🌈", "e\u0301\u0301\u0301\u0301\u0301", "Z̴̡̛a̷l̸g̵o̶", "\uD800", "\uDFFF", "\uFFFE",
        "<script>alert(1)</script>", "<b onmouseover=alert(1)>x</b>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "'; DROP TABLE client_case; --", "' OR '1'='1", "\\", "%s%n%x{0}{1}", "{{}}", "${7*7}", "null", "undefined",
        "-1", "1e309", "NaN", "99999999999999999999999999", "010190-9000", "010190-900P", "Helsinki",
        new string('x', 100_000), string.Concat(Enumerable.Repeat("ä€😀", 40_000)),
    ];

    private readonly ITestOutputHelper _output;
    private readonly List<SucceedingUseCase> _useCases = [];
    private readonly Regex[] _finnishTexts;

    public MalformedInputTests(ITestOutputHelper output)
    {
        _output = output;
        Services.AddSingleton<TimeProvider>(new FixedClock());
        foreach (var useCase in Forms().SelectMany(UseCasesOf).Distinct())
        {
            var fake = (SucceedingUseCase)DispatchProxy.Create(useCase, typeof(SucceedingUseCase));
            _useCases.Add(fake);
            Services.AddSingleton(useCase, fake);
        }

        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        _finnishTexts = [.. localizer.GetAllStrings(includeParentCultures: false)
            .Select(s => new Regex("^" + PlaceholderPattern().Replace(Regex.Escape(s.Value), ".*") + "$", RegexOptions.Singleline))];
    }

    [Fact]
    public void Submit_MalformedText_EveryFieldOfEveryForm_AnswersInFinnishAndKeepsTheText()
    {
        var forms = Forms().ToList();
        forms.ShouldNotBeEmpty();
        var fields = 0;
        var tries = 0;
        foreach (var form in forms)
        {
            var rendered = RenderForm(form);
            // A date picker types into a text field of its own: dates are left for later (see the TODO above).
            var testIds = TextFieldsOf(rendered).Select(f => f.TestId)
                .Where(id => rendered.Find($"[data-testid={id}]").Closest(".mud-picker") is null).ToList();
            foreach (var testId in testIds)
            {
                fields++;
                foreach (var value in Corpus)
                {
                    TypeAndSubmit(form, testId, value);
                    tries++;
                }

                Generated.Sample(value => TypeAndSubmit(form, testId, value), iter: 15, threads: 1);
                tries += 15;
            }
        }

        _output.WriteLine($"Malformed input: {tries} values typed into {fields} text fields of {forms.Count} forms.");
    }

    private void TypeAndSubmit(Type form, string testId, string value)
    {
        var cut = RenderForm(form);
        var input = cut.Find($"[data-testid={testId}]");
        var maxLength = int.Parse(
            input.GetAttribute("maxlength") ?? throw new ShouldAssertException($"{form.Name}: {testId} has no maxlength, so a paste can drop the circuit."),
            CultureInfo.InvariantCulture);
        maxLength.ShouldBeLessThanOrEqualTo(FieldLimits.Typing(FieldLimits.LargestLegalLength), $"{form.Name}: {testId}");
        // The browser stops at maxlength (UTF-16 units), as it does for a paste.
        var typed = value.Length > maxLength ? value[..maxLength] : value;
        var callsBefore = _useCases.Sum(u => u.Calls);

        input.Change(typed);
        cut.Find("form").Submit();

        // The submit runs on the renderer; wait for its render (a save, or messages), never for a time.
        cut.WaitForAssertion(() => (_useCases.Sum(u => u.Calls) > callsBefore || MessagesOf(cut).Count > 0)
            .ShouldBeTrue($"{form.Name}: {testId} = {Show(typed)}: neither saved nor any message shown."));
        var saved = _useCases.Sum(u => u.Calls) > callsBefore;
        var messages = MessagesOf(cut);
        foreach (var message in messages)
        {
            _finnishTexts.Any(text => text.IsMatch(message)).ShouldBeTrue(
                $"{form.Name}: {testId} = {Show(typed)} shows \"{message}\", which is not one of the app's Finnish texts.");
        }

        if (!saved)
        {
            TextFieldsOf(cut).Single(f => f.TestId == testId).Field.Instance.GetState(x => x.Text).ShouldBe(typed, $"{form.Name}: {testId} lost what was typed.");
        }
    }

    private IRenderedComponent<ContainerFragment> RenderForm(Type form) => Render(builder =>
    {
        builder.OpenComponent(0, form);
        foreach (var parameter in form.GetProperties().Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null))
        {
            object? value = parameter.PropertyType == typeof(Guid) ? Guid.NewGuid()
                : parameter.PropertyType == typeof(bool) ? true // shows the fields a flag hides (the urgent case's payment commitment, a forward's note)
                : parameter.PropertyType == typeof(string) ? "Helsingin kaupunki"
                : null;
            if (value is not null)
            {
                builder.AddAttribute(1, parameter.Name, value);
            }
        }

        builder.CloseComponent();
    });

    private static IEnumerable<(string TestId, IRenderedComponent<MudTextField<string>> Field)> TextFieldsOf(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindComponents<MudTextField<string>>()
            .Where(f => !f.Instance.Disabled && f.Instance.UserAttributes.TryGetValue("data-testid", out _))
            .Select(f => ((string)f.Instance.UserAttributes["data-testid"]!, f));

    /// <summary>Messages at the fields (the text beside a counter too), above the form, and under radio groups.</summary>
    private static List<string> MessagesOf(IRenderedComponent<ContainerFragment> cut) =>
        [.. cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => (e.QuerySelector(".me-auto") ?? e).TextContent.Trim())
            .Concat(cut.FindAll("[data-testid=form-error], .mud-error-text").Select(e => e.TextContent.Trim()))
            .Where(text => text.Length > 0)];

    private static IEnumerable<Type> Forms() =>
        typeof(CommandForm<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && IsCommandForm(t.BaseType))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static bool IsCommandForm(Type? type) =>
        type is not null && ((type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CommandForm<>)) || IsCommandForm(type.BaseType));

    /// <summary>The use cases a form injects (interfaces of the Application layer).</summary>
    private static IEnumerable<Type> UseCasesOf(Type form) =>
        form.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && p.PropertyType.IsInterface
                && p.PropertyType.Namespace?.StartsWith("CooperationModel.Application", StringComparison.Ordinal) == true)
            .Select(p => p.PropertyType);

    private static string Show(string value) =>
        value.Length > 40 ? $"({value.Length} characters)" : $"\"{string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c >= '\uFFF0' ? $"\\u{(int)c:X4}" : c.ToString()))}\"";

    [GeneratedRegex(@"\\\{\d+}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>
    /// A use case that records the call and succeeds (a <c>Task&lt;Result&gt;</c> or <c>Task&lt;Result&lt;T&gt;&gt;</c>); a
    /// look-up the form makes as the user types (a <c>Task&lt;T&gt;</c> of anything else) finds nothing and is no save.
    /// </summary>
    public class SucceedingUseCase : DispatchProxy
    {
        public int Calls { get; private set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var returns = targetMethod!.ReturnType;
            if (returns == typeof(Task<Result>))
            {
                Calls++;
                return Task.FromResult(Result.Success());
            }

            var result = returns.GetGenericArguments().Single();
            if (!result.IsGenericType || result.GetGenericTypeDefinition() != typeof(Result<>))
            {
                var nothing = result.IsValueType ? Activator.CreateInstance(result) : null;
                return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, [nothing]);
            }

            Calls++;
            var value = result.GetGenericArguments().Single() is { IsValueType: true } type ? Activator.CreateInstance(type) : null;
            var success = result.GetMethod(nameof(Result<int>.Success), BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [value]);
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, [success]);
        }
    }
}
