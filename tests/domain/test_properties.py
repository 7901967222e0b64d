"""Properties of scoring and ranking that must hold for any input (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from hiring.domain.levels import LANGUAGE_LEVELS, RECOMMENDATIONS
from hiring.domain.ranking import rank, ranking_key
from hiring.domain.scoring import Evaluation, evaluate
from hiring.domain.screening import Screening
from hiring.domain.values import CompetencySpec, CustomRule, LanguageRule, ScorecardData

from .builders import make_candidate, make_requirements

CODES = "ABCDEFGH"
REQUIREMENTS = make_requirements((LanguageRule("de", "B2", True),), (CustomRule(0, "Travel", False),))
EXAMPLES = settings(max_examples=100, deadline=None)

competencies = st.lists(
    st.builds(
        CompetencySpec,
        code=st.sampled_from(CODES),
        weight=st.integers(0, 30),
        critical_min=st.sampled_from([None, 2.0, 3.0, 3.5]),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda spec: spec.code,
)
rating = st.one_of(st.none(), st.integers(1, 5))
level = st.sampled_from(LANGUAGE_LEVELS)


def scorecard(interviewer_id, submitted=None):
    return st.builds(
        ScorecardData,
        interviewer_id=st.just(interviewer_id),
        submitted=st.booleans() if submitted is None else submitted,
        ratings=st.dictionaries(st.sampled_from(CODES), rating),
        verified_languages=st.dictionaries(st.just("de"), level),
        recommendation=st.one_of(st.none(), st.sampled_from(RECOMMENDATIONS)),
    )


scorecards = st.lists(st.integers(1, 50), max_size=4, unique=True).flatmap(
    lambda ids: st.tuples(*(scorecard(i) for i in ids)).map(list)
)
candidates = st.builds(
    make_candidate,
    experience_years=st.sampled_from([None, 0.5, 1.0, 2.9, 3.0, 10.0]),
    plan_attainment_pct=st.sampled_from([None, 99.0, 100.0]),
    languages=st.dictionaries(st.just("de"), level),
    check_answers=st.dictionaries(st.just(0), st.booleans()),
)


def summary(evaluation):
    """What a user sees, leaving out the weights themselves."""
    return (
        evaluation.score,
        evaluation.coverage,
        evaluation.band,
        evaluation.confidence,
        evaluation.flags,
        evaluation.eligibility,
        [(c.code, c.mean, c.n, c.spread, c.flags, c.ratings) for c in evaluation.competencies],
    )


@EXAMPLES
@given(competencies, candidates, scorecards)
def test_score_and_coverage_stay_in_range(specs, candidate, cards):
    evaluation = evaluate(specs, REQUIREMENTS, candidate, cards)
    assert evaluation.score is None or 0 <= evaluation.score <= 100
    assert 0 <= evaluation.coverage <= 1
    assert all(result.detail for result in evaluation.screening.results)


@EXAMPLES
@given(competencies, scorecards, st.data())
def test_raising_one_rating_never_lowers_the_score(specs, cards, data):
    raisable = [
        (i, code)
        for i, card in enumerate(cards)
        if card.submitted
        for code, value in card.ratings.items()
        if value is not None and value < 5
    ]
    if not raisable:
        return
    i, code = data.draw(st.sampled_from(raisable))
    card = cards[i]
    raised = ScorecardData(
        card.interviewer_id, True, {**card.ratings, code: card.ratings[code] + 1}, card.verified_languages
    )
    before = evaluate(specs, REQUIREMENTS, make_candidate(), cards).score
    after = evaluate(specs, REQUIREMENTS, make_candidate(), [*cards[:i], raised, *cards[i + 1 :]]).score
    assert before is None or after >= before


@EXAMPLES
@given(competencies, candidates, scorecards, st.sampled_from([2, 3, 7, 10, 0.5, 0.25]))
def test_scaling_every_weight_changes_nothing(specs, candidate, cards, factor):
    scaled = [CompetencySpec(s.code, s.weight * factor, s.critical_min) for s in specs]
    assert summary(evaluate(scaled, REQUIREMENTS, candidate, cards)) == summary(
        evaluate(specs, REQUIREMENTS, candidate, cards)
    )


@EXAMPLES
@given(competencies, candidates, scorecards, st.randoms(use_true_random=False))
def test_scorecard_order_changes_nothing(specs, candidate, cards, rnd):
    shuffled = cards[:]
    rnd.shuffle(shuffled)
    assert evaluate(specs, REQUIREMENTS, candidate, shuffled) == evaluate(
        specs, REQUIREMENTS, candidate, cards
    )


@EXAMPLES
@given(competencies, candidates, scorecards, scorecard(99, submitted=st.just(False)))
def test_adding_a_draft_changes_nothing(specs, candidate, cards, draft):
    assert evaluate(specs, REQUIREMENTS, candidate, [*cards, draft]) == evaluate(
        specs, REQUIREMENTS, candidate, cards
    )


evaluations = st.lists(
    st.tuples(
        st.sampled_from(
            [
                ("eligible", "hire"),
                ("eligible_with_risk", "no_hire"),
                ("pending", "consider"),
                ("eligible", "insufficient_data"),
                ("not_eligible", "not_eligible"),
            ]
        ),
        st.one_of(st.none(), st.sampled_from([0.0, 45.0, 60.0, 62.5, 75.0, 100.0])),
        st.sampled_from([0.0, 0.5, 0.8, 1.0]),
    ),
    max_size=12,
).map(
    lambda rows: [
        Evaluation(i, Screening(elig, (), ()), score, band, cov, "low", (), (), (), 1, elig == "pending")
        for i, ((elig, band), score, cov) in enumerate(rows, start=1)
    ]
)


@EXAMPLES
@given(evaluations, st.randoms(use_true_random=False))
def test_ranking_is_a_total_order_independent_of_input_order(items, rnd):
    ranked = rank(items)
    keys = [ranking_key(e) for e in ranked]
    assert all(a < b for a, b in zip(keys, keys[1:], strict=False))  # strictly increasing: no ties left
    shuffled = items[:]
    rnd.shuffle(shuffled)
    assert rank(shuffled) == ranked
    assert sorted(e.candidate_id for e in ranked) == [e.candidate_id for e in items]
