using ExpoPortal.Domain.Exhibitors;

namespace ExpoPortal.Infrastructure.DemoData;

/// <summary>A product line of the demo catalog: real HS subheadings with Korean and English names.</summary>
internal sealed record CatalogProduct(string Hs, string Ko, string En, string DescKo, string DescEn);

/// <summary>Hand-written reference tables for the demo event. Plain data: change freely, the generator only picks from it.</summary>
internal static class DemoCatalog
{
    public static readonly IReadOnlyDictionary<Industry, CatalogProduct[]> Products = new Dictionary<Industry, CatalogProduct[]>
    {
        [Industry.AgriFood] =
        [
            new("080810", "안동 사과", "Andong apples", "일교차가 큰 산지에서 자란 당도 높은 사과", "Crisp, sweet apples grown in the highland orchards of Andong"),
            new("121120", "6년근 인삼", "Six-year-old ginseng roots", "경북 산지 6년근 수삼과 건삼", "Fresh and dried six-year ginseng roots from Gyeongbuk"),
            new("071490", "안동 산약(참마)", "Andong Chinese yam", "안동 특산 참마, 생마와 분말", "Andong's signature Chinese yam, fresh and powdered"),
            new("091011", "생강", "Fresh ginger", "저온 저장한 국산 생강", "Korean ginger kept in cold storage"),
            new("070960", "청양고추", "Cheongyang chili peppers", "매운맛이 강한 청양고추", "Hot Cheongyang chili peppers"),
            new("100630", "친환경 쌀", "Eco-friendly milled rice", "무농약 인증 경북 쌀", "Pesticide-free certified rice from Gyeongbuk"),
            new("081010", "딸기", "Strawberries", "수출용 설향 딸기", "Seolhyang strawberries packed for export"),
            new("080930", "복숭아", "Peaches", "경북 복숭아", "Juicy peaches from Gyeongbuk"),
        ],
        [Industry.ProcessedFood] =
        [
            new("220890", "안동소주", "Andong soju", "전통 증류식 안동소주 45도", "Traditional distilled Andong soju, 45% ABV"),
            new("030569", "안동 간고등어", "Andong salted mackerel", "전통 염장 방식의 간고등어", "Mackerel salted the traditional Andong way"),
            new("210390", "고추장", "Gochujang", "찹쌀로 빚은 전통 고추장", "Traditional gochujang made with glutinous rice"),
            new("210310", "한식 간장", "Korean soy sauce", "재래식 한식 간장", "Traditionally brewed Korean soy sauce"),
            new("200599", "김치", "Kimchi", "수출용 포기김치와 썰은김치", "Whole-cabbage and sliced kimchi for export"),
            new("190230", "라면", "Instant noodles", "매운맛 라면", "Spicy instant noodles"),
            new("190590", "한과", "Hangwa traditional confectionery", "유과와 약과 선물세트", "Yugwa and yakgwa gift sets"),
            new("200979", "사과 주스", "Apple juice", "무가당 100% 사과 주스", "Unsweetened 100% apple juice"),
            new("090210", "녹차", "Green tea", "유기농 녹차 잎차", "Organic green tea leaves"),
            new("121221", "조미김", "Seasoned laver", "바삭한 조미김 스낵", "Crispy seasoned seaweed snacks"),
        ],
        [Industry.Cosmetics] =
        [
            new("330499", "기초 스킨케어", "Skincare essentials", "토너, 에센스, 크림 라인", "Toner, essence and cream line"),
            new("330499", "시트 마스크", "Sheet masks", "수분 진정 시트 마스크", "Hydrating and soothing sheet masks"),
            new("330410", "립 틴트", "Lip tint", "오래 지속되는 립 틴트", "Long-lasting lip tint"),
            new("330510", "한방 샴푸", "Herbal shampoo", "한방 성분 탈모 완화 샴푸", "Herbal shampoo for hair-loss care"),
            new("340130", "폼 클렌저", "Foam cleanser", "약산성 폼 클렌저", "Low-pH foam cleanser"),
            new("330300", "향수", "Perfume", "한국 전통 향을 담은 향수", "Perfume inspired by traditional Korean scents"),
        ],
        [Industry.Health] =
        [
            new("210690", "홍삼 농축액", "Red ginseng extract", "6년근 홍삼 농축액", "Six-year red ginseng extract"),
            new("210690", "건강기능식품", "Health supplements", "프로바이오틱스와 비타민", "Probiotics and vitamins"),
            new("300490", "일반의약품", "Over-the-counter medicines", "파스와 소화제", "Pain patches and digestive aids"),
            new("901890", "의료기기", "Medical devices", "가정용 의료기기", "Home-use medical devices"),
            new("630790", "보건용 마스크", "KF94 face masks", "KF94 인증 마스크", "KF94-certified face masks"),
        ],
        [Industry.Machinery] =
        [
            new("843280", "농기계", "Agricultural machinery", "소형 경운기와 파종기", "Compact tillers and seeders"),
            new("842240", "포장기계", "Packing machinery", "자동 포장 라인", "Automatic packing lines"),
            new("843880", "식품가공기계", "Food processing machinery", "떡·면 제조 설비", "Rice-cake and noodle production equipment"),
            new("846729", "전동공구", "Power tools", "충전식 전동공구", "Cordless power tools"),
            new("841370", "산업용 펌프", "Industrial pumps", "원심 펌프", "Centrifugal pumps"),
            new("847989", "스마트팜 설비", "Smart-farm equipment", "온실 자동화 장비", "Greenhouse automation equipment"),
        ],
        [Industry.AutoParts] =
        [
            new("870899", "자동차 부품", "Motor vehicle parts", "OEM 등급 차체 부품", "OEM-grade body parts"),
            new("870830", "브레이크 시스템", "Brake systems", "브레이크 패드와 디스크", "Brake pads and discs"),
            new("870840", "변속기 부품", "Gearbox parts", "변속기 기어와 하우징", "Gearbox gears and housings"),
            new("401110", "승용차 타이어", "Passenger car tyres", "사계절 타이어", "All-season tyres"),
            new("851220", "자동차 조명", "Vehicle lighting", "LED 헤드램프", "LED headlamps"),
            new("870880", "서스펜션", "Suspension parts", "쇼크 업소버", "Shock absorbers"),
        ],
        [Industry.Electronics] =
        [
            new("854143", "태양광 모듈", "Solar PV modules", "고효율 태양광 모듈", "High-efficiency PV modules"),
            new("850760", "리튬이온 배터리", "Lithium-ion batteries", "ESS용 배터리 팩", "Battery packs for energy storage"),
            new("851762", "통신 장비", "Network equipment", "산업용 IoT 게이트웨이", "Industrial IoT gateways"),
            new("852872", "디스플레이", "Displays", "상업용 디스플레이", "Commercial displays"),
            new("853710", "제어반", "Control panels", "PLC 제어반", "PLC control panels"),
            new("940542", "LED 조명", "LED lighting", "절전형 LED 조명", "Energy-saving LED luminaires"),
        ],
        [Industry.ConsumerGoods] =
        [
            new("691200", "도자기 식기", "Ceramic tableware", "전통 분청사기 식기", "Buncheong ceramic tableware"),
            new("482390", "한지 공예품", "Hanji paper crafts", "안동 한지로 만든 공예품", "Crafts made of Andong hanji paper"),
            new("420222", "가방", "Handbags", "천연 가죽 핸드백", "Genuine leather handbags"),
            new("950300", "완구", "Toys", "교육용 원목 완구", "Educational wooden toys"),
            new("960321", "칫솔", "Toothbrushes", "미세모 칫솔", "Soft-bristle toothbrushes"),
            new("732393", "스테인리스 주방용품", "Stainless kitchenware", "스테인리스 냄비 세트", "Stainless steel cookware sets"),
            new("442190", "목공예품", "Wooden crafts", "하회탈 목공예품", "Hahoe mask wood carvings"),
        ],
    };

    public static readonly (string Ko, string En)[] BrandStems =
    [
        ("하회", "Hahoe"), ("도산", "Dosan"), ("청량", "Cheongnyang"), ("낙동", "Nakdong"), ("월영", "Woryeong"),
        ("봉정", "Bongjeong"), ("한결", "Hangyeol"), ("새봄", "Saebom"), ("푸른", "Pureun"), ("다온", "Daon"),
        ("가온", "Gaon"), ("온누리", "Onnuri"), ("미소", "Miso"), ("해담", "Haedam"), ("솔빛", "Solbit"),
        ("늘품", "Neulpum"), ("참", "Cham"), ("한빛", "Hanbit"), ("대한", "Daehan"), ("동방", "Dongbang"),
        ("태성", "Taeseong"), ("우리", "Woori"), ("세진", "Sejin"), ("명가", "Myeongga"), ("자연", "Jayeon"),
        ("청정", "Cheongjeong"), ("소백", "Sobaek"), ("주왕", "Juwang"), ("영남", "Yeongnam"), ("예담", "Yedam"),
        ("선비", "Seonbi"), ("하늘", "Haneul"), ("금강", "Geumgang"), ("백두", "Baekdu"), ("한울", "Hanul"),
        ("정성", "Jeongseong"), ("초록", "Chorok"), ("누리", "Nuri"), ("보람", "Boram"), ("신라", "Silla"),
    ];

    public static readonly IReadOnlyDictionary<Industry, (string Ko, string En)[]> Suffixes = new Dictionary<Industry, (string, string)[]>
    {
        [Industry.AgriFood] = [("농산", "Agro"), ("영농조합법인", "Farming Association"), ("팜", "Farm")],
        [Industry.ProcessedFood] = [("식품", "Foods"), ("푸드", "Food"), ("종가", "Jongga Foods")],
        [Industry.Cosmetics] = [("코스메틱", "Cosmetics"), ("뷰티", "Beauty"), ("랩", "Lab")],
        [Industry.Health] = [("바이오", "Bio"), ("헬스케어", "Healthcare"), ("제약", "Pharm")],
        [Industry.Machinery] = [("기계", "Machinery"), ("정밀", "Precision"), ("산업", "Industries")],
        [Industry.AutoParts] = [("오토텍", "Autotech"), ("모터스", "Motors"), ("부품", "Auto Parts")],
        [Industry.Electronics] = [("전자", "Electronics"), ("테크", "Tech"), ("에너지", "Energy")],
        [Industry.ConsumerGoods] = [("리빙", "Living"), ("공예", "Crafts"), ("생활산업", "Home Goods")],
    };

    /// <summary>Host-province cities (Gyeongsangbuk-do, KR-47); Andong first and most often.</summary>
    public static readonly (string Ko, string En)[] HostCities =
    [
        ("안동시", "Andong"), ("안동시", "Andong"), ("안동시", "Andong"), ("영주시", "Yeongju"), ("상주시", "Sangju"),
        ("문경시", "Mungyeong"), ("경주시", "Gyeongju"), ("포항시", "Pohang"), ("구미시", "Gumi"), ("의성군", "Uiseong"),
        ("청송군", "Cheongsong"), ("예천군", "Yecheon"), ("봉화군", "Bonghwa"), ("영덕군", "Yeongdeok"),
    ];

    public static readonly (string Province, string Ko, string En)[] OtherKoreanCities =
    [
        ("KR-11", "서울", "Seoul"), ("KR-26", "부산", "Busan"), ("KR-27", "대구", "Daegu"), ("KR-28", "인천", "Incheon"),
        ("KR-29", "광주", "Gwangju"), ("KR-30", "대전", "Daejeon"), ("KR-31", "울산", "Ulsan"), ("KR-41", "수원", "Suwon"),
        ("KR-41", "성남", "Seongnam"), ("KR-42", "춘천", "Chuncheon"), ("KR-43", "청주", "Cheongju"), ("KR-44", "천안", "Cheonan"),
        ("KR-45", "전주", "Jeonju"), ("KR-46", "순천", "Suncheon"), ("KR-48", "창원", "Changwon"), ("KR-49", "제주", "Jeju"),
    ];

    /// <summary>Overseas member firms: Korean-owned companies abroad that exhibit with the federation.</summary>
    public static readonly (string Country, string Ko, string En)[] MemberFirmCities =
    [
        ("US", "로스앤젤레스", "Los Angeles"), ("US", "뉴욕", "New York"), ("JP", "오사카", "Osaka"), ("VN", "호찌민", "Ho Chi Minh City"),
        ("CN", "칭다오", "Qingdao"), ("ID", "자카르타", "Jakarta"), ("DE", "프랑크푸르트", "Frankfurt"), ("AU", "시드니", "Sydney"),
        ("CA", "토론토", "Toronto"), ("MY", "쿠알라룸푸르", "Kuala Lumpur"),
    ];

    public static readonly IReadOnlyDictionary<Industry, string[]> Certifications = new Dictionary<Industry, string[]>
    {
        [Industry.AgriFood] = ["GAP", "HACCP", "Organic (USDA)", "Global G.A.P."],
        [Industry.ProcessedFood] = ["HACCP", "ISO 22000", "FSSC 22000", "Halal (KMF)", "FDA registered"],
        [Industry.Cosmetics] = ["CGMP", "ISO 22716", "CPNP (EU)", "Vegan", "Halal (KMF)"],
        [Industry.Health] = ["GMP", "ISO 13485", "CE", "FDA registered", "HACCP"],
        [Industry.Machinery] = ["ISO 9001", "CE", "KC", "UL"],
        [Industry.AutoParts] = ["IATF 16949", "ISO 9001", "E-mark"],
        [Industry.Electronics] = ["ISO 9001", "CE", "UL", "KC", "RoHS"],
        [Industry.ConsumerGoods] = ["ISO 9001", "KC", "FSC", "Good Design"],
    };

    public static readonly IReadOnlyDictionary<Industry, string[]> TypicalMarkets = new Dictionary<Industry, string[]>
    {
        [Industry.AgriFood] = ["US", "CA", "JP", "TW", "HK", "SG", "VN", "AE", "AU"],
        [Industry.ProcessedFood] = ["US", "CA", "JP", "CN", "VN", "TH", "MY", "ID", "AU", "DE", "GB", "MN"],
        [Industry.Cosmetics] = ["CN", "JP", "VN", "TH", "ID", "US", "FR", "AE", "RU", "KZ", "UZ"],
        [Industry.Health] = ["CN", "VN", "US", "MN", "UZ", "AE", "SA", "DE"],
        [Industry.Machinery] = ["VN", "ID", "UZ", "KZ", "MX", "BR", "TR", "IN", "EG"],
        [Industry.AutoParts] = ["US", "MX", "BR", "RU", "KZ", "UZ", "AE", "SA", "DE", "TR"],
        [Industry.Electronics] = ["US", "DE", "NL", "VN", "IN", "AU", "AE", "PL"],
        [Industry.ConsumerGoods] = ["US", "JP", "FR", "DE", "GB", "AU", "CA", "SG"],
    };

    public static readonly string[] KoreanSurnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"];
    public static readonly string[] KoreanSurnamesLatin = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Ryu", "Hong"];
    public static readonly (string Ko, string En)[] KoreanGivenNames =
    [
        ("민준", "Min-jun"), ("서연", "Seo-yeon"), ("지훈", "Ji-hoon"), ("수빈", "Su-bin"), ("현우", "Hyun-woo"), ("지은", "Ji-eun"),
        ("도윤", "Do-yoon"), ("하은", "Ha-eun"), ("성민", "Sung-min"), ("예진", "Ye-jin"), ("준호", "Jun-ho"), ("민지", "Min-ji"),
        ("재원", "Jae-won"), ("유진", "Yu-jin"), ("태희", "Tae-hee"), ("상철", "Sang-cheol"), ("영수", "Young-soo"), ("미경", "Mi-kyung"),
        ("정호", "Jung-ho"), ("은정", "Eun-jung"), ("동현", "Dong-hyun"), ("소영", "So-young"), ("경민", "Kyung-min"), ("혜진", "Hye-jin"),
    ];

    /// <summary>Where the federation's members come from: country, chapter cities, languages spoken besides Korean, Bogus locale.</summary>
    public static readonly (string Country, string[] Chapters, string[] Languages, string Locale)[] MemberCountries =
    [
        ("US", ["Los Angeles", "New York", "Atlanta", "Chicago", "Dallas", "Seattle", "Houston", "San Francisco", "Washington DC", "Denver"], ["en"], "en_US"),
        ("CA", ["Toronto", "Vancouver", "Montreal"], ["en", "fr"], "en_CA"),
        ("MX", ["Mexico City", "Tijuana"], ["es"], "es_MX"), ("BR", ["São Paulo"], ["pt"], "pt_BR"),
        ("AR", ["Buenos Aires"], ["es"], "es"), ("CL", ["Santiago"], ["es"], "es"), ("PE", ["Lima"], ["es"], "es"),
        ("PY", ["Asunción"], ["es"], "es"), ("GT", ["Guatemala City"], ["es"], "es"), ("CO", ["Bogotá"], ["es"], "es"),
        ("JP", ["Tokyo", "Osaka", "Fukuoka", "Nagoya"], ["ja"], "ja"),
        ("CN", ["Beijing", "Shanghai", "Qingdao", "Shenyang", "Guangzhou", "Tianjin", "Dalian", "Yanji"], ["zh"], "zh_CN"),
        ("TW", ["Taipei"], ["zh"], "zh_TW"), ("HK", ["Hong Kong"], ["zh", "en"], "zh_CN"), ("MN", ["Ulaanbaatar"], ["mn", "ru"], "ru"),
        ("VN", ["Hanoi", "Ho Chi Minh City", "Da Nang"], ["vi"], "vi"), ("TH", ["Bangkok"], ["th", "en"], "en"),
        ("PH", ["Manila", "Cebu"], ["en"], "en"), ("MY", ["Kuala Lumpur"], ["ms", "en"], "en"), ("SG", ["Singapore"], ["en"], "en"),
        ("ID", ["Jakarta", "Surabaya"], ["id"], "id_ID"), ("KH", ["Phnom Penh"], ["en"], "en"), ("MM", ["Yangon"], ["en"], "en"),
        ("IN", ["New Delhi", "Chennai"], ["en", "hi"], "en_IND"), ("BD", ["Dhaka"], ["en"], "en"), ("LK", ["Colombo"], ["en"], "en"),
        ("AU", ["Sydney", "Melbourne", "Brisbane"], ["en"], "en_AU"), ("NZ", ["Auckland"], ["en"], "en"),
        ("AE", ["Dubai"], ["ar", "en"], "ar"), ("SA", ["Riyadh"], ["ar", "en"], "ar"), ("QA", ["Doha"], ["ar", "en"], "ar"),
        ("TR", ["Istanbul"], ["tr"], "tr"), ("IL", ["Tel Aviv"], ["en"], "en"), ("EG", ["Cairo"], ["ar"], "ar"),
        ("ZA", ["Johannesburg"], ["en"], "en_ZA"), ("KE", ["Nairobi"], ["en"], "en"), ("NG", ["Lagos"], ["en"], "en"), ("GH", ["Accra"], ["en"], "en"),
        ("DE", ["Frankfurt", "Berlin", "Hamburg"], ["de"], "de"), ("FR", ["Paris"], ["fr"], "fr"), ("GB", ["London"], ["en"], "en_GB"),
        ("IT", ["Milan"], ["it"], "it"), ("ES", ["Madrid"], ["es"], "es"), ("NL", ["Amsterdam"], ["nl"], "nl"),
        ("AT", ["Vienna"], ["de"], "de_AT"), ("CH", ["Zurich"], ["de"], "de_CH"), ("PL", ["Warsaw"], ["pl"], "pl"),
        ("CZ", ["Prague"], ["cs"], "cz"), ("HU", ["Budapest"], ["hu"], "en"), ("SE", ["Stockholm"], ["sv"], "sv"),
        ("RU", ["Moscow", "Vladivostok", "Sakhalin"], ["ru"], "ru"), ("UZ", ["Tashkent"], ["uz", "ru"], "ru"),
        ("KZ", ["Almaty"], ["kk", "ru"], "ru"), ("KG", ["Bishkek"], ["ru"], "ru"), ("UA", ["Kyiv"], ["uk", "ru"], "uk"),
    ];

    /// <summary>The 13 countries the foreign buyers come from.</summary>
    public static readonly string[] BuyerCountries = ["US", "JP", "CN", "VN", "TH", "ID", "MY", "AE", "DE", "FR", "MN", "UZ", "AU"];

    public static readonly string[] CompanyForms = ["Trading", "Import & Export", "International", "Distribution", "Global", "Commerce", "Supply"];
    public static readonly string[] Hotels = ["Andong Riverside Hotel", "Hahoe Hanok Stay", "Hotel Gyeongbuk Andong", "Andong Station Inn", "Dosan Seowon Guesthouse"];
}
