using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Model;

/// <summary>
/// A stage's editable text in one language of a later version: the text (one point a line) and its development ideas
/// (one a line). Version 1.0's comes from the shipped content (<see cref="StageTexts.Of"/>).
/// </summary>
public sealed class ModelStageText
{
    public const int TextMaxLength = 4000;
    public const int IdeasMaxLength = 4000;

    private ModelStageText()
    {
    }

    public Guid VersionId { get; private set; }

    public CaseStage Stage { get; private set; }

    public string Language { get; private set; } = ModelLanguage.Finnish;

    public string Text { get; private set; } = "";

    public string Ideas { get; private set; } = "";

    public IReadOnlyList<string> TextLines => TextDiff.Lines(Text);

    public IReadOnlyList<string> IdeaLines => TextDiff.Lines(Ideas);

    internal static ModelStageText Create(Guid versionId, CaseStage stage, string language, string text, string ideas) => new()
    {
        VersionId = versionId,
        Stage = stage,
        Language = language,
        Text = text,
        Ideas = ideas,
    };

    internal void Change(string text, string ideas)
    {
        Text = text;
        Ideas = ideas;
    }
}

/// <summary>The editable texts of version 1.0, taken from the shipped content.</summary>
public static class StageTexts
{
    /// <summary>The languages a draft is written in: the two the model has.</summary>
    public static IReadOnlyList<string> DraftLanguages { get; } = [ModelLanguage.Finnish, ModelLanguage.Swedish];

    /// <summary>
    /// A stage of the shipped content as lines in one language: the question, then each actor's name (with the basis it
    /// acts on) and its tasks, then the notes; and its ideas, one a line. Only what the source gives in that language.
    /// </summary>
    public static (string Text, string Ideas) Of(StageContent stage, string language)
    {
        var lines = new List<string>();
        AddIfIn(lines, stage.Question, language, t => t);
        foreach (var actor in stage.Actors)
        {
            var name = actor.Name.In(language);
            var basis = actor.Basis?.In(language);
            lines.Add(basis is { } b && b.IsIn(language) ? $"{name.Value} ({b.Value}):" : $"{name.Value}:");
            var tasks = actor.Tasks.In(language);
            if (tasks.IsIn(language))
            {
                lines.AddRange(tasks.Value.Select(t => "- " + t));
            }
        }

        var notes = stage.NotesOrEmpty.In(language);
        if (notes.IsIn(language))
        {
            lines.AddRange(notes.Value);
        }

        var ideas = stage.Ideas.Select(i => i.In(language)).Where(i => i.IsIn(language)).Select(i => i.Value);
        return (string.Join('\n', lines), string.Join('\n', ideas));
    }

    private static void AddIfIn(List<string> lines, LocalText text, string language, Func<string, string> shape)
    {
        var value = text.In(language);
        if (value.IsIn(language))
        {
            lines.Add(shape(value.Value));
        }
    }
}

/// <summary>
/// A version of the model after 1.0: a draft the coordinators edit, then published with a date and frozen. Earlier
/// versions stay readable: 1.0 from the shipped content, later ones from their own texts. Not tenant data: every
/// signed-in user reads the published versions; only coordinators draft and publish (the handlers and these methods
/// check the role).
/// </summary>
public sealed class ModelVersion
{
    public const int NumberMaxLength = 10;

    private readonly List<ModelStageText> _texts = [];

    private ModelVersion()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>"2.0", "2.1"…</summary>
    public string Number { get; private set; } = "";

    /// <summary>The version it was drafted from ("1.0" for the first draft).</summary>
    public string BasedOn { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    /// <summary>The publication date; null while it is a draft.</summary>
    public DateOnly? PublishedOn { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ModelStageText> Texts => _texts;

    public bool IsDraft => PublishedOn is null;

    public static class Errors
    {
        public static ForbiddenError NotCoordinator => new("ModelDraft.NotCoordinator");
        public static InvalidTransitionError AlreadyPublished => new("ModelDraft.AlreadyPublished");
        public static ValidationError TextTooLong => new("ModelDraft.TextTooLong") { Field = "Text" };
        public static ValidationError IdeasTooLong => new("ModelDraft.IdeasTooLong") { Field = "Ideas" };
        public static ValidationError TextHasIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = "Text" };
        public static ValidationError IdeasHaveIdentityCode => new(PersonalData.ContainsIdentityCodeCode) { Field = "Ideas" };
        public static ValidationError PublishDateBeforeBase => new("ModelDraft.PublishDateBeforeBase") { Field = "PublishedOn" };
        public static ValidationError UnknownLanguage => new("ModelDraft.UnknownLanguage");
    }

    /// <summary>
    /// Starts the next version's draft as a copy of the latest published version's stage texts (<paramref name="basedOn"/>:
    /// its number and its texts per stage and language).
    /// </summary>
    public static Result<ModelVersion> StartDraft(
        Actor coordinator, UserRole role, string number, string basedOn,
        IEnumerable<(CaseStage Stage, string Language, string Text, string Ideas)> texts, DateTimeOffset at)
    {
        if (role != UserRole.Coordinator)
        {
            return Errors.NotCoordinator;
        }

        var version = new ModelVersion
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            BasedOn = basedOn,
            CreatedAt = at,
            CreatedByUserId = coordinator.UserId,
        };
        version._texts.AddRange(texts.Select(t => ModelStageText.Create(version.Id, t.Stage, t.Language, t.Text, t.Ideas)));
        return version;
    }

    /// <summary>The draft's texts from version 1.0: every stage in Finnish and Swedish.</summary>
    public static IEnumerable<(CaseStage Stage, string Language, string Text, string Ideas)> FromFirstVersion(ModelVersionContent content) =>
        from stage in content.Stages
        from language in StageTexts.DraftLanguages
        let texts = StageTexts.Of(stage, language)
        select (stage.Stage, language, texts.Text, texts.Ideas);

    public ModelStageText? TextOf(CaseStage stage, string language) =>
        _texts.FirstOrDefault(t => t.Stage == stage && t.Language == language);

    /// <summary>Changes a stage's text and ideas in one language of the draft.</summary>
    public Result EditStage(UserRole role, CaseStage stage, string language, string? text, string? ideas)
    {
        if (role != UserRole.Coordinator)
        {
            return Errors.NotCoordinator;
        }

        if (!IsDraft)
        {
            return Errors.AlreadyPublished;
        }

        if (!StageTexts.DraftLanguages.Contains(language))
        {
            return Errors.UnknownLanguage;
        }

        var newText = (text ?? "").Trim();
        var newIdeas = (ideas ?? "").Trim();
        Error? error = newText.Length > ModelStageText.TextMaxLength ? Errors.TextTooLong
            : newIdeas.Length > ModelStageText.IdeasMaxLength ? Errors.IdeasTooLong
            : PersonalData.ContainsIdentityCode(newText) ? Errors.TextHasIdentityCode
            : PersonalData.ContainsIdentityCode(newIdeas) ? Errors.IdeasHaveIdentityCode
            : null;
        if (error is not null)
        {
            return error;
        }

        if (TextOf(stage, language) is { } existing)
        {
            existing.Change(newText, newIdeas);
        }
        else
        {
            _texts.Add(ModelStageText.Create(Id, stage, language, newText, newIdeas));
        }

        return Result.Success();
    }

    /// <summary>Publishes the draft with its date (not before the version it is based on was published); then frozen.</summary>
    public Result Publish(UserRole role, DateOnly on, DateOnly basePublishedOn)
    {
        if (role != UserRole.Coordinator)
        {
            return Errors.NotCoordinator;
        }

        if (!IsDraft)
        {
            return Errors.AlreadyPublished;
        }

        if (on < basePublishedOn)
        {
            return Errors.PublishDateBeforeBase;
        }

        PublishedOn = on;
        return Result.Success();
    }
}
