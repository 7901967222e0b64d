"""The profile API gives each interview question with its follow-up probes (checked against the OpenAPI document)."""

from hiring import seed_profile
from tests.api.conftest import make_user


def test_a_profile_lists_each_question_with_its_probes(api, build):
    profile = build.profile()
    make_user("hr", "olga")
    body = api.get(f"/profiles/{profile.id}", "olga").get_json()
    neg = next(c for c in body["competencies"] if c["code"] == "NEG")
    seeded = seed_profile.COMPETENCIES[0]["questions"][0]
    assert neg["questions"][0] == {"ru": seeded["ru"], "en": seeded["en"], "probes": seeded["probes"]}
    assert all(1 <= len(q["probes"]) <= 2 for c in body["competencies"] for q in c["questions"])
