using System.Globalization;
using Bunit;
using ExpoPortal.Application.Events;
using ExpoPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ExpoPortal.ComponentTests;

public sealed class FigureCardTests : BunitContext
{
    public FigureCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Shows_the_label_and_the_figure_in_the_readers_number_format()
    {
        using var _ = new CultureScope("ko");

        var card = Render<FigureCard>(p => p
            .Add(c => c.Label, "참가기업")
            .Add(c => c.Value, 1250)
            .Add(c => c.TestId, "fig-exhibitors")
            .Add(c => c.Detail, "경상북도 100개사"));

        Assert.Contains("참가기업", card.Markup);
        Assert.Equal("1,250", card.Find("[data-testid=fig-exhibitors-value]").TextContent.Trim());
        Assert.Contains("경상북도 100개사", card.Markup);
        Assert.Empty(card.FindAll(".mud-progress-linear"));
    }

    [Fact]
    public void A_target_shows_progress_and_turns_green_when_met()
    {
        var below = Render<FigureCard>(p => p.Add(c => c.Label, "Quota").Add(c => c.Value, 40).Add(c => c.Target, 100));
        var met = Render<FigureCard>(p => p.Add(c => c.Label, "Quota").Add(c => c.Value, 100).Add(c => c.Target, 100));

        Assert.Single(below.FindAll(".mud-progress-linear"));
        Assert.DoesNotContain("mud-progress-linear-color-success", below.Markup);
        Assert.Contains("success", met.Find(".mud-progress-linear").ClassName);
    }

    [Fact]
    public void A_count_list_ranks_items_with_names_and_says_how_many_more_there_are()
    {
        using var _ = new CultureScope("en");
        CountItem[] items = [new("VN", 30), new("US", 120), new("JP", 80)];

        var list = Render<CountList>(p => p
            .Add(c => c.Title, "Participants by country")
            .Add(c => c.Items, items)
            .Add(c => c.NameOf, code => ExpoPortal.Domain.Common.Countries.NameOf(code, "en"))
            .Add(c => c.Max, 2));

        var labels = list.FindAll(".count-label").Select(e => e.TextContent).ToList();
        Assert.Equal(["Vietnam", "United States"], labels);
        Assert.Contains("…and 1 more", list.Markup);
    }

    /// <summary>Sets the UI culture for one test, as the request localization middleware would.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
