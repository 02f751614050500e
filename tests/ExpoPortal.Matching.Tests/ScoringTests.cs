using ExpoPortal.Matching.Model;
using ExpoPortal.Matching.Scoring;
using static ExpoPortal.Matching.Tests.Tiny;

namespace ExpoPortal.Matching.Tests;

public class ScoringTests
{
    private static readonly ScoringWeights Weights = ScoringWeights.Default;

    private static Exhibitor Seller(string id, string hs, string? name = null, string[]? markets = null, Wishlist? wishes = null, string industry = "food") =>
        Exhibitor(id) with { Profile = new ExhibitorProfile([new Product(hs, name)], markets ?? [], industry, CompanySize.Small, wishes ?? Wishlist.Empty) };

    private static Participant Buyer(string id, string hs, string country = "VN", Wishlist? wishes = null, string[]? languages = null) =>
        Participant(id, languages: languages) with { Profile = new ParticipantProfile(country, [new Product(hs)], "food", CompanySize.Medium, wishes ?? Wishlist.Empty) };

    private static ScoredPair Score(Participant p, Exhibitor e) =>
        new ProfileScorer(Weights).ScorePair(p, e, out _) ?? throw new InvalidOperationException("pair excluded");

    [Fact]
    public void Same_six_digit_code_beats_same_heading_beats_same_chapter()
    {
        var buyer = Buyer("P1", "090210");
        var six = Score(buyer, Seller("E1", "090210")).Pair.Score;
        var four = Score(buyer, Seller("E2", "090240")).Pair.Score;
        var two = Score(buyer, Seller("E3", "091010")).Pair.Score;
        Assert.Equal(Weights.SameHs6 - Weights.SameHs4, six - four);
        Assert.Equal(Weights.SameHs4 - Weights.SameHs2, four - two);
    }

    [Fact]
    public void Reasons_are_given_in_korean_and_english()
    {
        var scored = Score(Buyer("P1", "0902"), Seller("E1", "090210", "녹차/green tea", markets: ["VN"]));
        Assert.Contains(scored.Reasons, r => r.ToString() == "같은 HS 품목 0902 녹차 / same HS heading 0902 green tea");
        Assert.Contains(scored.Reasons, r => r.English == "target market VN" && r.Korean == "목표 시장 VN");
        Assert.Contains(scored.Reasons, r => r.English == "shared language ko");
    }

    [Fact]
    public void Mutual_interest_ranks_above_one_sided_interest()
    {
        var mutual = Score(Buyer("P1", "0902", wishes: new([], ["E1"], [])), Seller("E1", "0902", wishes: new([], ["P1"], []))).Pair.Score;
        var buyerOnly = Score(Buyer("P1", "0902", wishes: new([], ["E1"], [])), Seller("E1", "0902")).Pair.Score;
        var none = Score(Buyer("P1", "0902"), Seller("E1", "0902")).Pair.Score;
        Assert.True(mutual > buyerOnly && buyerOnly > none);
    }

    [Fact]
    public void Must_meet_from_either_side_flags_the_pair()
    {
        Assert.True(Score(Buyer("P1", "0902"), Seller("E1", "0902", wishes: new(["P1"], [], []))).Pair.MustMeet);
        Assert.False(Score(Buyer("P1", "0902"), Seller("E1", "0902")).Pair.MustMeet);
    }

    [Fact]
    public void Not_interested_and_blocked_pairs_are_excluded()
    {
        var buyer = Buyer("P1", "0902", wishes: new([], [], ["E1"]));
        var instance = new MatchInstance(Slots(2), [Seller("E1", "0902"), Seller("E2", "0902"), Seller("E3", "0902")],
            [buyer, Buyer("P2", "0902")], [], Blocked: [new BlockedPair("P2", "E3")]);
        var pairs = CandidateSource.Resolve(instance).Select(p => (p.Participant, p.Exhibitor)).ToList();
        Assert.DoesNotContain(("P1", "E1"), pairs);
        Assert.DoesNotContain(("P2", "E3"), pairs);
        Assert.Contains(("P1", "E2"), pairs);
    }

    [Fact]
    public void A_missing_common_language_lowers_the_score_and_says_why()
    {
        var speaking = Score(Buyer("P1", "0902"), Seller("E1", "0902")).Pair.Score;
        var silent = Score(Buyer("P1", "0902", languages: ["vi"]), Seller("E1", "0902"));
        Assert.Equal(Weights.SharedLanguage + Weights.InterpreterNeeded, speaking - silent.Pair.Score);
        Assert.Contains(silent.Reasons, r => r.English == "interpreter needed");
    }

    [Fact]
    public void Candidates_come_from_shared_chapters_and_wishes_only_and_are_capped()
    {
        var exhibitors = Enumerable.Range(1, 60).Select(i => Seller($"E{i}", i <= 50 ? "0902" : "8471")).ToList();
        var buyer = Buyer("P1", "090210", wishes: new([], ["E55"], []));
        var instance = new MatchInstance(Slots(2), exhibitors, [buyer], []);
        var pairs = new ProfileScorer(Weights with { CandidatesPerParticipant = 10, ParticipantWish = 0 }).Score(instance);
        // 50 tea sellers share the chapter but only the best 10 are kept; E55 (computers) ranks last but is wished, so kept too.
        Assert.Equal(11, pairs.Count);
        Assert.Contains(pairs, p => p.Pair.Exhibitor == "E55");
        Assert.DoesNotContain(pairs, p => p.Pair.Exhibitor == "E56");
    }
}
