using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Exhibitors;

/// <summary>Industry sectors of the directory book; also the categories buyers say they are interested in.</summary>
public enum Industry
{
    AgriFood,
    ProcessedFood,
    Cosmetics,
    Health,
    Machinery,
    AutoParts,
    Electronics,
    ConsumerGoods,
}

/// <summary>Company size by head count, compared with a buyer's import scale when matching.</summary>
public enum CompanySize
{
    Micro,
    Small,
    Medium,
    Large,
}

public static class IndustryNames
{
    /// <summary>The sector's name in both languages, for search and for documents made outside the web UI.</summary>
    public static LocalizedText Of(Industry industry) => industry switch
    {
        Industry.AgriFood => new("농식품", "Agri-food"),
        Industry.ProcessedFood => new("가공식품", "Processed food"),
        Industry.Cosmetics => new("화장품", "Cosmetics"),
        Industry.Health => new("헬스케어", "Health"),
        Industry.Machinery => new("기계", "Machinery"),
        Industry.AutoParts => new("자동차 부품", "Auto parts"),
        Industry.Electronics => new("전자", "Electronics"),
        _ => new("생활용품", "Consumer goods"),
    };
}
