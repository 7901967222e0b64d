"""Screening rules of SPEC §3: each rule's result, its English detail, eligibility and flags."""

import pytest

from hiring.domain.screening import screen
from hiring.domain.values import CustomRule, EducationRule, ExperienceRule, LanguageRule

from .builders import make_candidate, make_card, make_requirements


def result(screening, rule):
    return next(r for r in screening.results if r.rule == rule)


# --- EXP: 3 years, or 1+ year with plan attainment >= 100% (pass with risk) ------------------------------


@pytest.mark.parametrize(
    ("years", "plan", "expected"),
    [
        (3.0, None, "pass"),  # exactly the minimum
        (2.9, 100.0, "pass_risk"),  # below 3 but >= 1 year and exactly 100% of plan
        (2.9, 99.0, "fail"),  # 99% misses the exception
        (2.9, None, "pending"),  # in the exception range, no plan figure: cannot be decided yet
        (1.0, 100.0, "pass_risk"),  # exactly exception_min_years
        (0.9, 150.0, "fail"),  # below exception_min_years whatever the plan
        (0.9, None, "fail"),  # below exception_min_years: no plan figure could help, so it is decided
        (None, 150.0, "pending"),  # years not entered: missing data is never a failure
    ],
)
def test_experience_boundaries(years, plan, expected):
    candidate = make_candidate(experience_years=years, plan_attainment_pct=plan)
    assert result(screen(make_requirements(), candidate), "EXP").result == expected


def test_three_years_written_as_float_noise_still_pass():
    # sum([0.1] * 30) == 2.9999999999999996 in binary; a person typed 3.
    candidate = make_candidate(experience_years=sum([0.1] * 30))
    assert result(screen(make_requirements(), candidate), "EXP").result == "pass"


def test_experience_exception_gives_risk_flag_and_eligibility():
    screening = screen(make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=120))
    assert screening.eligibility == "eligible_with_risk"
    assert screening.flags == ("experience_risk", "plan_unverified")
    assert result(screening, "EXP").detail == (
        "2 years, below 3, but 120% of plan (claimed, not verified yet): accepted with a risk"
    )


def test_experience_without_exception_path_fails_below_minimum():
    requirements = make_requirements(experience=ExperienceRule(3, None, None))
    screening = screen(requirements, make_candidate(experience_years=2.9, plan_attainment_pct=200))
    assert result(screening, "EXP").result == "fail"
    assert result(screening, "EXP").detail == "3+ years required; candidate has 2.9"


def test_optional_experience_flags_instead_of_failing():
    requirements = make_requirements(experience=ExperienceRule(3, 1, 100, mandatory=False))
    screening = screen(requirements, make_candidate(experience_years=0.5, plan_attainment_pct=100))
    assert result(screening, "EXP").result == "flag"
    assert screening.eligibility == "eligible"
    assert screening.flags == ("screening_flag:EXP",)


def test_experience_fail_explains_the_exception():
    screening = screen(make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=99))
    assert result(screening, "EXP").detail == (
        "3+ years required (or 1+ with 100% of plan); candidate has 2 with 99% of plan"
    )


def test_exception_fields_go_together():
    with pytest.raises(ValueError):
        ExperienceRule(3, 1, None)


# --- EDU -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("secondary", "fail"),
        ("vocational", "fail"),
        ("incomplete_higher", "fail"),
        ("bachelor", "pass"),
        ("specialist", "pass"),
        ("master", "pass"),
        ("phd", "pass"),
        (None, "pending"),
    ],
)
def test_education_order_against_bachelor(level, expected):
    screening = screen(make_requirements(), make_candidate(education_level=level))
    assert result(screening, "EDU").result == expected


def test_education_below_minimum_not_mandatory_is_a_flag():
    requirements = make_requirements(education=EducationRule("bachelor", False, ()))
    screening = screen(requirements, make_candidate(education_level="incomplete_higher"))
    assert result(screening, "EDU").result == "flag"
    assert screening.eligibility == "eligible"
    assert screening.flags == ("screening_flag:EDU",)


def test_education_below_minimum_mandatory_is_not_eligible():
    screening = screen(
        make_requirements(), make_candidate(education_level="vocational", education_field="law")
    )
    assert screening.eligibility == "not_eligible"
    assert screening.flags == ()
    assert result(screening, "EDU").detail == "bachelor or higher required; candidate has vocational"


@pytest.mark.parametrize(
    ("field", "preferred"),
    [
        ("economics", "economics"),
        ("Economics", "economics"),
        ("Business Administration", "business"),
        ("management and marketing", "management"),
        ("biology", None),
        ("econometrics", None),  # a whole word, not a prefix
        (None, None),
    ],
)
def test_preferred_field_is_mentioned_and_gives_no_points(field, preferred):
    screening = screen(make_requirements(), make_candidate(education_level="master", education_field=field))
    edu = result(screening, "EDU")
    assert edu.result == "pass"
    assert edu.params["preferred_field"] == preferred
    if preferred:
        assert (
            edu.detail == f"bachelor or higher required; candidate has master (preferred field: {preferred})"
        )
    else:
        assert edu.detail == "bachelor or higher required; candidate has master"


# --- LANG: effective level = lowest verified in a submitted scorecard, else claimed --------------------

GERMAN_B2 = (LanguageRule("de", "B2", True),)


@pytest.mark.parametrize(
    ("claimed", "expected"),
    [("A1", "fail"), ("B1", "fail"), ("B2", "pass"), ("C1", "pass"), ("C2", "pass"), ("native", "pass")],
)
def test_claimed_language_level_against_b2(claimed, expected):
    screening = screen(make_requirements(GERMAN_B2), make_candidate(languages={"de": claimed}))
    assert result(screening, "LANG:de").result == expected


def test_native_counts_above_c2():
    rule = (LanguageRule("en", "C2", True),)
    screening = screen(make_requirements(rule), make_candidate(languages={"en": "native"}))
    assert result(screening, "LANG:en").result == "pass"


def test_verified_level_lower_than_claimed_decides():
    cards = [make_card(1, 4, verified={"de": "B1"})]
    screening = screen(make_requirements(GERMAN_B2), make_candidate(languages={"de": "C1"}), cards)
    lang = result(screening, "LANG:de")
    assert lang.result == "fail"
    assert lang.detail == "de B2 required; verified B1 (claimed C1)"
    assert screening.eligibility == "not_eligible"


def test_lowest_of_several_verified_levels_counts():
    cards = [make_card(1, 4, verified={"de": "C1"}), make_card(2, 4, verified={"de": "B1"})]
    screening = screen(make_requirements(GERMAN_B2), make_candidate(languages={"de": "C2"}), cards)
    assert result(screening, "LANG:de").params["level"] == "B1"


def test_verified_level_higher_than_claimed_counts():
    cards = [make_card(1, 4, verified={"de": "B2"})]
    screening = screen(make_requirements(GERMAN_B2), make_candidate(languages={"de": "B1"}), cards)
    assert result(screening, "LANG:de").result == "pass"


def test_verification_in_a_draft_is_ignored():
    cards = [make_card(1, 4, submitted=False, verified={"de": "A2"})]
    screening = screen(make_requirements(GERMAN_B2), make_candidate(languages={"de": "C1"}), cards)
    lang = result(screening, "LANG:de")
    assert lang.result == "pass"
    assert lang.detail == "de B2 required; claimed C1, not verified"


def test_language_not_stated_fails_and_case_does_not_matter():
    rules = (LanguageRule("DE", "b2", True), LanguageRule("fr", "A2", True))
    screening = screen(make_requirements(rules), make_candidate(languages={"De": "c1"}))
    assert [(r.rule, r.result) for r in screening.results[2:]] == [("LANG:de", "pass"), ("LANG:fr", "fail")]
    assert result(screening, "LANG:fr").detail == "fr A2 required; level not stated"


def test_optional_language_below_minimum_is_a_flag():
    rules = (LanguageRule("de", "B2", False),)
    screening = screen(make_requirements(rules), make_candidate(languages={"de": "A2"}))
    assert result(screening, "LANG:de").result == "flag"
    assert screening.flags == ("screening_flag:LANG:de",)
    assert screening.eligibility == "eligible"


def test_language_rule_needs_an_iso_code():
    with pytest.raises(ValueError):
        LanguageRule("german", "B2", True)


# --- custom checks (index is 0-based, as in the API's answers) ------------------------------------------

TRAVEL = CustomRule(0, "Ready to travel 50% of the time", True)
LICENCE = CustomRule(1, "Driving licence", False)


@pytest.mark.parametrize(
    ("rule", "answers", "expected", "flags"),
    [
        (TRAVEL, {}, "pending", ("screening_pending",)),
        (TRAVEL, {0: True}, "pass", ()),
        (TRAVEL, {0: False}, "fail", ()),
        (LICENCE, {1: True}, "pass", ()),
        (LICENCE, {1: False}, "flag", ("screening_flag:CUSTOM:1",)),
        # optional and unanswered: not known yet, never shown as a "no"
        (LICENCE, {}, "unknown", ("screening_unknown:CUSTOM:1",)),
    ],
)
def test_custom_checks(rule, answers, expected, flags):
    screening = screen(make_requirements(custom=(rule,)), make_candidate(check_answers=answers))
    assert result(screening, f"CUSTOM:{rule.index}").result == expected
    assert screening.flags == flags


def test_custom_details():
    screening = screen(make_requirements(custom=(TRAVEL, LICENCE)), make_candidate(check_answers={1: False}))
    assert [r.detail for r in screening.results[2:]] == [
        "Ready to travel 50% of the time: not answered yet",
        "Driving licence: no",
    ]


# --- eligibility and flags across rules -----------------------------------------------------------------


def test_results_come_in_rule_order():
    requirements = make_requirements(GERMAN_B2 + (LanguageRule("en", "B1", True),), (TRAVEL, LICENCE))
    screening = screen(requirements, make_candidate(languages={"de": "B2", "en": "C1"}))
    assert [r.rule for r in screening.results] == ["EDU", "EXP", "LANG:de", "LANG:en", "CUSTOM:0", "CUSTOM:1"]


def test_fail_beats_pending_beats_risk():
    requirements = make_requirements(custom=(TRAVEL,))
    risky = make_candidate(experience_years=2, plan_attainment_pct=100)
    assert screen(requirements, risky).eligibility == "pending"
    assert screen(requirements, risky).flags == ("experience_risk", "plan_unverified", "screening_pending")
    failing = make_candidate(experience_years=2, plan_attainment_pct=100, education_level="secondary")
    assert screen(requirements, failing).eligibility == "not_eligible"


def test_screening_pending_appears_once():
    requirements = make_requirements(custom=(TRAVEL, CustomRule(2, "Knows 1C", True)))
    assert screen(requirements, make_candidate()).flags == ("screening_pending",)


def test_a_candidate_meeting_every_rule_is_eligible():
    screening = screen(make_requirements(), make_candidate())
    assert screening.eligibility == "eligible"
    assert screening.flags == ()
    assert [r.result for r in screening.results] == ["pass", "pass"]


def test_a_rule_set_to_none_is_not_checked():
    requirements = make_requirements()
    requirements = type(requirements)(None, None)
    screening = screen(requirements, make_candidate(education_level=None, experience_years=None))
    assert screening.results == ()
    assert screening.eligibility == "eligible"


# --- missing data: pending (mandatory) or unknown (optional), never a failure (SPEC §3) ---------------------


@pytest.mark.parametrize(
    ("changes", "rule", "missing"),
    [
        ({"education_level": None}, "EDU", "education_level"),
        ({"experience_years": None}, "EXP", "experience_years"),
        ({"experience_years": 2, "plan_attainment_pct": None}, "EXP", "plan_attainment_pct"),
    ],
)
def test_missing_input_is_pending_when_mandatory_and_unknown_when_optional(changes, rule, missing):
    mandatory = screen(make_requirements(), make_candidate(**changes))
    assert result(mandatory, rule).result == "pending"
    assert result(mandatory, rule).params["missing"] == missing
    assert mandatory.eligibility == "pending"
    assert mandatory.flags == ("screening_pending",)

    optional = make_requirements(
        education=EducationRule("bachelor", False, ()), experience=ExperienceRule(3, 1, 100, mandatory=False)
    )
    screening = screen(optional, make_candidate(**changes))
    assert result(screening, rule).result == "unknown"
    assert result(screening, rule).params["missing"] == missing
    assert screening.eligibility == "eligible"
    assert screening.flags == (f"screening_unknown:{rule}",)


def test_missing_input_present_decides_again():
    # The same candidates with the data entered: the rule is decided (present vs missing).
    assert (
        result(screen(make_requirements(), make_candidate(education_level="bachelor")), "EDU").result
        == "pass"
    )
    assert result(screen(make_requirements(), make_candidate(experience_years=3)), "EXP").result == "pass"
    entered = make_candidate(experience_years=2, plan_attainment_pct=99)
    assert result(screen(make_requirements(), entered), "EXP").result == "fail"


def test_details_name_what_is_missing():
    screening = screen(make_requirements(), make_candidate(education_level=None, experience_years=None))
    assert (
        result(screening, "EDU").detail
        == "bachelor or higher required; the education level is not entered yet"
    )
    assert result(screening, "EXP").detail == "3+ years required; the years of experience are not entered yet"
    no_plan = screen(make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=None))
    assert result(no_plan, "EXP").detail == (
        "3+ years required (or 1+ with 100% of plan); candidate has 2, the sales plan attainment is not entered yet"
    )


def test_missing_data_beside_a_failure_is_not_eligible():
    candidate = make_candidate(education_level="secondary", experience_years=None)
    assert screen(make_requirements(), candidate).eligibility == "not_eligible"


def test_unknown_does_not_change_eligibility():
    requirements = make_requirements(custom=(LICENCE,))
    assert screen(requirements, make_candidate()).eligibility == "eligible"
    risky = make_candidate(experience_years=2, plan_attainment_pct=100)
    assert screen(requirements, risky).eligibility == "eligible_with_risk"


def test_a_language_not_listed_is_data_not_missing():
    screening = screen(make_requirements(GERMAN_B2), make_candidate(languages={}))
    assert result(screening, "LANG:de").result == "fail"


# --- verified plan attainment: the lowest verified figure, else the claim ---------------------------------


def test_verified_plan_lower_than_claimed_decides():
    cards = [make_card(1, 4, plan=95)]
    screening = screen(
        make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=120), cards
    )
    exp = result(screening, "EXP")
    assert exp.result == "fail"
    assert exp.detail == (
        "3+ years required (or 1+ with 100% of plan); candidate has 2 with 95% of plan verified in the interview"
        " (claimed 120%)"
    )
    assert screening.eligibility == "not_eligible"


def test_verified_plan_higher_than_claimed_passes_with_risk_and_no_unverified_flag():
    cards = [make_card(1, 4, plan=110)]
    screening = screen(make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=90), cards)
    exp = result(screening, "EXP")
    assert exp.result == "pass_risk"
    assert exp.params["plan_verified"] is True
    assert screening.flags == ("experience_risk",)
    assert (
        exp.detail == "2 years, below 3, but 110% of plan (verified in the interview): accepted with a risk"
    )


def test_verified_plan_fills_a_missing_claim():
    cards = [make_card(1, 4, plan=100)]
    screening = screen(
        make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=None), cards
    )
    assert result(screening, "EXP").result == "pass_risk"
    assert screening.eligibility == "eligible_with_risk"


def test_lowest_verified_plan_counts_and_drafts_do_not():
    cards = [make_card(1, 4, plan=130), make_card(2, 4, plan=99), make_card(3, 4, submitted=False, plan=10)]
    screening = screen(
        make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=150), cards
    )
    assert result(screening, "EXP").params["plan_pct"] == 99
    assert result(screening, "EXP").result == "fail"


def test_plan_unverified_only_when_the_claim_alone_carries_a_pass_risk():
    claim_only = screen(make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=100))
    assert "plan_unverified" in claim_only.flags
    # a draft's figure verifies nothing
    draft = [make_card(1, 4, submitted=False, plan=100)]
    in_draft = screen(make_requirements(), make_candidate(experience_years=2, plan_attainment_pct=100), draft)
    assert "plan_unverified" in in_draft.flags
    # enough years: no pass_risk, no flag, whatever the plan
    assert "plan_unverified" not in screen(make_requirements(), make_candidate(experience_years=4)).flags


# --- language disagreement: verified levels of one language 2+ CEFR steps apart ---------------------------


@pytest.mark.parametrize(
    ("levels", "flagged"),
    [
        (("B1", "B2"), False),  # one step
        (("B1", "C1"), True),  # two steps
        (("A2", "C2"), True),
        (("C1", "native"), True),  # native counts one step above C2
        (("C2", "native"), False),
        (("B2", "B2"), False),
    ],
)
def test_language_disagreement_from_two_steps(levels, flagged):
    cards = [make_card(i + 1, 4, verified={"de": level}) for i, level in enumerate(levels)]
    screening = screen(make_requirements(GERMAN_B2), make_candidate(languages={"de": "C1"}), cards)
    assert ("language_disagreement:de" in screening.flags) is flagged


def test_language_disagreement_ignores_drafts_and_comes_after_the_rule_flags():
    cards = [
        make_card(1, 4, verified={"de": "C1", "en": "A2"}),
        make_card(2, 4, verified={"de": "A2", "en": "B2"}),
        make_card(3, 4, submitted=False, verified={"en": "C2"}),
    ]
    requirements = make_requirements(GERMAN_B2 + (LanguageRule("en", "B1", False),), (LICENCE,))
    screening = screen(requirements, make_candidate(languages={"de": "C1", "en": "C1"}), cards)
    assert screening.flags == (
        "screening_flag:LANG:en",
        "screening_unknown:CUSTOM:1",
        "language_disagreement:de",
        "language_disagreement:en",
    )
