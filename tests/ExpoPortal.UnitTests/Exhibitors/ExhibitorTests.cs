using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Venues;

namespace ExpoPortal.UnitTests.Exhibitors;

public sealed class HsCodeTests
{
    [Theory]
    [InlineData("0902", "0902", "09")]
    [InlineData("090210", "0902", "09")]
    [InlineData("0902.10", "0902", "09")]
    [InlineData(" 0902 10 ", "0902", "09")]
    [InlineData("0902-10", "0902", "09")]
    public void Four_and_six_digit_codes_parse_to_digits(string text, string heading, string chapter)
    {
        var code = HsCode.Parse(text);

        Assert.Equal(heading, code.Heading);
        Assert.Equal(chapter, code.Chapter);
        Assert.All(code.Value, c => Assert.True(char.IsAsciiDigit(c)));
        Assert.Equal(HsCode.DigitsOf(text), code.Value);
    }

    [Theory]
    [InlineData("09")]
    [InlineData("09021")]
    [InlineData("09021012")]
    [InlineData("abcd")]
    [InlineData("")]
    public void Other_codes_are_refused(string text)
    {
        Assert.False(HsCode.TryParse(text, out _));
        Assert.Throws<DomainException>(() => HsCode.Parse(text));
    }
}

public sealed class ExhibitorTests
{
    private static Event NewEvent(string slug) => new(
        slug, new LocalizedText("행사", "Expo"), new LocalizedText("장소", "Venue"), new LocalizedText("도시", "City"),
        new DateOnly(2027, 5, 19), new DateOnly(2027, 5, 19), [new DateOnly(2027, 5, 19)],
        new SlotGrid(30, new TimeOnly(9, 0), new TimeOnly(12, 0)), "Asia/Seoul", "KR-47", 100);

    private static Exhibitor NewExhibitor(Event expo) => new(expo, new LocalizedText("하회식품", "Hahoe Foods"), new LocalizedText("소개", "About"),
        "kr", "KR-47", new LocalizedText("안동", "Andong"), Industry.ProcessedFood, CompanySize.Small, new ContactPerson("김민준", "a@b.example", null));

    [Fact]
    public void A_booth_of_another_event_cannot_be_assigned()
    {
        var andong = NewEvent("andong");
        var incheon = NewEvent("incheon");
        var hall = new Hall(incheon, "A", new LocalizedText("A홀", "Hall A"), 10, 10);
        var booth = new Booth(hall, "A-01", 9, new FloorPosition(0, 0, 2, 2), 1, "Food");

        Assert.Throws<DomainException>(() => NewExhibitor(andong).AssignBooth(booth));
    }

    [Fact]
    public void A_booth_must_fit_on_its_hall_floor_plan()
    {
        var hall = new Hall(NewEvent("andong"), "A", new LocalizedText("A홀", "Hall A"), 4, 4);

        Assert.Throws<DomainException>(() => new Booth(hall, "A-09", 9, new FloorPosition(3, 3, 2, 2), 1, "Food"));
    }

    [Fact]
    public void Codes_are_normalized_and_checked()
    {
        var exhibitor = NewExhibitor(NewEvent("andong"));

        exhibitor.DescribeMarkets(["us", "JP", "us"], ["vn"], ["KO", "en"]);

        Assert.Equal("KR", exhibitor.CountryCode);
        Assert.Equal(["US", "JP"], exhibitor.ExportMarkets);
        Assert.Equal(["ko", "en"], exhibitor.Languages);
        Assert.Throws<DomainException>(() => exhibitor.DescribeMarkets(["USA"], [], []));
    }

    [Fact]
    public void A_website_must_be_a_web_address()
    {
        var exhibitor = NewExhibitor(NewEvent("andong"));

        Assert.Throws<DomainException>(() => exhibitor.SetWebsite("javascript:alert(1)"));
        exhibitor.SetWebsite("https://hahoe.example");
        Assert.Equal("https://hahoe.example/", exhibitor.Website);
    }
}
