"""The calibration page: interviewers' offsets from their panels and the vacancy's ICC(2,k)."""

import re

from hiring.extensions import db

from .helpers import counted_queries


def panel(build, vacancy, raters, ratings_per_candidate):
    """One candidate per tuple of NEG ratings, rated by the raters in order (None: that rater skips it)."""
    for ratings in ratings_per_candidate:
        candidate = build.candidate(vacancy)
        for rater, value in zip(raters, ratings, strict=True):
            if value is not None:
                build.scorecard(candidate, rater, ratings={"NEG": value})


def test_icc_of_a_worked_example(client, login, build):
    # NEG ratings of 3 candidates by A and B: [1, 2], [3, 3], [5, 4] (the hand example of
    # tests/domain/test_calibration.py): grand mean 3, BMS = 9/2 = 4.5, JMS = 0, EMS = 1/2,
    # ICC(2,k) = (4.5 - 0.5) / (4.5 + (0 - 0.5) / 3) = 12/13 = 0.92, "excellent" (>= 0.9).
    # Offsets: A is -0.5, 0, +0.5 from the panel means 1.5, 3, 4.5 -> 0, neutral; B likewise.
    login("lead")
    vacancy = build.vacancy()
    a = build.user("interviewer", full_name="Anna Rater")
    b = build.user("interviewer", full_name="Boris Rater")
    panel(build, vacancy, [a, b], [(1, 2), (3, 3), (5, 4)])
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    assert re.search(r'<span class="big-number">0[.,]92</span>', html)
    assert "Excellent agreement" in html
    assert "ICC(2,k) over 3 candidates rated by panels of 2 interviewers." in html
    assert "Anna Rater" in html and "Boris Rater" in html
    assert html.count("Neutral") == 2


def test_lenient_and_severe_interviewers(client, login, build):
    # NEG: Lena 5 / Sergei 3 (mean 4: +1 / -1) and Lena 4 / Sergei 2 (mean 3: +1 / -1); Olga alone.
    login("hr")
    vacancy = build.vacancy()
    lena = build.user("interviewer", full_name="Lena Lenient")
    sergei = build.user("interviewer", full_name="Sergei Severe")
    olga = build.user("interviewer", full_name="Olga Alone")
    panel(build, vacancy, [lena, sergei, olga], [(5, 3, None), (4, 2, None), (None, None, 3)])
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    rows = dict(re.findall(r'<tr data-interviewer-id="\d+">\s*<td>([^<]+)</td>(.*?)</tr>', html, flags=re.S))
    assert "+1" in rows["Lena Lenient"] and "Lenient" in rows["Lena Lenient"]
    assert "-1" in rows["Sergei Severe"] and "Severe" in rows["Sergei Severe"]
    assert "Not enough data" in rows["Olga Alone"]
    # only 2 candidates have a panel of 2 or more
    assert "not enough data" in html
    assert "this vacancy has 2" in html


def test_empty_vacancy(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    assert "No submitted scorecards for this vacancy yet." in html
    assert "not enough data" in html
    assert client.get("/vacancies/99999/calibration").status_code == 404


def test_drafts_do_not_count(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    build.scorecard(candidate, build.user("interviewer", full_name="Only Draft"), submitted=False)
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    assert "Only Draft" not in html


def test_query_count_does_not_grow_with_candidates(client, login, build):
    login("lead")
    raters = [build.user("interviewer") for _ in range(3)]
    small, large = build.vacancy(), build.vacancy()
    panel(build, small, raters, [(3, 4, 2)] * 2)
    panel(build, large, raters, [(3, 4, 2), (5, 4, None), (2, None, 3)] * 2)

    def count(vacancy):
        db.session.expire_all()
        with counted_queries() as statements:
            assert client.get(f"/vacancies/{vacancy.id}/calibration").status_code == 200
        return len(statements)

    assert count(small) == count(large)
