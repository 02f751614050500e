using ExpoPortal.Domain.Common;

namespace ExpoPortal.UnitTests.Common;

public sealed class LocalizedTextTests
{
    [Fact]
    public void Korean_readers_get_Korean_and_everyone_else_English()
    {
        var text = new LocalizedText("안동 사과", "Andong apples");

        Assert.Equal("안동 사과", text.In("ko"));
        Assert.Equal("안동 사과", text.In("ko-KR"));
        Assert.Equal("Andong apples", text.In("en"));
        Assert.Equal("Andong apples", text.In("vi"));
    }

    [Fact]
    public void A_missing_language_falls_back_to_the_other()
    {
        Assert.Equal("Hahoe Foods", new LocalizedText("", "Hahoe Foods").In("ko"));
        Assert.Equal("하회식품", new LocalizedText("하회식품", "").In("en"));
        Assert.Throws<ArgumentException>(() => new LocalizedText(" ", ""));
    }

    [Fact]
    public void Countries_and_provinces_have_names_in_both_languages()
    {
        Assert.Equal("베트남", Countries.NameOf("VN", "ko"));
        Assert.Equal("Vietnam", Countries.NameOf("vn", "en"));
        Assert.Equal("경상북도", KoreanProvinces.NameOf("KR-47", "ko"));
        Assert.Equal("XX", Countries.NameOf("XX", "en"));
    }
}
