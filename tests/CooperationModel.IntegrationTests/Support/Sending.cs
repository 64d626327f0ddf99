using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.IntegrationTests.Support;

/// <summary>Send commands as the tests need them: with consent, a complete record given in person yesterday.</summary>
internal static class Sending
{
    public static SendReferralCommand Command(
        Guid caseId, ReferralGround ground, bool consent, string? description, bool coversFeedback = false, string? repeatReason = null) =>
        new(
            caseId,
            ground,
            consent,
            description,
            ConsentGivenOn: consent ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) : null,
            ConsentMethod: consent ? ConsentMethod.InPerson : null,
            ConsentCoversDescription: consent,
            ConsentCoversFeedback: consent && coversFeedback,
            RepeatReason: repeatReason);
}
