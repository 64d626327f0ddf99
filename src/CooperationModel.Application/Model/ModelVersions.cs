using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Model;

/// <summary>A version of the model a reader can open: 1.0 (the shipped content) and every later one published.</summary>
public sealed record PublishedVersionRow(string Number, DateOnly PublishedOn);

/// <summary>A stage's text in one language of a version after 1.0.</summary>
public sealed record StageTextRow(CaseStage Stage, string Language, IReadOnlyList<string> Text, IReadOnlyList<string> Ideas);

/// <summary>The draft of the next version: its number, what it is based on, and its texts.</summary>
public sealed record DraftRow(Guid Id, string Number, string BasedOn, DateOnly BasePublishedOn, uint Version, IReadOnlyList<StageTextRow> Texts);

/// <summary>A stage of the draft against the published version it is based on, side by side.</summary>
public sealed record StageComparison(
    CaseStage Stage, string Language, string PublishedNumber, IReadOnlyList<DiffRow> Text, IReadOnlyList<DiffRow> Ideas, string DraftText, string DraftIdeas)
{
    public bool HasChanges => TextDiff.HasChanges(Text) || TextDiff.HasChanges(Ideas);
}

public sealed record EditDraftStageCommand(CaseStage Stage, string Language, string? Text, string? Ideas);

public sealed record PublishDraftCommand(DateOnly? PublishedOn);

/// <summary>
/// The model's versions: everyone signed in reads the published ones; coordinators keep one draft of the next version,
/// edit a stage's text and ideas in it, compare it with the published version and publish it with a date.
/// </summary>
public interface IModelVersionsHandler
{
    Task<IReadOnlyList<PublishedVersionRow>> ListPublishedAsync(CancellationToken cancellationToken = default);

    /// <summary>A published version after 1.0, its stage texts (null: no such published version).</summary>
    Task<IReadOnlyList<StageTextRow>?> GetPublishedTextsAsync(string number, CancellationToken cancellationToken = default);

    Task<Result<DraftRow?>> GetDraftAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts the next version's draft from the latest published one (there is at most one draft).</summary>
    Task<Result> StartDraftAsync(CancellationToken cancellationToken = default);

    Task<Result> EditDraftStageAsync(EditDraftStageCommand command, CancellationToken cancellationToken = default);

    Task<Result<StageComparison>> CompareAsync(CaseStage stage, string language, CancellationToken cancellationToken = default);

    Task<Result> PublishDraftAsync(PublishDraftCommand command, CancellationToken cancellationToken = default);
}

public sealed class ModelVersionsHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock) : IModelVersionsHandler
{
    public static ConflictError DraftExists => new("ModelDraft.Exists");
    public static NotFoundError NoDraft => new("ModelDraft.None");
    public static ValidationError DateRequired => new("ModelDraft.DateRequired") { Field = nameof(PublishDraftCommand.PublishedOn) };

    public async Task<IReadOnlyList<PublishedVersionRow>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var later = await db.ModelVersions.AsNoTracking()
            .Where(v => v.PublishedOn != null)
            .Select(v => new PublishedVersionRow(v.Number, v.PublishedOn!.Value))
            .ToListAsync(cancellationToken);
        return [new PublishedVersionRow(CooperationModelContent.FirstVersion, CooperationModelContent.V1.Published),
            .. later.OrderBy(v => v.PublishedOn)];
    }

    public async Task<IReadOnlyList<StageTextRow>?> GetPublishedTextsAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var version = await db.ModelVersions.AsNoTracking().Include(v => v.Texts)
            .FirstOrDefaultAsync(v => v.Number == number && v.PublishedOn != null, cancellationToken);
        return version is null ? null : RowsOf(version);
    }

    public async Task<Result<DraftRow?>> GetDraftAsync(CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var draft = await DraftAsync(db, tracked: false, cancellationToken);
        if (draft is null)
        {
            return Result<DraftRow?>.Success(null);
        }

        var basePublished = await PublishedOnAsync(db, draft.BasedOn, cancellationToken);
        return new DraftRow(draft.Id, draft.Number, draft.BasedOn, basePublished, draft.Version, RowsOf(draft));
    }

    public async Task<Result> StartDraftAsync(CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.ModelVersions.AnyAsync(v => v.PublishedOn == null, cancellationToken))
        {
            return DraftExists;
        }

        var latest = await LatestPublishedAsync(db, cancellationToken);
        var texts = latest is null
            ? ModelVersion.FromFirstVersion(CooperationModelContent.V1)
            : latest.Texts.Select(t => (t.Stage, t.Language, t.Text, t.Ideas));
        var baseNumber = latest?.Number ?? CooperationModelContent.FirstVersion;
        var started = ModelVersion.StartDraft(user.ToActor(), user.Role!.Value, NextNumber(baseNumber), baseNumber, texts.ToList(), clock.GetUtcNow());
        if (!started.TryGetValue(out var draft))
        {
            return Result.Failure(started.Errors);
        }

        db.ModelVersions.Add(draft);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task<Result> EditDraftStageAsync(EditDraftStageCommand command, CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var draft = await DraftAsync(db, tracked: true, cancellationToken);
        if (draft is null)
        {
            return NoDraft;
        }

        var edited = draft.EditStage(user.Role!.Value, command.Stage, command.Language, command.Text, command.Ideas);
        return edited.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : edited;
    }

    public async Task<Result<StageComparison>> CompareAsync(CaseStage stage, string language, CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var draft = await DraftAsync(db, tracked: false, cancellationToken);
        if (draft is null)
        {
            return NoDraft;
        }

        var latest = await LatestPublishedAsync(db, cancellationToken);
        var (publishedText, publishedIdeas) = latest?.TextOf(stage, language) is { } t
            ? (t.Text, t.Ideas)
            : latest is null ? StageTexts.Of(CooperationModelContent.V1.Stage(stage), language) : ("", "");
        var mine = draft.TextOf(stage, language);
        return new StageComparison(
            stage, language, latest?.Number ?? CooperationModelContent.FirstVersion,
            TextDiff.Compare(TextDiff.Lines(publishedText), mine?.TextLines ?? []),
            TextDiff.Compare(TextDiff.Lines(publishedIdeas), mine?.IdeaLines ?? []),
            mine?.Text ?? "", mine?.Ideas ?? "");
    }

    public async Task<Result> PublishDraftAsync(PublishDraftCommand command, CancellationToken cancellationToken = default)
    {
        if (!IsCoordinator)
        {
            return CommonErrors.WrongRole;
        }

        if (command.PublishedOn is not { } on)
        {
            return DateRequired;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var draft = await DraftAsync(db, tracked: true, cancellationToken);
        if (draft is null)
        {
            return NoDraft;
        }

        var published = draft.Publish(user.Role!.Value, on, await PublishedOnAsync(db, draft.BasedOn, cancellationToken));
        return published.IsSuccess ? await db.SaveOrConflictAsync(cancellationToken) : published;
    }

    /// <summary>"1.0" → "2.0", "2.0" → "3.0": each published version is a major one, as the model names 2.0.</summary>
    public static string NextNumber(string number) =>
        int.TryParse(number.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture, out var major) ? $"{major + 1}.0" : number + ".1";

    private static IReadOnlyList<StageTextRow> RowsOf(ModelVersion version) =>
        version.Texts.OrderBy(t => t.Stage).ThenBy(t => t.Language)
            .Select(t => new StageTextRow(t.Stage, t.Language, t.TextLines, t.IdeaLines)).ToList();

    private static Task<ModelVersion?> DraftAsync(IAppDbContext db, bool tracked, CancellationToken cancellationToken)
    {
        var set = tracked ? db.ModelVersions : db.ModelVersions.AsNoTracking();
        return set.Include(v => v.Texts).FirstOrDefaultAsync(v => v.PublishedOn == null, cancellationToken);
    }

    private static async Task<ModelVersion?> LatestPublishedAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.ModelVersions.AsNoTracking().Include(v => v.Texts)
            .Where(v => v.PublishedOn != null)
            .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<DateOnly> PublishedOnAsync(IAppDbContext db, string number, CancellationToken cancellationToken) =>
        number == CooperationModelContent.FirstVersion
            ? CooperationModelContent.V1.Published
            : await db.ModelVersions.Where(v => v.Number == number && v.PublishedOn != null).Select(v => v.PublishedOn!.Value)
                .FirstAsync(cancellationToken);

    private bool IsCoordinator => user.Role == UserRole.Coordinator && user.OrganisationKind == OrganisationKind.NationalCoordination;
}
