using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Referrals;

public class ReferralTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(3);
    private static readonly DateTimeOffset Latest = Now.AddDays(1);

    private readonly Actor _handler = Member(Southern, "Kaisa Käsittelijä");
    private readonly Actor _worker = Member(CityOfHelsinki, "Sanna Sosiaalityöntekijä");
    private readonly Actor _otherWorker = Member(CityOfHelsinki, "Olli Ohjaaja");
    private readonly Actor _outsider = Member(WestUusimaa, "Eero Espoolainen");
    private readonly ClientCase _case;

    public ReferralTests() => _case = OpenHelsinkiCase(_handler);

    [Fact]
    public void Send_ConsentWithDescription_StoresDescriptionTrimmed()
    {
        var result = Send(consent: true, "  Vuokrarästejä, häätöuhka. \n");

        result.IsSuccess.ShouldBeTrue();
        result.Value.ConsentGiven.ShouldBeTrue();
        result.Value.SituationDescription.ShouldBe("Vuokrarästejä, häätöuhka.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Send_NoConsentWithoutDescription_StoresNoDescription(string? description)
    {
        var result = Send(consent: false, description);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ConsentGiven.ShouldBeFalse();
        result.Value.SituationDescription.ShouldBeNull();
    }

    [Fact]
    public void Send_NoConsentWithDescription_FailsWithDescriptionForbidden()
    {
        var result = Send(consent: false, "Vuokrarästejä.");

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.ShouldBe(ConsentRule.Errors.DescriptionForbidden);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Send_ConsentWithoutDescription_FailsWithDescriptionRequired(string? description)
    {
        var result = Send(consent: true, description);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.ShouldBe(ConsentRule.Errors.DescriptionRequired);
    }

    [Fact]
    public void Send_DescriptionTooLong_FailsWithDescriptionTooLong()
    {
        var result = Send(consent: true, new string('a', ConsentRule.DescriptionMaxLength + 1));

        result.FirstError.ShouldBe(ConsentRule.Errors.DescriptionTooLong);
    }

    [Fact]
    public void Send_ValidInput_CopiesCaseAndSenderAndStartsAsSent()
    {
        var referral = Send(consent: true, "Kuvaus.", ReferralGround.ObviousNeedForSocialCare).Value;

        referral.Id.ShouldNotBe(Guid.Empty);
        referral.CaseId.ShouldBe(_case.Id);
        referral.SenderOrganisationId.ShouldBe(Southern.Id);
        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki.Id);
        referral.Ground.ShouldBe(ReferralGround.ObviousNeedForSocialCare);
        referral.ClientName.ShouldBe(_case.ClientName);
        referral.ClientIdentityCode.ShouldBe(_case.IdentityCode);
        referral.HomeMunicipalityCode.ShouldBe("091");
        referral.Status.ShouldBe(ReferralStatus.Sent);
        referral.SentAt.ShouldBe(Now);
        referral.SentByUserId.ShouldBe(_handler.UserId);
        referral.SentByName.ShouldBe("Kaisa Käsittelijä");
        referral.ReceivedAt.ShouldBeNull();
        referral.NamedWorkerUserId.ShouldBeNull();
        referral.NamedWorkerName.ShouldBeNull();
        referral.AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public void Send_SenderFromAnotherDistrict_FailsWithNotTheCaseDistrict()
    {
        var westernHandler = Member(Western, "Ville Västinen");

        var result = SendReferral(_case, ReferralGround.BasicAmountReduced, false, null, westernHandler, Now);

        result.FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Referral.NotTheCaseDistrict");
    }

    [Fact]
    public void Send_SenderFromTheReceivingOrganisation_FailsWithNotTheCaseDistrict()
    {
        var result = SendReferral(_case, ReferralGround.BasicAmountReduced, false, null, _worker, Now);

        result.FirstError.ShouldBe(Referral.Errors.NotTheCaseDistrict);
    }

    [Fact]
    public void MarkReceived_ByReceiverWhenSent_MarksReceived()
    {
        var referral = SentReferral();

        referral.MarkReceived(_worker, Later).ShouldBeTrue();

        referral.Status.ShouldBe(ReferralStatus.Received);
        referral.ReceivedAt.ShouldBe(Later);
    }

    [Fact]
    public void MarkReceived_Again_ChangesNothing()
    {
        var referral = SentReferral();
        referral.MarkReceived(_worker, Later);

        referral.MarkReceived(_otherWorker, Latest).ShouldBeFalse();

        referral.Status.ShouldBe(ReferralStatus.Received);
        referral.ReceivedAt.ShouldBe(Later);
    }

    [Fact]
    public void MarkReceived_BySenderOrOtherOrganisation_ChangesNothing()
    {
        var referral = SentReferral();

        referral.MarkReceived(_handler, Later).ShouldBeFalse();
        referral.MarkReceived(_outsider, Later).ShouldBeFalse();

        referral.Status.ShouldBe(ReferralStatus.Sent);
        referral.ReceivedAt.ShouldBeNull();
    }

    [Fact]
    public void MarkReceived_AfterAccept_ChangesNothing()
    {
        var referral = SentReferral();
        referral.Accept(_worker, Later);

        referral.MarkReceived(_otherWorker, Latest).ShouldBeFalse();

        referral.Status.ShouldBe(ReferralStatus.Accepted);
        referral.ReceivedAt.ShouldBe(Later);
    }

    [Fact]
    public void Accept_ReceivedByReceiverWorker_MakesThemTheNamedWorker()
    {
        var referral = SentReferral();
        referral.MarkReceived(_otherWorker, Later);

        var result = referral.Accept(_worker, Latest);

        result.IsSuccess.ShouldBeTrue();
        referral.Status.ShouldBe(ReferralStatus.Accepted);
        referral.NamedWorkerUserId.ShouldBe(_worker.UserId);
        referral.NamedWorkerName.ShouldBe("Sanna Sosiaalityöntekijä");
        referral.AcceptedAt.ShouldBe(Latest);
        referral.ReceivedAt.ShouldBe(Later);
    }

    [Fact]
    public void Accept_StraightFromSent_AlsoMarksReceived()
    {
        var referral = SentReferral();

        var result = referral.Accept(_worker, Later);

        result.IsSuccess.ShouldBeTrue();
        referral.Status.ShouldBe(ReferralStatus.Accepted);
        referral.NamedWorkerUserId.ShouldBe(_worker.UserId);
        referral.AcceptedAt.ShouldBe(Later);
        referral.ReceivedAt.ShouldBe(Later);
    }

    [Fact]
    public void Accept_Twice_FailsWithAlreadyAcceptedAndKeepsFirstWorker()
    {
        var referral = SentReferral();
        referral.Accept(_worker, Later);

        var result = referral.Accept(_otherWorker, Latest);

        result.FirstError.ShouldBeOfType<ConflictError>().Code.ShouldBe("Referral.AlreadyAccepted");
        referral.NamedWorkerUserId.ShouldBe(_worker.UserId);
        referral.NamedWorkerName.ShouldBe("Sanna Sosiaalityöntekijä");
        referral.AcceptedAt.ShouldBe(Later);
    }

    [Fact]
    public void Accept_ByAnotherOrganisation_FailsWithNotTheReceiver()
    {
        var referral = SentReferral();

        var result = referral.Accept(_outsider, Later);

        result.FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Referral.NotTheReceiver");
        referral.Status.ShouldBe(ReferralStatus.Sent);
        referral.NamedWorkerUserId.ShouldBeNull();
        referral.AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public void Accept_BySender_FailsWithNotTheReceiver()
    {
        var referral = SentReferral();

        referral.Accept(_handler, Later).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);

        referral.Status.ShouldBe(ReferralStatus.Sent);
    }

    private Result<Referral> Send(bool consent, string? description, ReferralGround ground = ReferralGround.BasicAmountReduced) =>
        SendReferral(_case, ground, consent, description, _handler, Now);

    private Referral SentReferral() => Send(consent: true, "Kuvaus.").Value;
}
