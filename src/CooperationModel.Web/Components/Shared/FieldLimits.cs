using CooperationModel.Application.Common;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Web.Components.Shared;

/// <summary>
/// How much a text field lets the user type, and the circuit message size that needs. A field's legal length is one
/// constant of the domain, which its validator (and a plainly stored column) uses; the field shows it as a counter.
/// The browser stops the typing only at <see cref="Typing"/>, twice that length: a text that is too long still reaches
/// the validator, which says so (a field cut at its legal length would drop the rest without a word), while no paste,
/// however long, can make a message larger than the circuit accepts (<see cref="CircuitMessageBytes"/>).
/// </summary>
public static class FieldLimits
{
    /// <summary>What a search box (the municipality picker, a search field) lets through: the list rules' longest search.</summary>
    public const int SearchText = ListRules.SearchMaxLength;

    /// <summary>What a whole-number field lets through: a sign and the ten digits of the largest whole number.</summary>
    public const int WholeNumber = 11;

    /// <summary>The longest legal text of any field.</summary>
    public static readonly int LargestLegalLength = new[]
    {
        ClientCase.ClientNameMaxLength, PersonalIdentityCode.Length, PaymentCommitment.PickUpPlaceMaxLength,
        LifeSituationSurvey.NotesMaxLength, Referral.NoteMaxLength, ConsentRule.DescriptionMaxLength,
        ReferralMessage.BodyMaxLength, SearchText, ModelFeedback.TextMaxLength, ModelFeedback.AnswerMaxLength,
        ModelStageText.TextMaxLength, ModelStageText.IdeasMaxLength, AgreementDraft.TextMaxLength,
        JointMeeting.AgendaMaxLength, JointMeeting.MinutesMaxLength, JointMeeting.DecisionsMaxLength,
    }.Max();

    /// <summary>
    /// The largest message the Blazor hub must accept: the longest text a field lets through, every UTF-16 unit escaped
    /// in JSON as <c>\uXXXX</c> (6 bytes, the worst case), twice (a change carries more than the value once: measured,
    /// 8,000 characters three quarters of which are control characters did not fit in 6 bytes a character), plus room
    /// for the event's envelope. The browser test <c>FormTests</c> pastes that worst case.
    /// </summary>
    public static readonly long CircuitMessageBytes = (Typing(LargestLegalLength) * 6L * 2) + (16 * 1024);

    /// <summary>The browser's <c>maxlength</c> for a field whose legal length is this.</summary>
    public static int Typing(int legalLength) => legalLength * 2;
}
