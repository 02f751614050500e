using Bogus;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Interpreters;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Venues;

namespace ExpoPortal.Infrastructure.DemoData;

/// <summary>A sign-in created with the demo event; listed in the README.</summary>
/// <param name="Colleague">An exhibitor's team member rather than its primary contact.</param>
public sealed record DemoUser(string Email, string Password, string DisplayName, string Role, Exhibitor? Exhibitor = null, Participant? Participant = null, bool Colleague = false);

/// <summary>A wishlist line of the demo, by object because ids exist only once saved.</summary>
public sealed record DemoWish(Participant Participant, Exhibitor Exhibitor, WishedBy WishedBy, WishLevel Level);

/// <summary>The whole demo event as plain objects, ready to be saved.</summary>
public sealed record DemoEvent(
    Event Event,
    IReadOnlyList<Hall> Halls,
    IReadOnlyList<Booth> Booths,
    IReadOnlyList<Exhibitor> Exhibitors,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<Interpreter> Interpreters,
    IReadOnlyList<DemoWish> Wishes,
    IReadOnlyList<DemoUser> Users);

/// <summary>
/// Generates "Korea Business EXPO Andong": 256 booths in three halls, 250 exhibitors (100 from the host province),
/// about 1,000 participants and 30 interpreters. Everything comes from one seeded random source, so the same seed
/// always gives the same event, record for record.
/// </summary>
public static class AndongDemo
{
    public const int DefaultSeed = 20270519;
    public const string Slug = "andong-2027";
    public const string DemoPassword = "Expo-Demo-2027!";
    public const int ExhibitorCount = 250;
    public const int HostRegionExhibitors = 100;
    public const int MemberFirmExhibitors = 30;
    public const int MemberTraders = 800;
    public const int ForeignBuyers = 200;
    public const int InterpreterCount = 30;

    public static DemoEvent Generate(int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2027, 5, 19);
        var expo = new Event(
            Slug,
            new LocalizedText("2027 대한민국 비즈니스 엑스포 안동", "Korea Business EXPO Andong 2027"),
            new LocalizedText("안동국제컨벤션센터", "Andong International Convention Center"),
            new LocalizedText("경상북도 안동시", "Andong, Gyeongsangbuk-do"),
            start, start.AddDays(2), [start, start.AddDays(1)],
            new SlotGrid(30, new TimeOnly(9, 30), new TimeOnly(17, 30), [new SlotBreak(new TimeOnly(12, 0), new TimeOnly(13, 30))]),
            "Asia/Seoul", hostProvinceCode: "KR-47", hostRegionQuota: HostRegionExhibitors);

        var (halls, booths) = FloorPlan(expo);
        var exhibitors = Exhibitors(expo, booths, random);
        var participants = Participants(expo, new Faker { Random = new Randomizer(seed + 1) }, random);
        var interpreters = Interpreters(expo, random);
        var wishes = Wishes(exhibitors, participants, random);

        var firstHost = exhibitors.First(x => x.ProvinceCode == expo.HostProvinceCode);
        var firstOther = exhibitors.First(x => x.ProvinceCode != expo.HostProvinceCode);
        var firstBuyer = participants.First(p => p.Kind == ParticipantKind.ForeignBuyer);
        var firstMember = participants.First(p => p.Kind == ParticipantKind.OverseasMemberTrader);
        // The demo sign-ins tell a story: each has asked to meet the companies that make what it imports.
        wishes.AddRange(MustMeetsFor(firstBuyer, exhibitors, wishes));
        wishes.AddRange(MustMeetsFor(firstMember, exhibitors, wishes));
        // The late registrants signed up after the wishlists were made. (An exhibitor without a booth is also left out
        // of the matching instance, and the instance reader refuses wishes that name an exhibitor it does not hold.)
        var late = exhibitors.Where((_, i) => IsLateRegistrant(i)).ToHashSet();
        wishes.RemoveAll(w => late.Contains(w.Exhibitor));
        // The participants with sign-ins are known by their address, as an imported list would name them.
        firstBuyer.SetEmail("buyer@expo.demo");
        firstMember.SetEmail("member@expo.demo");
        DemoUser[] users =
        [
            new("organizer@expo.demo", DemoPassword, "엑스포 사무국 / Expo Secretariat", Roles.Organizer),
            new("admin@expo.demo", DemoPassword, "포털 관리자 / Portal administrator", Roles.Administrator),
            new("exhibitor@expo.demo", DemoPassword, firstHost.Name.ToString(), Roles.Exhibitor, Exhibitor: firstHost),
            new("exhibitor2@expo.demo", DemoPassword, firstOther.Name.ToString(), Roles.Exhibitor, Exhibitor: firstOther),
            // A colleague at the first company, so that the demo shows a team and who owns which meeting.
            new("colleague@expo.demo", DemoPassword, "김하늘 / Haneul Kim", Roles.Exhibitor, Exhibitor: firstHost, Colleague: true),
            new("buyer@expo.demo", DemoPassword, firstBuyer.FullName, Roles.Participant, Participant: firstBuyer),
            new("member@expo.demo", DemoPassword, firstMember.FullName, Roles.Participant, Participant: firstMember),
        ];
        return new DemoEvent(expo, halls, booths, exhibitors, participants, interpreters, wishes, users);
    }

    /// <summary>Three halls of booths in back-to-back rows with aisles; corner booths are larger and have two tables.</summary>
    internal static (List<Hall>, List<Booth>) FloorPlan(Event expo)
    {
        (string Code, string Ko, string En, int Rows, int PerRow, Industry[] Zones)[] layout =
        [
            ("A", "A홀 (농식품·가공식품)", "Hall A (agri-food and processed food)", 8, 12, [Industry.AgriFood, Industry.ProcessedFood]),
            ("B", "B홀 (화장품·헬스·생활용품)", "Hall B (cosmetics, health, consumer goods)", 8, 12, [Industry.Cosmetics, Industry.Health, Industry.ConsumerGoods]),
            ("C", "C홀 (기계·자동차부품·전자)", "Hall C (machinery, auto parts, electronics)", 8, 8, [Industry.Machinery, Industry.AutoParts, Industry.Electronics]),
        ];
        var halls = new List<Hall>();
        var booths = new List<Booth>();
        foreach (var h in layout)
        {
            // Each booth is 2×2 cells (3 m × 3 m); a one-cell aisle after every second row and after every sixth booth.
            var hall = new Hall(expo, h.Code, new LocalizedText(h.Ko, h.En), columns: h.PerRow * 2 + h.PerRow / 6 + 2, rows: h.Rows * 2 + h.Rows / 2 + 2);
            halls.Add(hall);
            var number = 1;
            for (var row = 0; row < h.Rows; row++)
            for (var col = 0; col < h.PerRow; col++)
            {
                var corner = col is 0 || col == h.PerRow - 1;
                var zone = h.Zones[row * h.Zones.Length / h.Rows];
                var position = new FloorPosition(1 + col * 2 + col / 6, 1 + row * 2 + row / 2, 2, 2);
                booths.Add(new Booth(hall, $"{h.Code}-{number++:00}", corner ? 18 : 9, position, corner ? 2 : 1, zone.ToString()));
            }
        }
        return (halls, booths);
    }

    /// <param name="everyoneHasABooth">For a past edition, where the late registrants got their booths in the end.</param>
    internal static List<Exhibitor> Exhibitors(Event expo, List<Booth> booths, Random random, bool everyoneHasABooth = false)
    {
        var industries = Enum.GetValues<Industry>();
        var usedNames = new HashSet<string>();
        var freeBooths = booths.ToList();
        var exhibitors = new List<Exhibitor>(ExhibitorCount);
        for (var i = 0; i < ExhibitorCount; i++)
        {
            // Host-province firms lean to food and agri-food, as at the real Andong expo.
            var industry = i < HostRegionExhibitors
                ? Pick(random, [Industry.AgriFood, Industry.AgriFood, Industry.ProcessedFood, Industry.ProcessedFood, Industry.ProcessedFood, Industry.Health, Industry.Cosmetics, Industry.ConsumerGoods, Industry.Machinery])
                : industries[random.Next(industries.Length)];
            var (nameKo, nameEn) = CompanyName(industry, random, usedNames);

            string country, cityKo, cityEn;
            string? province;
            if (i < HostRegionExhibitors)
            {
                (cityKo, cityEn) = Pick(random, DemoCatalog.HostCities);
                (country, province) = ("KR", expo.HostProvinceCode);
            }
            else if (i < ExhibitorCount - MemberFirmExhibitors)
            {
                var c = Pick(random, DemoCatalog.OtherKoreanCities);
                (country, province, cityKo, cityEn) = ("KR", c.Province, c.Ko, c.En);
            }
            else
            {
                var c = Pick(random, DemoCatalog.MemberFirmCities);
                (country, province, cityKo, cityEn) = (c.Country, null, c.Ko, c.En);
            }

            var size = Pick(random, [CompanySize.Micro, CompanySize.Small, CompanySize.Small, CompanySize.Small, CompanySize.Medium, CompanySize.Medium, CompanySize.Large]);
            var slug = new string(nameEn.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
            var contactName = $"{Pick(random, DemoCatalog.KoreanSurnames)}{Pick(random, DemoCatalog.KoreanGivenNames).Ko}";
            var exhibitor = new Exhibitor(expo,
                new LocalizedText(nameKo, nameEn),
                new LocalizedText(
                    $"{cityKo}에 자리한 {nameKo}은(는) {IndustryNames.Of(industry).Ko} 분야의 수출 중소기업입니다.",
                    $"{nameEn} is an export-minded {IndustryNames.Of(industry).En.ToLowerInvariant()} company based in {cityEn}."),
                country, province, new LocalizedText(cityKo, cityEn), industry, size,
                new ContactPerson(contactName, $"export@{slug}.example", $"+82-54-{random.Next(800, 900)}-{random.Next(1000, 10000)}"));
            exhibitor.SetWebsite($"https://www.{slug}.example");

            var catalog = DemoCatalog.Products[industry];
            foreach (var p in catalog.OrderBy(_ => random.Next()).Take(random.Next(2, 5)))
                exhibitor.AddProduct(new Product(new LocalizedText(p.Ko, p.En), new LocalizedText(p.DescKo, p.DescEn), HsCode.Parse(p.Hs)));

            var markets = DemoCatalog.TypicalMarkets[industry];
            var exportMarkets = markets.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList();
            var targetMarkets = markets.Except(exportMarkets).OrderBy(_ => random.Next()).Take(random.Next(2, 6)).ToList();
            List<string> languages = country == "KR" ? ["ko"] : ["ko", "en"];
            if (random.NextDouble() < 0.55) languages.Add("en");
            if (random.NextDouble() < 0.15) languages.Add(Pick(random, ["zh", "ja", "vi", "ru"]));
            exhibitor.DescribeMarkets(exportMarkets, targetMarkets, languages);
            exhibitor.SetCertifications(DemoCatalog.Certifications[industry].OrderBy(_ => random.Next()).Take(random.Next(0, 3)));

            // Up to 20 of the 26 slots per table, leaving the firm time to breathe; a fairness floor of four for everyone.
            if (IsLateRegistrant(i) && !everyoneHasABooth)
            {
                // Registered after the floor plan was drawn: no booth yet, the organizers' first task on a fresh start.
                exhibitor.SetMeetingLimits(4, 20);
            }
            else
            {
                // Booths of the exhibitor's industry zone first; the few left over stay free for the organizers to assign.
                var booth = freeBooths.FirstOrDefault(b => b.Zone == industry.ToString()) ?? freeBooths.First();
                freeBooths.Remove(booth);
                exhibitor.AssignBooth(booth);
                exhibitor.SetMeetingLimits(4, booth.MeetingTables * 20);
            }
            exhibitors.Add(exhibitor);
        }
        return exhibitors;
    }

    /// <summary>
    /// Every twentieth exhibitor (the 20th, 40th, ... 240th: 12 firms, 5 of them from the host province) registered
    /// late and has no booth. Chosen by position, not by the random source, so every other record stays the same;
    /// the first host-province firm and the first other firm (the demo sign-ins) keep their booths.
    /// </summary>
    public static bool IsLateRegistrant(int exhibitorIndex) => exhibitorIndex % 20 == 19;

    public const int LateRegistrants = ExhibitorCount / 20;

    private static (string Ko, string En) CompanyName(Industry industry, Random random, HashSet<string> used)
    {
        while (true)
        {
            var stem = Pick(random, DemoCatalog.BrandStems);
            var suffix = Pick(random, DemoCatalog.Suffixes[industry]);
            var ko = $"{stem.Ko}{suffix.Ko}";
            if (!used.Add(ko)) continue;
            var form = random.NextDouble() < 0.7 ? "Co., Ltd." : "Inc.";
            var en = suffix.En.EndsWith("Association") ? $"{stem.En} {suffix.En}" : $"{stem.En} {suffix.En} {form}";
            return (suffix.Ko.EndsWith("법인") ? ko : $"(주){ko}", en);
        }
    }

    private static List<Participant> Participants(Event expo, Faker faker, Random random)
    {
        var day1 = expo.ConsultationDays[0];
        var lastDay = expo.ConsultationDays[^1];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(expo.TimeZoneId);
        DateTimeOffset Local(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));

        var hsPool = DemoCatalog.Products.Values.SelectMany(p => p).Select(p => p.Hs).Distinct().ToArray();
        var participants = new List<Participant>(MemberTraders + ForeignBuyers);
        var fakers = new Dictionary<string, Faker>();
        Faker FakerFor(string locale) => fakers.TryGetValue(locale, out var f) ? f
            : fakers[locale] = new Faker(locale) { Random = new Randomizer(random.Next()) };

        for (var i = 0; i < MemberTraders + ForeignBuyers; i++)
        {
            var isMember = i < MemberTraders;
            var home = CountryProfile(isMember ? MemberCountryCode(random) : Pick(random, DemoCatalog.BuyerCountries));
            var chapter = Pick(random, home.Chapters);
            var local = FakerFor(home.Locale);

            string fullName;
            string? koreanName = null;
            List<string> languages;
            if (isMember)
            {
                var s = random.Next(DemoCatalog.KoreanSurnames.Length);
                var given = Pick(random, DemoCatalog.KoreanGivenNames);
                koreanName = $"{DemoCatalog.KoreanSurnames[s]}{given.Ko}";
                // Second-generation members often go by a local first name.
                fullName = random.NextDouble() < 0.35
                    ? $"{local.Name.FirstName()} {DemoCatalog.KoreanSurnamesLatin[s]}"
                    : $"{DemoCatalog.KoreanSurnamesLatin[s]} {given.En}";
                languages = ["ko", .. home.Languages];
                if (random.NextDouble() < 0.5) languages.Add("en");
            }
            else
            {
                fullName = local.Name.FullName();
                languages = [.. home.Languages];
                // Buyers whose language no interpreter of the pool speaks (German, French, Arabic...) do business in English.
                if (random.NextDouble() < 0.6 || !languages.Any(InterpretedLanguages.Contains)) languages.Add("en");
            }

            var company = isMember
                ? $"{DemoCatalog.KoreanSurnamesLatin[random.Next(DemoCatalog.KoreanSurnamesLatin.Length)]} {Pick(random, DemoCatalog.CompanyForms)} ({chapter})"
                : $"{local.Company.CompanyName()}";

            // One in ten arrives late on day one or leaves at noon on the last day.
            var arrives = Local(day1.AddDays(-1), 18);
            var departs = Local(lastDay.AddDays(1), 10);
            var partial = random.NextDouble();
            if (partial < 0.05) arrives = Local(day1, 13);
            else if (partial < 0.10) departs = Local(lastDay, 12);

            var p = new Participant(expo, isMember ? ParticipantKind.OverseasMemberTrader : ParticipantKind.ForeignBuyer,
                fullName, company, home.Country, chapter, arrives, departs);
            p.Describe(koreanName, isMember ? chapter : null, languages,
                Pick(random, [ImportScale.Under100K, ImportScale.From100KTo1M, ImportScale.From100KTo1M, ImportScale.From1MTo10M, ImportScale.From1MTo10M, ImportScale.Over10M]),
                random.NextDouble() < 0.8 ? Pick(random, DemoCatalog.Hotels) : null);

            var categories = Enum.GetValues<Industry>().OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            var hs = categories.SelectMany(c => DemoCatalog.Products[c]).Select(x => x.Hs)
                .Concat(hsPool.OrderBy(_ => random.Next()).Take(1))
                .OrderBy(_ => random.Next()).Take(random.Next(2, 6))
                .Select(code => random.NextDouble() < 0.25 ? code[..4] : code)
                .Select(HsCode.Parse).ToList();
            p.SetInterests(hs, categories);
            // Demand about matches the tables' capacity (≈5,500 wanted, ≈6,000 possible), so everyone can be served.
            p.SetMaxMeetings(isMember ? random.Next(3, 8) : random.Next(5, 11));

            if (!isMember)
            {
                var sameCountry = participants.Where(m => m.Kind == ParticipantKind.OverseasMemberTrader && m.CountryCode == home.Country).ToList();
                var members = sameCountry.Count > 0 ? sameCountry : participants;
                p.InvitedByMember(members[random.Next(members.Count)]);
            }
            participants.Add(p);
        }
        return participants;
    }

    /// <summary>The federation is largest in the US, China, Japan and Vietnam; the rest share the remainder.</summary>
    private static string MemberCountryCode(Random random) =>
        random.NextDouble() < 0.45
            ? Pick(random, ["US", "CN", "JP", "VN"])
            : Pick(random, DemoCatalog.MemberCountries).Country;

    private static (string Country, string[] Chapters, string[] Languages, string Locale) CountryProfile(string code) =>
        DemoCatalog.MemberCountries.First(c => c.Country == code);

    /// <summary>
    /// About one participant in five names exhibitors (must-meet or would-like) from the directory book, mostly in
    /// its own categories; some exhibitors name buyers back, and a few pairs are marked "not interested".
    /// </summary>
    private static List<DemoWish> Wishes(List<Exhibitor> exhibitors, List<Participant> participants, Random random)
    {
        var wishes = new List<DemoWish>();
        var seen = new HashSet<(Participant, Exhibitor, WishedBy)>();
        void Add(Participant p, Exhibitor x, WishedBy by, WishLevel level)
        {
            if (seen.Add((p, x, by))) wishes.Add(new DemoWish(p, x, by, level));
        }

        foreach (var p in participants)
        {
            if (random.NextDouble() >= 0.2) continue;
            var fitting = exhibitors.Where(x => p.CategoryInterests.Contains(x.Industry)).ToList();
            if (fitting.Count == 0) continue;
            foreach (var x in fitting.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                Add(p, x, WishedBy.Participant, random.NextDouble() < 0.35 ? WishLevel.MustMeet : WishLevel.WouldLike);
            if (random.NextDouble() < 0.15)
                Add(p, exhibitors[random.Next(exhibitors.Count)], WishedBy.Participant, WishLevel.NotInterested);
        }
        foreach (var x in exhibitors)
        {
            if (random.NextDouble() >= 0.25) continue;
            var fitting = participants.Where(p => p.CategoryInterests.Contains(x.Industry)).ToList();
            foreach (var p in fitting.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                Add(p, x, WishedBy.Exhibitor, random.NextDouble() < 0.2 ? WishLevel.MustMeet : WishLevel.WouldLike);
        }
        return wishes;
    }

    /// <summary>Up to three must-meet wishes for exhibitors that sell one of the participant's HS codes and share a language.</summary>
    private static IEnumerable<DemoWish> MustMeetsFor(Participant p, List<Exhibitor> exhibitors, List<DemoWish> existing) =>
        exhibitors
            .Where(x => x.Products.Any(product => p.HsInterests.Any(hs => product.HsCode.StartsWith(hs) || hs.StartsWith(product.HsCode)))
                        && ExpoPortal.Matching.Model.LanguageRules.Shared(x.Languages, p.Languages)
                        && !existing.Any(w => w.Participant == p && w.Exhibitor == x))
            .Take(3)
            .Select(x => new DemoWish(p, x, WishedBy.Participant, WishLevel.MustMeet));

    /// <summary>The foreign language of each interpreter of the pool (each also speaks Korean).</summary>
    private static readonly string[] InterpreterForeignLanguages =
        ["en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "zh", "zh", "zh", "zh", "zh", "zh",
         "ja", "ja", "ja", "ja", "ja", "vi", "vi", "vi", "es", "es", "ru", "ru", "ru", "id"];

    private static readonly HashSet<string> InterpretedLanguages = [.. InterpreterForeignLanguages];

    internal static List<Interpreter> Interpreters(Event expo, Random random)
    {
        var foreign = InterpreterForeignLanguages;
        var list = new List<Interpreter>(InterpreterCount);
        for (var i = 0; i < InterpreterCount; i++)
        {
            var name = $"{Pick(random, DemoCatalog.KoreanSurnames)}{Pick(random, DemoCatalog.KoreanGivenNames).Ko}";
            List<string> languages = ["ko", foreign[i]];
            if (foreign[i] != "en" && random.NextDouble() < 0.4) languages.Add("en");
            var days = random.NextDouble() < 0.8 ? expo.ConsultationDays : [Pick(random, expo.ConsultationDays.ToArray())];
            list.Add(new Interpreter(expo, name, languages, days));
        }
        return list;
    }

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
