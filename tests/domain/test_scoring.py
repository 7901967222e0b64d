"""Scoring of SPEC §3: score, coverage, band, confidence, competency flags and recommendations.

KAM weights (builders.KAM): NEG 20 (critical 3.0), REL 15, ANA 15, IND/ORD/ACC/CLM/TIM 10 each, sum 100.
s = (mean - 1) / 4, so a rating of 1/2/3/4/5 gives s = 0/0.25/0.5/0.75/1.
"""

import pytest

from hiring.domain.scoring import evaluate
from hiring.domain.values import CompetencySpec, CustomRule

from .builders import KAM, make_candidate, make_card, make_requirements, ratings


def run(cards, competencies=KAM, requirements=None, candidate=None):
    return evaluate(competencies, requirements or make_requirements(), candidate or make_candidate(), cards)


def competency(evaluation, code):
    return next(c for c in evaluation.competencies if c.code == code)


# --- score and band at the exact boundaries ----------------------------------------------------------


def test_score_exactly_75_is_strong_hire():
    # NEG 5 (20*1=20), REL 3 (15*0.5=7.5), ANA 5 (15), IND 5, ORD 5, ACC 4, CLM 3, TIM 1
    # (10*(1+1+0.75+0.5+0)=32.5): 20 + 7.5 + 15 + 32.5 = 75.0 of 100.
    card = make_card(1, ratings(NEG=5, REL=3, ANA=5, IND=5, ORD=5, ACC=4, CLM=3, TIM=1))
    evaluation = run([card])
    assert evaluation.score == 75.0
    assert evaluation.band == "strong_hire"


def test_score_exactly_60_is_hire_and_57_5_is_consider():
    # NEG 4 (15), REL 3 (7.5), ANA 3 (7.5), IND 5 (10), ORD..TIM 3 (4*5=20): 60.0.
    card = make_card(1, ratings(NEG=4, REL=3, ANA=3, IND=5, ORD=3, ACC=3, CLM=3, TIM=3))
    assert (run([card]).score, run([card]).band) == (60.0, "hire")
    # IND 4 instead of 5: 60 - 2.5 = 57.5.
    card = make_card(1, ratings(NEG=4, REL=3, ANA=3, IND=4, ORD=3, ACC=3, CLM=3, TIM=3))
    assert (run([card]).score, run([card]).band) == (57.5, "consider")


def test_score_exactly_45_is_consider_and_42_5_is_no_hire():
    # Everything 3 gives 50; IND 1 takes 10*0.5 = 5 away: 45.0.
    card = make_card(1, ratings(NEG=3, REL=3, ANA=3, IND=1, ORD=3, ACC=3, CLM=3, TIM=3))
    assert (run([card]).score, run([card]).band) == (45.0, "consider")
    # ORD 2 as well takes 2.5 more: 42.5.
    card = make_card(1, ratings(NEG=3, REL=3, ANA=3, IND=1, ORD=2, ACC=3, CLM=3, TIM=3))
    assert (run([card]).score, run([card]).band) == (42.5, "no_hire")


def test_band_follows_the_rounded_score():
    # Weights 999 and 1, ratings 4 and 1: 100 * (999*0.75 + 0) / 1000 = 74.925 -> 74.9 -> hire.
    # Ratings 4 and 2: 100 * (749.25 + 0.25) / 1000 = 74.95 -> 75.0 (half up) -> strong_hire.
    competencies = (CompetencySpec("A", 999), CompetencySpec("B", 1))
    low = run([make_card(1, {"A": 4, "B": 1})], competencies)
    high = run([make_card(1, {"A": 4, "B": 2})], competencies)
    assert (low.score, low.band) == (74.9, "hire")
    assert (high.score, high.band) == (75.0, "strong_hire")


def test_score_rounds_half_up():
    # Weights 1 and 3, ratings 4 and 3: 100 * (0.75 + 3*0.5) / 4 = 56.25 -> 56.3 (Python's round() says 56.2).
    competencies = (CompetencySpec("A", 1), CompetencySpec("B", 3))
    assert run([make_card(1, {"A": 4, "B": 3})], competencies).score == 56.3


def test_score_uses_means_of_several_scorecards():
    # NEG 4,5 -> mean 4.5, s 0.875, 20*0.875 = 17.5; everything else 3,3 -> 80*0.5 = 40; 57.5.
    cards = [
        make_card(1, {**make_card(1, 3).ratings, "NEG": 4}),
        make_card(2, {**make_card(2, 3).ratings, "NEG": 5}),
    ]
    evaluation = run(cards)
    assert competency(evaluation, "NEG").mean == 4.5
    assert evaluation.score == 57.5


# --- coverage --------------------------------------------------------------------------------------------


def test_coverage_exactly_0_8_is_enough():
    # IND and ORD not assessed: rated weight 80 of 100 = 0.8, not below 0.8. Score over R only:
    # NEG 20*0.75 + REL,ANA 30*0.75 + ACC,CLM,TIM 30*0.75 = 60 of 80 = 75.0.
    card = make_card(1, ratings(NEG=4, REL=4, ANA=4, ACC=4, CLM=4, TIM=4))
    evaluation = run([card])
    assert evaluation.coverage == 0.8
    assert evaluation.score == 75.0
    assert evaluation.band == "strong_hire"


def test_coverage_below_0_8_is_insufficient_data_with_the_score_shown():
    # IND, ORD and ACC not assessed: 70 of 100.
    card = make_card(1, ratings(NEG=4, REL=4, ANA=4, CLM=4, TIM=4))
    evaluation = run([card])
    assert evaluation.coverage == 0.7
    assert evaluation.score == 75.0
    assert evaluation.band == "insufficient_data"


def test_coverage_0_8_from_decimal_weights_is_exact():
    # Five weights of 0.7, four rated: summing the floats gives 2.8/3.5 = 0.7999999999999999;
    # as typed it is exactly 0.8.
    competencies = tuple(CompetencySpec(code, 0.7) for code in "ABCDE")
    evaluation = run([make_card(1, {"A": 4, "B": 4, "C": 4, "D": 4})], competencies)
    assert evaluation.coverage == 0.8
    assert evaluation.band == "strong_hire"


def test_not_assessed_as_none_or_missing_is_the_same():
    missing = run([make_card(1, ratings(NEG=4, REL=4))])
    as_none = run([make_card(1, {**dict.fromkeys(r.code for r in KAM), "NEG": 4, "REL": 4})])
    assert (missing.score, missing.coverage) == (as_none.score, as_none.coverage) == (75.0, 0.35)


def test_zero_weight_competency_is_rated_but_not_counted():
    # A weighs 0: its rating shows in its mean, not in score or coverage. B alone: rating 5 -> 100.
    competencies = (CompetencySpec("A", 0), CompetencySpec("B", 10))
    evaluation = run([make_card(1, {"A": 1, "B": 5})], competencies)
    assert evaluation.score == 100.0
    assert evaluation.coverage == 1.0
    assert competency(evaluation, "A").mean == 1.0


def test_all_weights_zero_gives_no_score_and_coverage_zero():
    competencies = (CompetencySpec("A", 0), CompetencySpec("B", 0))
    evaluation = run([make_card(1, {"A": 5, "B": 5})], competencies)
    assert (evaluation.score, evaluation.coverage, evaluation.band) == (None, 0.0, "insufficient_data")


def test_no_submitted_scorecard_is_insufficient_data():
    evaluation = run([make_card(1, 5, submitted=False)])
    assert evaluation.score is None
    assert evaluation.coverage == 0.0
    assert evaluation.band == "insufficient_data"
    assert evaluation.confidence == "low"
    assert evaluation.submitted_count == 0


# --- disagreement and critical gap ---------------------------------------------------------------------


def test_spread_exactly_2_is_disagreement_and_1_is_not():
    cards = [make_card(1, ratings(NEG=3, REL=3)), make_card(2, ratings(NEG=5, REL=4))]
    evaluation = run(cards)
    assert (competency(evaluation, "NEG").spread, competency(evaluation, "NEG").flags) == (
        2,
        ("disagreement",),
    )
    assert (competency(evaluation, "REL").spread, competency(evaluation, "REL").flags) == (1, ())
    assert "disagreement:NEG" in evaluation.flags
    assert "disagreement:REL" not in evaluation.flags


def test_critical_minimum_exactly_met_is_not_a_gap():
    # NEG ratings 2 and 4: mean 3.0, not below the minimum 3.0 (spread 2 flags disagreement though).
    cards = [make_card(1, {**ratings(NEG=2), "REL": 4}), make_card(2, {**ratings(NEG=4), "REL": 4})]
    assert "critical_gap" not in competency(run(cards), "NEG").flags


def test_mean_below_critical_minimum_is_a_gap():
    # NEG ratings 2 and 3: mean 2.5 < 3.0.
    cards = [make_card(1, ratings(NEG=2)), make_card(2, ratings(NEG=3))]
    evaluation = run(cards)
    assert competency(evaluation, "NEG").flags == ("critical_gap",)
    assert "critical_gap:NEG" in evaluation.flags


def test_critical_minimum_with_thirds():
    # Minimum 2.7; ratings 2, 3, 3 give 8/3 = 2.667 < 2.7: a gap. Ratings 3, 3, 2 and minimum 2.6: none.
    cards = [make_card(i, {"A": r}) for i, r in enumerate((2, 3, 3), start=1)]
    assert run(cards, (CompetencySpec("A", 1, 2.7),)).competencies[0].flags == ("critical_gap",)
    assert run(cards, (CompetencySpec("A", 1, 2.6),)).competencies[0].flags == ()


@pytest.mark.parametrize(
    ("others", "no_gap", "gap"),
    [
        # Others rated r weigh 80: 80*s_r. NEG 3 (no gap) adds 20*0.5 = 10, NEG 2 (gap) adds 20*0.25 = 5.
        (5, (90.0, "strong_hire"), (85.0, "consider")),  # strong_hire lowered
        (4, (70.0, "hire"), (65.0, "consider")),  # hire lowered
        (3, (50.0, "consider"), (45.0, "consider")),  # consider stays
        (1, (10.0, "no_hire"), (5.0, "no_hire")),  # no_hire stays
    ],
)
def test_critical_gap_lowers_strong_hire_and_hire_to_consider(others, no_gap, gap):
    rest = dict.fromkeys(("REL", "ANA", "IND", "ORD", "ACC", "CLM", "TIM"), others)
    without = run([make_card(1, {**rest, "NEG": 3})])
    with_gap = run([make_card(1, {**rest, "NEG": 2})])
    assert (without.score, without.band) == no_gap
    assert (with_gap.score, with_gap.band) == gap
    assert "critical_gap:NEG" in with_gap.flags


# --- pending and not eligible ------------------------------------------------------------------------


def test_pending_screening_keeps_the_band_and_marks_pending():
    requirements = make_requirements(custom=(CustomRule(0, "Ready to travel", True),))
    evaluation = run([make_card(1, 4), make_card(2, 4)], requirements=requirements)
    assert (evaluation.eligibility, evaluation.band, evaluation.pending) == ("pending", "strong_hire", True)
    assert evaluation.flags == ("screening_pending",)


def test_not_eligible_still_shows_the_score():
    evaluation = run([make_card(1, 4)], candidate=make_candidate(education_level="secondary"))
    assert (evaluation.band, evaluation.score, evaluation.pending) == ("not_eligible", 75.0, False)


# --- confidence ------------------------------------------------------------------------------------------


def test_confidence_high_with_two_cards_full_coverage_and_agreement():
    assert run([make_card(1, 4), make_card(2, 5)]).confidence == "high"


def test_confidence_high_at_coverage_exactly_0_9():
    # TIM (10) not assessed by anyone: 90 of 100.
    cards = [make_card(i, {**make_card(i, 4).ratings, "TIM": None}) for i in (1, 2)]
    evaluation = run(cards)
    assert (evaluation.coverage, evaluation.confidence) == (0.9, "high")


def test_confidence_medium_with_disagreement():
    assert run([make_card(1, 3), make_card(2, 5)]).confidence == "medium"


def test_confidence_low_with_one_card_or_coverage_below_0_9():
    assert run([make_card(1, 4)]).confidence == "low"
    # IND and ORD left out: coverage 0.8 -> band from score, confidence low.
    cards = [make_card(i, ratings(NEG=4, REL=4, ANA=4, ACC=4, CLM=4, TIM=4)) for i in (1, 2)]
    evaluation = run(cards)
    assert (evaluation.band, evaluation.confidence) == ("strong_hire", "low")


def test_a_draft_does_not_count_as_a_second_scorecard():
    evaluation = run([make_card(1, 4), make_card(2, 1, submitted=False)])
    assert (evaluation.submitted_count, evaluation.confidence, evaluation.score) == (1, "low", 75.0)


# --- recommendations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "recommendation", "band", "conflict"),
    [
        (4, "strong_no", "strong_hire", True),
        (3.5, "strong_no", "hire", True),
        (3, "strong_no", "consider", False),
        (1, "strong_yes", "no_hire", True),
        (3, "strong_yes", "consider", False),
        (4, "no", "strong_hire", False),
        (1, "yes", "no_hire", False),
    ],
)
def test_recommendation_conflict(rating, recommendation, band, conflict):
    # 3.5 stands for two cards rated 3 and 4 everywhere: mean 3.5 -> 62.5, hire. The other card says "yes".
    if rating == 3.5:
        cards = [make_card(1, 3, recommendation=recommendation), make_card(2, 4, recommendation="yes")]
    else:
        cards = [
            make_card(1, rating, recommendation=recommendation),
            make_card(2, rating, recommendation="yes"),
        ]
    evaluation = run(cards)
    assert evaluation.band == band
    assert ("recommendation_conflict" in evaluation.flags) is conflict
    assert evaluation.recommendations == (recommendation, "yes")


def test_recommendation_in_a_draft_is_ignored():
    evaluation = run([make_card(1, 4), make_card(2, 4, submitted=False, recommendation="strong_no")])
    assert evaluation.recommendations == ()
    assert "recommendation_conflict" not in evaluation.flags


# --- flags and the competency table ---------------------------------------------------------------------


def test_flags_come_in_a_fixed_order():
    # Screening flags first, then per competency in profile order, then the recommendation conflict.
    requirements = make_requirements(custom=(CustomRule(0, "Travel", True),))
    candidate = make_candidate(experience_years=2, plan_attainment_pct=100)
    first = {**make_card(1, 5).ratings, "NEG": 1, "ANA": 3}
    second = {**make_card(2, 5).ratings, "NEG": 3, "ANA": 5}
    cards = [
        make_card(2, second, recommendation="strong_yes"),
        make_card(1, first, recommendation="strong_no"),
    ]
    evaluation = run(cards, requirements=requirements, candidate=candidate)
    # NEG mean 2 < 3 (gap, spread 2), ANA mean 4 spread 2; score 100*(20*0.25 + 15*0.75 + 65)/100 = 81.25
    # -> 81.3, strong_hire lowered by the gap to consider, which neither recommendation conflicts with.
    assert evaluation.score == 81.3
    assert evaluation.band == "consider"
    assert evaluation.flags == (
        "experience_risk",
        "plan_unverified",
        "screening_pending",
        "disagreement:NEG",
        "critical_gap:NEG",
        "disagreement:ANA",
    )


def test_recommendation_conflict_comes_last():
    requirements = make_requirements(custom=(CustomRule(0, "Travel", True),))
    candidate = make_candidate(experience_years=2, plan_attainment_pct=100)
    # Everything 4 except ANA 3 and 5 (mean 4, spread 2): score 75.0, strong_hire, against a strong_no.
    cards = [
        make_card(1, {**make_card(1, 4).ratings, "ANA": 3}, recommendation="strong_no"),
        make_card(2, {**make_card(2, 4).ratings, "ANA": 5}),
    ]
    evaluation = run(cards, requirements=requirements, candidate=candidate)
    assert (evaluation.score, evaluation.band) == (75.0, "strong_hire")
    assert evaluation.flags == (
        "experience_risk",
        "plan_unverified",
        "screening_pending",
        "disagreement:ANA",
        "recommendation_conflict",
    )


def test_competency_results_list_ratings_in_interviewer_order():
    cards = [make_card(7, ratings(NEG=5)), make_card(3, ratings(NEG=2)), make_card(5, ratings(REL=4))]
    neg = competency(run(cards), "NEG")
    assert (neg.ratings, neg.n, neg.mean, neg.spread, neg.weight) == ((2, 5), 2, 3.5, 3, 20)
    rel = competency(run(cards), "REL")
    assert (rel.ratings, rel.n, rel.mean, rel.spread) == ((4,), 1, 4.0, 0)
    tim = competency(run(cards), "TIM")
    assert (tim.ratings, tim.n, tim.mean, tim.spread, tim.flags) == ((), 0, None, None, ())


def test_ratings_for_unknown_competencies_are_ignored():
    evaluation = run([make_card(1, {**make_card(1, 4).ratings, "OLD": 1})])
    assert evaluation.score == 75.0


def test_duplicate_competency_codes_are_refused():
    with pytest.raises(ValueError):
        run([], (CompetencySpec("A", 1), CompetencySpec("A", 2)))


@pytest.mark.parametrize("bad", [0, 6, 2.5, True, "4"])
def test_ratings_outside_1_to_5_are_refused(bad):
    with pytest.raises(ValueError):
        make_card(1, {"NEG": bad})
