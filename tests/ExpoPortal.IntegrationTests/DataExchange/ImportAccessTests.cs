using System.Net;
using static ExpoPortal.IntegrationTests.DataExchange.ImportTestFiles;

namespace ExpoPortal.IntegrationTests.DataExchange;

/// <summary>Imports, templates and exports are for organizers: anonymous → 401, exhibitors and participants → 403, an unknown event → 404.</summary>
public sealed class ImportAccessTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Routes => new()
    {
        { "POST", $"{Api}/imports/participants?dryRun=true" },
        { "POST", $"{Api}/imports/exhibitors" },
        { "GET", $"{Api}/imports/participants/template.csv" },
        { "GET", $"{Api}/imports/exhibitors/template.xlsx" },
        { "GET", $"{Api}/exports/exhibitors.csv" },
        { "GET", $"{Api}/exports/participants.xlsx" },
        { "GET", $"{Api}/exports/meetings.csv" },
        { "GET", $"{Api}/exports/meetings.xlsx?exhibitorId=1" },
        { "GET", "/events/andong-2027/imports" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_callers_get_401_or_are_sent_to_sign_in(string method, string path)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.SendAsync(Request(method, path), Ct);

        if (path.StartsWith("/api")) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        else Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Exhibitors_and_participants_get_403(string method, string path)
    {
        foreach (var email in new[] { "exhibitor@expo.demo", "buyer@expo.demo", "member@expo.demo" })
        {
            using var client = await fixture.App.SignInAsync(email);

            var response = await client.SendAsync(Request(method, path), Ct);

            if (path.StartsWith("/api")) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            else Assert.Contains("access-denied", response.Headers.Location?.PathAndQuery ?? await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task An_unknown_event_is_404_for_organizers()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var export = await client.GetAsync("/api/events/no-such-event/exports/exhibitors.csv", Ct);
        var template = await client.GetAsync("/api/events/no-such-event/imports/participants/template.csv", Ct);
        var import = await ImportAsyncTo(client, "/api/events/no-such-event/imports/participants");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { export.StatusCode, template.StatusCode, import.StatusCode });
    }

    [Fact]
    public async Task The_OpenAPI_document_names_the_import_and_export_routes()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("/api/events/{slug}/imports/{kind}", document);
        Assert.Contains("/api/events/{slug}/imports/{kind}/template.{format}", document);
        Assert.Contains("/api/events/{slug}/exports/{list}.{format}", document);
    }

    private async Task<HttpResponseMessage> ImportAsyncTo(HttpClient client, string path)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Utf8(ParticipantHeader)), "file", "a.csv" } };
        return await client.PostAsync(path, form, Ct);
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new MultipartFormDataContent { { new ByteArrayContent(Utf8(ParticipantHeader, Participant("access@test.example"))), "file", "a.csv" } };
        return request;
    }
}
