"""Server time and SQL query count of the main read paths as a vacancy grows (N = 100, 1,000, 10,000).

Usage: .venv/bin/python bench/scale.py [N ...]
Uses DATABASE_URL when set (its tables are dropped and made again!), else bench/out/bench.sqlite.
Prints, per N, the median time and the query count of: the vacancy dashboard (first page), a candidate's
evaluation page, the ranking API's first page and a page deep in the list (goal: ≤ 1.5 x from N=100 to
10,000), the lead's and an interviewer's home page, and the evaluation PDF (rendered each time: the document cache is emptied);
then the ratio of time at the largest N to time at the smallest N.
"""

import statistics
import sys
import threading
import time

import sqlalchemy as sa
from common import PASSWORD, database_label, env_database_url, fill, make_app
from sqlalchemy import event

from hiring.api.pagination import encode_cursor
from hiring.extensions import db
from hiring.models import Candidate, RenderedDocument
from hiring.services.ranking import ranking_page

REPEAT = 7


def measure(engine, client, method: str, url: str, **kwargs) -> tuple[float, int]:
    """Median wall time of the request (server side, in-process) and its number of SQL statements."""
    statements: list[str] = []
    me = threading.get_ident()

    def count(*args):
        if threading.get_ident() == me:  # not the in-process job sweeper's queries
            statements.append(args[2])

    times = []
    for run in range(REPEAT + 1):
        if "pdf" in url:
            with engine.begin() as connection:
                connection.execute(sa.delete(RenderedDocument))
        statements.clear()
        event.listen(engine, "before_cursor_execute", count)
        start = time.perf_counter()
        response = client.open(url, method=method, **kwargs)
        elapsed = time.perf_counter() - start
        event.remove(engine, "before_cursor_execute", count)
        assert response.status_code == 200, (url, response.status_code, response.get_data(as_text=True)[:300])
        if run:  # the first run warms caches
            times.append(elapsed)
    return statistics.median(times), len(statements)


def main(sizes: list[int]) -> None:
    url = env_database_url()
    app = make_app(url)
    results: dict[str, dict[int, tuple[float, int]]] = {}
    with app.app_context():
        vacancies = {n: fill(n) for n in sizes}
        middles = {
            n: db.session.scalar(
                sa.select(Candidate.id).where(Candidate.vacancy_id == v).order_by(Candidate.id).offset(n // 2)
            )
            for n, v in vacancies.items()
        }
        # A cursor deep in the list: the page after the first n - 100 entries (the middle for N=100).
        deep = {
            n: encode_cursor(ranking_page(v, None, max(n - 100, n // 2)).next_key)
            for n, v in vacancies.items()
        }
        engine = db.engine
        db.session.remove()
    # Requests run outside any app context of ours, as in production: each gets its own `g`.
    client = app.test_client()
    client.post("/login", data={"username": "lead", "password": PASSWORD})
    interviewer = app.test_client()  # assigned to about half the candidates of every vacancy
    interviewer.post("/login", data={"username": "interviewer1", "password": PASSWORD})
    api = app.test_client()
    token = api.post("/api/v1/tokens", json={"username": "lead", "password": PASSWORD}).get_json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    for n, vacancy_id in vacancies.items():
        middle = middles[n]
        paths = {
            "dashboard (first page)": ("GET", f"/vacancies/{vacancy_id}/dashboard", client, {}),
            "evaluation page": ("GET", f"/candidates/{middle}/evaluation", client, {}),
            "ranking API (page 1)": (
                "GET",
                f"/api/v1/vacancies/{vacancy_id}/ranking",
                api,
                {"headers": auth},
            ),
            "ranking API (deep)": (
                "GET",
                f"/api/v1/vacancies/{vacancy_id}/ranking?after={deep[n]}",
                api,
                {"headers": auth},
            ),
            "home page (lead)": ("GET", "/", client, {}),
            "home page (interviewer)": ("GET", "/", interviewer, {}),
            "evaluation PDF": ("GET", f"/candidates/{middle}/evaluation.pdf", client, {}),
        }
        for name, (method, path, who, kwargs) in paths.items():
            results.setdefault(name, {})[n] = measure(engine, who, method, path, **kwargs)
    small, large = min(sizes), max(sizes)
    print(f"\n{database_label(url)}, median of {REPEAT} runs, server time in-process")
    header = "".join(f"{'N=' + format(n, ','):>22}" for n in sizes)
    print(f"{'route':<24}{header}{'ratio ' + str(large) + '/' + str(small):>18}")
    for name, by_n in results.items():
        cells = "".join(f"{by_n[n][0] * 1000:>12.1f} ms {by_n[n][1]:>3} q" for n in sizes)
        print(f"{name:<24}{cells}{by_n[large][0] / by_n[small][0]:>17.2f}x")
    flat = all(len({by_n[n][1] for n in sizes}) == 1 for by_n in results.values())
    print(f"query counts flat across N: {'yes' if flat else 'NO'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
