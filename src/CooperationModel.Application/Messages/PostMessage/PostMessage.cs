using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;
using FluentValidation;

namespace CooperationModel.Application.Messages.PostMessage;

/// <summary>
/// A message, with files, on a referral's thread to one counterpart of the chain. Personal data: never log the body
/// or a file (the command's <see cref="object.ToString"/> would print them).
/// </summary>
public sealed record PostMessageCommand(Guid ReferralId, Guid ToOrganisationId, string? Body, IReadOnlyList<AttachmentUpload> Attachments);

public interface IPostMessageHandler
{
    /// <summary>Returns the new message's id.</summary>
    Task<Result<Guid>> HandleAsync(PostMessageCommand command, CancellationToken cancellationToken = default);
}

/// <summary>
/// Kela's handler or a worker of an organisation the referral reached writes to a counterpart. The domain checks the
/// thread, the text and the files (their type from the bytes) and records the disclosure, saved with the message.
/// </summary>
public sealed class PostMessageHandler(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    IValidator<PostMessageCommand> validator,
    TimeProvider clock) : IPostMessageHandler
{
    /// <summary>The roles that write on threads: Kela's handlers and those who work referrals that reached them.</summary>
    public static bool MayWrite(UserRole? role) => role is UserRole.KelaHandler || role?.Receives() == true;

    public async Task<Result<Guid>> HandleAsync(PostMessageCommand command, CancellationToken cancellationToken = default)
    {
        if (!MayWrite(user.Role))
        {
            return CommonErrors.WrongRole;
        }

        var valid = await validator.CheckAsync(command, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<Guid>.Failure(valid.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var referral = await db.FindForWorkAsync(command.ReferralId, cancellationToken);
        if (referral is null)
        {
            return GetReferralHandler.NotFound;
        }

        var posted = referral.PostMessage(user.ToActor(), command.ToOrganisationId, command.Body, command.Attachments, clock.GetUtcNow());
        if (!posted.TryGetValue(out var message))
        {
            return Result<Guid>.Failure(posted.Errors);
        }

        // The disclosure the domain recorded on the referral and the other side's notification go in the same save.
        db.Messages.Add(message);
        db.Notifications.AddRange(ReferralNotifications.OfMessage(referral, message));
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        return saved.IsSuccess ? message.Id : Result<Guid>.Failure(saved.Errors);
    }
}

/// <summary>
/// The checks a form can make before sending: text length, the number and size of the files. Whether the files are
/// really PDF, JPEG or PNG, and whether the organisation may write to that counterpart, only the domain decides.
/// </summary>
public sealed class PostMessageValidator : AbstractValidator<PostMessageCommand>
{
    public PostMessageValidator()
    {
        RuleFor(c => c.Body)
            .Must((command, body) => !string.IsNullOrWhiteSpace(body) || command.Attachments.Count > 0)
            .WithMessage(ReferralMessage.Errors.Empty.Code);
        RuleFor(c => c.Body)
            .Must(body => (body?.Trim().Length ?? 0) <= ReferralMessage.BodyMaxLength)
            .WithMessage(ReferralMessage.Errors.TooLong.Code);
        RuleFor(c => c.Attachments)
            .Must(files => files.Count <= ReferralMessage.MaxAttachments)
            .WithMessage(ReferralMessage.Errors.TooManyAttachments.Code);
        RuleFor(c => c.Attachments)
            .Must(files => files.All(f => f.Content.LongLength <= MessageAttachment.MaxBytes))
            .WithMessage(MessageAttachment.Errors.TooLarge.Code);
        RuleFor(c => c.Attachments)
            .Must(files => files.All(f => f.Content.Length > 0))
            .WithMessage(MessageAttachment.Errors.EmptyFile.Code);
    }
}
