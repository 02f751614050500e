using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Scoring;

/// <summary>
/// Scores (participant, exhibitor) pairs from the profiles. Candidates come from indexes (exhibitors by
/// HS chapter, both sides' wishlists), never from all pairs: a participant is only compared with
/// exhibitors that sell something in a chapter it buys, or that either side asked for.
/// </summary>
public sealed class ProfileScorer(ScoringWeights weights)
{
    public IReadOnlyList<ScoredPair> Score(MatchInstance instance)
    {
        var exhibitors = instance.Exhibitors;
        var exhibitorIndex = exhibitors.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var byChapter = new Dictionary<string, List<int>>();
        for (var i = 0; i < exhibitors.Count; i++)
            foreach (var chapter in (exhibitors[i].Profile?.Products ?? []).Select(p => p.Hs[..2]).Distinct())
                (byChapter.TryGetValue(chapter, out var list) ? list : byChapter[chapter] = []).Add(i);
        // Exhibitors' wishes, looked up from the participant side.
        var wishedBy = new Dictionary<string, List<int>>();
        for (var i = 0; i < exhibitors.Count; i++)
            if (exhibitors[i].Profile?.Wishlist is { } w)
                foreach (var id in w.MustMeet.Concat(w.WouldLike))
                    (wishedBy.TryGetValue(id, out var list) ? list : wishedBy[id] = []).Add(i);
        var blocked = (instance.Blocked ?? []).Select(b => (b.Participant, b.Exhibitor)).ToHashSet();

        var result = new List<ScoredPair>();
        foreach (var participant in instance.Participants)
        {
            var profile = participant.Profile;
            var candidates = new SortedSet<int>();
            foreach (var chapter in (profile?.Interests ?? []).Select(p => p.Hs[..2]).Distinct())
                if (byChapter.TryGetValue(chapter, out var list)) candidates.UnionWith(list);
            if (profile is not null)
                foreach (var id in profile.Wishlist.MustMeet.Concat(profile.Wishlist.WouldLike)) candidates.Add(exhibitorIndex[id]);
            if (wishedBy.TryGetValue(participant.Id, out var wishers)) candidates.UnionWith(wishers);

            var scored = new List<(ScoredPair Pair, bool Wished)>();
            foreach (var i in candidates)
            {
                var exhibitor = exhibitors[i];
                if (blocked.Contains((participant.Id, exhibitor.Id))) continue;
                var pair = ScorePair(participant, exhibitor, out var wished);
                if (pair is not null) scored.Add((pair, wished));
            }
            // Keep the best candidates; a wished pair is always kept.
            var ranked = scored.OrderByDescending(x => x.Pair.Pair.Score).ThenBy(x => exhibitorIndex[x.Pair.Pair.Exhibitor]).ToList();
            result.AddRange(ranked.Where((x, rank) => x.Wished || rank < weights.CandidatesPerParticipant).Select(x => x.Pair));
        }
        return result;
    }

    /// <summary>The score of one pair with its reasons, or null when either side excludes the other.</summary>
    public ScoredPair? ScorePair(Participant participant, Exhibitor exhibitor, out bool wished)
    {
        wished = false;
        var pp = participant.Profile;
        var ep = exhibitor.Profile;
        var participantWishes = pp?.Wishlist ?? Wishlist.Empty;
        var exhibitorWishes = ep?.Wishlist ?? Wishlist.Empty;
        if (participantWishes.NotInterested.Contains(exhibitor.Id) || exhibitorWishes.NotInterested.Contains(participant.Id)) return null;

        var reasons = new List<ScoreReason>();
        var score = 0;
        if (pp is not null && ep is not null && BestHsMatch(pp.Interests, ep.Products) is { } match)
        {
            var (digits, product) = match;
            var code = product.Hs[..digits];
            var (ko, en) = SplitName(product.Name);
            score += digits switch { 6 => weights.SameHs6, 4 => weights.SameHs4, _ => weights.SameHs2 };
            var level = digits switch { 6 => ("같은 HS", "same HS"), 4 => ("같은 HS 품목", "same HS heading"), _ => ("같은 HS 류", "same HS chapter") };
            reasons.Add(new($"{level.Item1} {code}{ko}", $"{level.Item2} {code}{en}"));
        }
        if (pp is not null && ep is not null && ep.TargetMarkets.Contains(pp.Country, StringComparer.OrdinalIgnoreCase))
        {
            score += weights.TargetMarket;
            reasons.Add(new($"목표 시장 {pp.Country}", $"target market {pp.Country}"));
        }
        if (LanguageRules.Shared(participant.Languages, exhibitor.Languages))
        {
            score += weights.SharedLanguage;
            var language = participant.Languages.First(l => exhibitor.Languages.Contains(l, StringComparer.OrdinalIgnoreCase));
            reasons.Add(new($"공통 언어 {language}", $"shared language {language}"));
        }
        else
        {
            score -= weights.InterpreterNeeded;
            reasons.Add(new("통역 필요", "interpreter needed"));
        }

        var participantWants = participantWishes.MustMeet.Contains(exhibitor.Id) || participantWishes.WouldLike.Contains(exhibitor.Id);
        var exhibitorWants = exhibitorWishes.MustMeet.Contains(participant.Id) || exhibitorWishes.WouldLike.Contains(participant.Id);
        var mustMeet = participantWishes.MustMeet.Contains(exhibitor.Id) || exhibitorWishes.MustMeet.Contains(participant.Id);
        wished = participantWants || exhibitorWants;
        if (participantWants && exhibitorWants) { score += weights.MutualInterest; reasons.Add(new("상호 관심", "mutual interest")); }
        else if (participantWants) { score += weights.ParticipantWish; reasons.Add(new("바이어 희망", "requested by the buyer")); }
        else if (exhibitorWants) { score += weights.ExhibitorWish; reasons.Add(new("참가기업 희망", "requested by the exhibitor")); }
        if (mustMeet) reasons.Add(new("필수 상담", "must meet"));

        if (pp?.Industry is { } industry && string.Equals(industry, ep?.Industry, StringComparison.OrdinalIgnoreCase))
        {
            score += weights.SameIndustry;
            reasons.Add(new($"같은 업종 {industry}", $"same industry {industry}"));
        }
        if (pp is not null && ep is not null && Math.Abs((int)pp.ImportScale - (int)ep.Size) <= (pp.ImportScale == CompanySize.Large ? 0 : 1))
        {
            score += weights.ScaleFit;
            reasons.Add(new("수입 규모 적합", "import scale fits company size"));
        }
        // Without any product or wish in common the pair is not a candidate at all.
        if (reasons.Count <= 2 && !wished && !reasons.Any(r => r.English.StartsWith("same HS"))) return null;
        return new ScoredPair(new CandidatePair(participant.Id, exhibitor.Id, Math.Max(score, 0), mustMeet), reasons);
    }

    private static (int Digits, Product Product)? BestHsMatch(IReadOnlyList<Product> interests, IReadOnlyList<Product> products)
    {
        (int, Product)? best = null;
        foreach (var interest in interests)
            foreach (var product in products)
                foreach (var digits in new[] { 6, 4, 2 })
                {
                    if (best is { } b && b.Item1 >= digits) break;
                    if (interest.Hs.Length >= digits && product.Hs.Length >= digits && string.CompareOrdinal(interest.Hs, 0, product.Hs, 0, digits) == 0)
                    {
                        best = (digits, product);
                        break;
                    }
                }
        return best;
    }

    /// <summary>A product name "녹차/green tea" gives both languages; a single name is used for both.</summary>
    private static (string Korean, string English) SplitName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return ("", "");
        var parts = name.Split('/', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (" " + parts[0], " " + parts[1]) : (" " + name, " " + name);
    }
}
