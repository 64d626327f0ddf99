using CooperationModel.Domain.AccessLog;

namespace CooperationModel.Domain.Tests.AccessLog;

public sealed class AccessLogDetailsTests
{
    public static TheoryData<string, string, int> Details => new()
    {
        { AccessLogDetails.RetentionCase(10), "AccessDetail.Retention.Case", 10 },
        { AccessLogDetails.RetentionReferral(12), "AccessDetail.Retention.Referral", 12 },
        { AccessLogDetails.Search(byClient: true, byUser: false, rows: 3), "AccessDetail.Search.Client", 3 },
        { AccessLogDetails.Search(byClient: false, byUser: true, rows: 0), "AccessDetail.Search.User", 0 },
        { AccessLogDetails.Search(byClient: true, byUser: true, rows: 7), "AccessDetail.Search.ClientUser", 7 },
        { AccessLogDetails.Search(byClient: false, byUser: false, rows: 25), "AccessDetail.Search.All", 25 },
        { AccessLogDetails.ClientReport, "AccessDetail.Report", 0 },
    };

    [Theory]
    [MemberData(nameof(Details))]
    public void TryRead_CodeWritten_GivesItsTextKeyAndNumber(string detail, string textKey, int value)
    {
        AccessLogDetails.TryRead(detail, out var key, out var number).ShouldBeTrue();
        key.ShouldBe(textKey);
        number.ShouldBe(value);
    }

    [Theory]
    [InlineData("free text")]
    [InlineData("Retention:Case:many")]
    [InlineData("Search:Client")]
    public void TryRead_OtherNote_False(string detail) =>
        AccessLogDetails.TryRead(detail, out _, out _).ShouldBeFalse();
}
