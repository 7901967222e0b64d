"""Server time and SQL query count of the main read paths as a vacancy grows (N = 100, 1,000, 10,000).

Usage: .venv/bin/python bench/scale.py [N ...]
Uses DATABASE_URL when set (its tables are dropped and made again!), else bench/out/bench.sqlite.
Prints, per N, the median time and the query count of: the vacancy dashboard (first page) and a candidate's
evaluation page, each as kept by the page cache and as rendered after a change (the cache off), the ranking API's first page and a page deep in the list (goal: ≤ 1.5 x from N=100 to
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

REPEAT = 25  # per route and size; the PDF (half a second a render) PDF_REPEAT
PDF_REPEAT = 5


class Timed:
    """One route's timings at one size, and its number of SQL statements."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.queries = 0


def time_once(engine, client, method: str, url: str, timed: Timed, **kwargs) -> None:
    """One request's wall time (server side, in-process) and its SQL statements, added to `timed`."""
    statements: list[str] = []
    me = threading.get_ident()

    def count(*args):
        if threading.get_ident() == me:  # not the in-process job sweeper's queries
            statements.append(args[2])

    if "pdf" in url:
        with engine.begin() as connection:
            connection.execute(sa.delete(RenderedDocument))
    event.listen(engine, "before_cursor_execute", count)
    start = time.perf_counter()
    response = client.open(url, method=method, **kwargs)
    elapsed = time.perf_counter() - start
    event.remove(engine, "before_cursor_execute", count)
    assert response.status_code == 200, (url, response.status_code, response.get_data(as_text=True)[:300])
    timed.times.append(elapsed)
    timed.queries = len(statements)


def main(sizes: list[int]) -> None:
    url = env_database_url()
    app = make_app(url)
    results: dict[str, dict[int, Timed]] = {}
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

    def paths(n: int) -> dict[str, tuple]:
        vacancy_id, middle = vacancies[n], middles[n]
        ranking = f"/api/v1/vacancies/{vacancy_id}/ranking"
        return {
            "dashboard (first page)": ("GET", f"/vacancies/{vacancy_id}/dashboard", client, {}),
            "dashboard, rendered": ("GET", f"/vacancies/{vacancy_id}/dashboard", client, {}),
            "evaluation page": ("GET", f"/candidates/{middle}/evaluation", client, {}),
            "evaluation, rendered": ("GET", f"/candidates/{middle}/evaluation", client, {}),
            "ranking API (page 1)": ("GET", ranking, api, {"headers": auth}),
            "ranking API (deep)": ("GET", f"{ranking}?after={deep[n]}", api, {"headers": auth}),
            "home page (lead)": ("GET", "/", client, {}),
            "home page (interviewer)": ("GET", "/", interviewer, {}),
            "evaluation PDF": ("GET", f"/candidates/{middle}/evaluation.pdf", client, {}),
        }

    # Sizes take turns, request by request, so that a machine busier in one phase does not skew the ratio.
    for name in paths(sizes[0]):
        # "rendered": the first view after a change (the page cache off); else the page as kept
        app.config["PAGE_CACHE_SIZE"] = 0 if name.endswith("rendered") else 256
        timings = results.setdefault(name, {n: Timed() for n in sizes})
        repeat = PDF_REPEAT if "PDF" in name else REPEAT
        for run in range(repeat + 1):
            for n in sizes:
                method, path, who, kwargs = paths(n)[name]
                time_once(engine, who, method, path, timings[n], **kwargs)
                if run == 0:  # the first run warms caches
                    timings[n].times.clear()
    small, large = min(sizes), max(sizes)
    print(
        f"\n{database_label(url)}, median of {REPEAT} runs ({PDF_REPEAT} for the PDF), server time in-process"
    )
    header = "".join(f"{'N=' + format(n, ','):>22}" for n in sizes)
    print(f"{'route':<24}{header}{'ratio ' + str(large) + '/' + str(small):>18}")
    for name, by_n in results.items():
        median = {n: statistics.median(by_n[n].times) for n in sizes}
        cells = "".join(f"{median[n] * 1000:>12.1f} ms {by_n[n].queries:>3} q" for n in sizes)
        print(f"{name:<24}{cells}{median[large] / median[small]:>17.2f}x")
    flat = all(len({by_n[n].queries for n in sizes}) == 1 for by_n in results.values())
    print(f"query counts flat across N: {'yes' if flat else 'NO'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
