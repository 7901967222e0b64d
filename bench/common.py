"""Shared set-up for the benchmarks: an app on a chosen database, filled fast with bulk inserts."""

import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hiring import create_app  # noqa: E402
from hiring.domain.levels import RECOMMENDATIONS  # noqa: E402
from hiring.extensions import db  # noqa: E402
from hiring.models import (  # noqa: E402
    Assignment,
    Candidate,
    CandidateLanguage,
    LanguageRequirement,  # noqa: E402
    Rating,
    Scorecard,
    User,
    Vacancy,
)
from hiring.seed import ensure_user, seed_default_profile, vacancy_from_profile  # noqa: E402
from hiring.services.evaluations import BULK_CALLER_REFRESHES, refresh_stored_evaluations  # noqa: E402

LEVELS = ("bachelor", "specialist", "master", "incomplete_higher")
PASSWORD = "bench-password"


def make_app(database_url: str | None):
    """An app on `database_url` (default: a fresh SQLite file under bench/out) with an empty schema."""
    if not database_url:
        out = ROOT / "bench" / "out"
        out.mkdir(parents=True, exist_ok=True)
        path = out / "bench.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        database_url = f"sqlite:///{path}"
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False}
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
    return app


def fill(n_candidates: int, seed: int = 7) -> int:
    """A vacancy of `n_candidates`, each with 3 submitted scorecards; returns the vacancy id (app context needed)."""
    rng = random.Random(seed)
    profile, _ = seed_default_profile()
    users = [
        ensure_user(f"interviewer{i}", "interviewer", f"Interviewer {i}", PASSWORD)[0] for i in range(1, 7)
    ]
    for username, role in (("admin", "admin"), ("hr", "hr"), ("lead", "lead")):
        ensure_user(username, role, username.title(), PASSWORD)
    vacancy = vacancy_from_profile(profile, "ru", title=f"KAM bench {n_candidates}", company="Bench LLC")
    vacancy.language_requirements.append(LanguageRequirement(position=0, language="en", min_level="B2"))
    db.session.add(vacancy)
    db.session.commit()
    codes = [c.code for c in profile.competencies]
    interviewer_ids = [u.id for u in users]
    now = datetime.now(UTC)
    start = time.perf_counter()
    first_id = (db.session.scalar(sa.select(sa.func.max(Candidate.id))) or 0) + 1
    candidates, languages, assignments, scorecards, ratings = [], [], [], [], []
    card_id = (db.session.scalar(sa.select(sa.func.max(Scorecard.id))) or 0) + 1
    for offset in range(n_candidates):
        candidate_id = first_id + offset
        candidates.append(
            {
                "id": candidate_id,
                "vacancy_id": vacancy.id,
                "full_name": f"Кандидат {candidate_id}",
                "email": f"c{candidate_id}@bench.example",
                "education_level": rng.choice(LEVELS),
                "education_field": "economics",
                "experience_years": round(rng.uniform(0.5, 12), 1),
                "plan_attainment_pct": round(rng.uniform(70, 140), 0),
                "notes": "",
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
        languages.append(
            {"candidate_id": candidate_id, "language": "en", "level": rng.choice(("B1", "B2", "C1"))}
        )
        base = rng.uniform(1.5, 4.8)
        for interviewer_id in rng.sample(interviewer_ids, 3):
            assignments.append(
                {"candidate_id": candidate_id, "interviewer_id": interviewer_id, "assigned_at": now}
            )
            scorecards.append(
                {
                    "id": card_id,
                    "candidate_id": candidate_id,
                    "interviewer_id": interviewer_id,
                    "status": "submitted",
                    "recommendation": rng.choice(RECOMMENDATIONS),
                    "submitted_at": now,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
            for code in codes:
                value = min(5, max(1, round(base + rng.uniform(-1.2, 1.2))))
                ratings.append({"scorecard_id": card_id, "competency_code": code, "value": value, "note": ""})
            card_id += 1
    for model, rows in (
        (Candidate, candidates),
        (CandidateLanguage, languages),
        (Assignment, assignments),
        (Scorecard, scorecards),
        (Rating, ratings),
    ):
        for chunk in range(0, len(rows), 5000):
            db.session.execute(
                sa.insert(model), rows[chunk : chunk + 5000], execution_options=BULK_CALLER_REFRESHES
            )
    db.session.commit()
    if db.engine.dialect.name == "postgresql":  # explicit ids were inserted: move the sequences past them
        for table in ("candidate", "scorecard"):
            db.session.execute(
                sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
            )
    inserted = time.perf_counter() - start
    refresh_stored_evaluations(vacancy.id)
    db.session.commit()
    # A database in use has its planner statistics (autovacuum gathers them within a minute of a bulk load):
    # without them PostgreSQL guessed 54 rows for a vacancy of 10,000 and sorted the whole vacancy for a
    # ranking page instead of reading the ranking index.
    with db.engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(sa.text("ANALYZE"))
    print(
        f"  filled N={n_candidates}: {len(ratings):,} ratings inserted in {inserted:.1f} s, "
        f"evaluations stored in {time.perf_counter() - start - inserted:.1f} s",
        flush=True,
    )
    return vacancy.id


def database_label(url: str | None) -> str:
    return "PostgreSQL" if url and url.startswith("postgres") else "SQLite"


def env_database_url() -> str | None:
    return os.environ.get("DATABASE_URL")


__all__ = ["User", "Vacancy", "database_label", "env_database_url", "fill", "make_app"]
