"""`flask seed --demo` seeds a profile of 30 past hires whose outcomes follow NEG and REL (issue 22)."""

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Profile, User
from hiring.services.validity import validity_report


def test_demo_profile_of_past_hires_shows_values_on_first_run(runner):
    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    profile = db.session.scalar(
        sa.select(Profile).where(Profile.name_en == "Key account manager — past hires")
    )
    hr = db.session.scalar(sa.select(User).where(User.username == "hr"))
    report = validity_report(profile, hr)
    assert report.hires == 30
    twelve = {(row.predictor, row.outcome): row.correlation for row in report.rows if row.month == 12}
    assert all(c.r is not None for c in twelve.values())  # real values, not "not enough data"
    for outcome in ("retention_pct", "manager_rating"):
        assert twelve[("NEG", outcome)].ci95[0] > 0
    assert report.suggested["NEG"] > report.weights["NEG"] and sum(report.suggested.values()) == 100
