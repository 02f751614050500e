using System.Text.Json;
using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Io;

public static class InstanceWriter
{
    public static void WriteFile(string path, MatchInstance instance) => File.WriteAllText(path, Write(instance));

    public static string Write(MatchInstance instance) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("format", MatchInstance.FormatName);
        w.WriteStartArray("slots");
        foreach (var s in instance.Slots)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("day", s.Day);
            w.WriteString("start", s.Start.ToString("yyyy-MM-ddTHH:mmzzz", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("minutes", s.Minutes);
            if (s.Hall is not null) w.WriteString("hall", s.Hall);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("exhibitors");
        foreach (var e in instance.Exhibitors)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteNumber("tables", e.Tables);
            w.WriteNumber("minMeetings", e.MinMeetings);
            w.WriteNumber("maxMeetings", e.MaxMeetings);
            w.StringArray("languages", e.Languages);
            if (e.Available is not null) w.StringArray("available", e.Available);
            if (e.Hall is not null) w.WriteString("hall", e.Hall);
            if (e.Profile is { } p)
            {
                w.WriteStartObject("profile");
                WriteProducts(w, "products", p.Products);
                w.StringArray("targetMarkets", p.TargetMarkets);
                if (p.Industry is not null) w.WriteString("industry", p.Industry);
                w.WriteString("size", p.Size.ToString().ToLowerInvariant());
                WriteWishlist(w, p.Wishlist);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("participants");
        foreach (var p in instance.Participants)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteNumber("maxMeetings", p.MaxMeetings);
            w.StringArray("languages", p.Languages);
            if (p.Available is not null) w.StringArray("available", p.Available);
            if (p.Profile is { } profile)
            {
                w.WriteStartObject("profile");
                w.WriteString("country", profile.Country);
                WriteProducts(w, "interests", profile.Interests);
                if (profile.Industry is not null) w.WriteString("industry", profile.Industry);
                w.WriteString("importScale", profile.ImportScale.ToString().ToLowerInvariant());
                WriteWishlist(w, profile.Wishlist);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("interpreters");
        foreach (var i in instance.Interpreters)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.StringArray("languages", i.Languages);
            if (i.Available is not null) w.StringArray("available", i.Available);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (instance.Pairs is not null)
        {
            w.WriteStartArray("pairs");
            foreach (var pair in instance.Pairs)
            {
                w.WriteStartObject();
                w.WriteString("participant", pair.Participant);
                w.WriteString("exhibitor", pair.Exhibitor);
                w.WriteNumber("score", pair.Score);
                if (pair.MustMeet) w.WriteBoolean("mustMeet", true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (instance.Blocked is { Count: > 0 })
        {
            w.WriteStartArray("blocked");
            foreach (var b in instance.Blocked)
            {
                w.WriteStartObject();
                w.WriteString("participant", b.Participant);
                w.WriteString("exhibitor", b.Exhibitor);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });

    private static void WriteProducts(Utf8JsonWriter w, string name, IReadOnlyList<Product> products)
    {
        w.WriteStartArray(name);
        foreach (var product in products)
        {
            w.WriteStartObject();
            w.WriteString("hs", product.Hs);
            if (product.Name is not null) w.WriteString("name", product.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteWishlist(Utf8JsonWriter w, Wishlist wishlist)
    {
        if (wishlist.MustMeet.Count > 0) w.StringArray("mustMeet", wishlist.MustMeet);
        if (wishlist.WouldLike.Count > 0) w.StringArray("wouldLike", wishlist.WouldLike);
        if (wishlist.NotInterested.Count > 0) w.StringArray("notInterested", wishlist.NotInterested);
    }
}
