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
