using Bunit;
using CooperationModel.Application.AccessLog.SearchAccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Admin;

public sealed class AccessLogPageTests : ComponentTestContext
{
    public AccessLogPageTests()
    {
        Services.AddSingleton<IAccessLogSearchHandler>(new NoEntries());
        Services.AddSingleton<IIdentityCodeHasher>(new Hasher());
        Services.AddSingleton<IUserDirectory>(new NoMembers());
        Services.AddSingleton<ICurrentUser>(new Admin());
    }

    [Theory]
    [InlineData("fi", "Rivejä sivulla:", "0–0 / 0", "Seuraava sivu")]
    [InlineData("sv", "Rader per sida:", "0–0 av 0", "Nästa sida")]
    [InlineData("en", "Rows per page:", "0–0 of 0", "Next page")]
    public void Pager_IsInTheUsersLanguage(string culture, string rowsPerPage, string count, string nextPage)
    {
        UseCulture(culture);
        RenderPopoverProvider();

        var page = Render<AccessLogPage>();

        page.WaitForAssertion(() =>
        {
            var pager = page.Find(".mud-table-pagination");
            pager.TextContent.ShouldContain(rowsPerPage);
            pager.QuerySelectorAll(".mud-table-pagination-caption").Last().TextContent.Trim().ShouldBe(count);
            pager.QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label")).ShouldContain(nextPage);
        });
    }

    private sealed class NoEntries : IAccessLogSearchHandler
    {
        public Task<Result<Page<AccessLogRow>>> SearchAsync(AccessLogSearch search, PageRequest page, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<Page<AccessLogRow>>>(new Page<AccessLogRow>([], 0));

        public Task<Result<IReadOnlyList<AccessLogRow>>> ExportAsync(AccessLogSearch search, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<AccessLogRow>>>(Array.Empty<AccessLogRow>());
    }

    private sealed class Hasher : IIdentityCodeHasher
    {
        public string Hash(PersonalIdentityCode code) => "hash";
    }

    private sealed class NoMembers : IUserDirectory
    {
        public Task<WorkerContact?> ContactOfAsync(Guid userId, CancellationToken cancellationToken = default) => Task.FromResult<WorkerContact?>(null);

        public Task<IReadOnlyList<Actor>> MembersAsync(Guid organisationId, UserRole role, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Actor>>([]);

        public Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());
    }

    private sealed class Admin : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid UserId { get; } = Guid.NewGuid();

        public Guid OrganisationId { get; } = Guid.NewGuid();

        public OrganisationKind OrganisationKind => OrganisationKind.SocialServicesOrganiser;

        public UserRole? Role => UserRole.OrganisationAdmin;

        public string DisplayName => "Pää Käyttäjä";
    }
}
