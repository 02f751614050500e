using System.Xml.Linq;
using ExpoPortal.Application.Audit;

namespace ExpoPortal.IntegrationTests.Localization;

/// <summary>The two resource files say the same things: a key written in one language only shows as a raw key in the other.</summary>
public sealed class UiTextTests
{
    [Fact]
    public void Every_English_text_has_a_Korean_one_and_Korean_adds_only_MudBlazor_overrides()
    {
        var (en, ko) = (Keys("UiText.resx"), Keys("UiText.ko.resx"));
        Assert.Empty(en.Except(ko));
        Assert.All(ko.Except(en), key => Assert.StartsWith("Mud.", key));
    }

    [Fact]
    public void Every_audit_action_is_named_in_both_languages()
    {
        var (en, ko) = (Keys("UiText.resx"), Keys("UiText.ko.resx"));
        Assert.Contains(AuditActions.InterpreterReassigned, AuditActions.All);
        Assert.All(AuditActions.All, action =>
        {
            Assert.Contains($"Audit.Action.{action}", en);
            Assert.Contains($"Audit.Action.{action}", ko);
        });
    }

    private static HashSet<string> Keys(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExpoPortal.sln"))) dir = dir.Parent;
        return XDocument.Load(Path.Combine(dir!.FullName, "src/ExpoPortal.Web/Localization", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();
    }
}
