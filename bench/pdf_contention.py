"""Does a PDF being rendered delay a cached download served by the same process?

Usage: .venv/bin/python bench/pdf_contention.py [seconds]     (default 10; SQLite under bench/out)
One process, as a gunicorn worker with threads would be: one thread downloads an evaluation PDF that is cached,
again and again, and records each download's time; first alone, then while two other threads keep rendering
the evaluations of other candidates (their cache emptied before each). Prints p50/p99/max of the cached
downloads in both phases and the number of renders done; goal: p99 with renders running <= 2 x p99 alone.
"""

import statistics
import sys
import threading
import time

import sqlalchemy as sa
from common import PASSWORD, fill, make_app

from hiring.extensions import db
from hiring.models import Candidate, RenderedDocument


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(seconds: float) -> None:
    app = make_app(None)
    with app.app_context():
        vacancy_id = fill(100)
        ids = list(
            db.session.scalars(sa.select(Candidate.id).where(Candidate.vacancy_id == vacancy_id).limit(10))
        )
        db.session.remove()

    def logged_in():
        client = app.test_client()
        assert client.post("/login", data={"username": "lead", "password": PASSWORD}).status_code == 302
        return client

    cached_url = f"/candidates/{ids[0]}/evaluation.pdf"
    reader = logged_in()
    assert reader.get(cached_url).status_code == 200  # rendered once: cached from now on

    def downloads(stop: threading.Event) -> list[float]:
        times = []
        while not stop.is_set():
            start = time.perf_counter()
            response = reader.get(cached_url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200
        return times

    def renders(stop: threading.Event, done: list[int], subjects: list[int]) -> None:
        client = logged_in()
        while not stop.is_set():
            for candidate_id in subjects:
                with app.app_context(), db.engine.begin() as connection:  # a context per thread
                    connection.execute(
                        sa.delete(RenderedDocument.__table__).where(
                            RenderedDocument.kind == f"evaluation:{candidate_id}"
                        )
                    )
                assert client.get(f"/candidates/{candidate_id}/evaluation.pdf").status_code == 200
                done.append(candidate_id)
                if stop.is_set():
                    return

    def run(with_renders: bool) -> tuple[list[float], int]:
        stop = threading.Event()
        done: list[int] = []
        threads = (
            [
                threading.Thread(target=renders, args=(stop, done, ids[1:5])),
                threading.Thread(target=renders, args=(stop, done, ids[5:9])),
            ]
            if with_renders
            else []
        )
        for thread in threads:
            thread.start()
        if with_renders:
            while not done:  # the first render has passed its warm-up
                time.sleep(0.05)
        result: list[float] = []
        timer = threading.Timer(seconds, stop.set)
        timer.start()
        result = downloads(stop)
        for thread in threads:
            thread.join()
        return result, len(done)

    alone, _ = run(False)
    busy, rendered = run(True)
    print(f"cached evaluation PDF, one process, {seconds:.0f} s per phase")
    for name, times in (("alone", alone), (f"while {rendered} renders ran", busy)):
        print(
            f"  {name:<24} n={len(times):>6}  p50 {statistics.median(times) * 1e3:7.2f} ms"
            f"  p99 {percentile(times, 0.99) * 1e3:7.2f} ms  max {max(times) * 1e3:7.2f} ms"
        )
    ratio = percentile(busy, 0.99) / percentile(alone, 0.99)
    print(f"p99 while rendering / p99 alone = {ratio:.2f} (goal <= 2): {'met' if ratio <= 2 else 'NOT met'}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10)
