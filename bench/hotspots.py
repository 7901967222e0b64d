"""Where a request's time goes: cProfile over repeated requests of one route, in-process, on bench data.

Usage: .venv/bin/python bench/hotspots.py [ROUTE ...] [--n N] [--runs R] [--top K] [--sort tottime|cumulative]
ROUTE is one of: hello (a bare Flask app, the yardstick of bench/load.sh), healthz, signed-in (a signed-in
request that does nothing: the floor of every page), login, dashboard, evaluation, pdf, 304, home, ranking (default: all).
Uses DATABASE_URL when set (its tables are dropped and made again!), else bench/out/bench.sqlite. Prints, per
route, the median time of a request and the K functions that cost the most over R profiled requests.
"""

import argparse
import cProfile
import io
import pstats
import statistics
import time

import sqlalchemy as sa
from common import PASSWORD, env_database_url, fill, make_app
from flask import Flask
from flask_login import login_required

from hiring.extensions import db
from hiring.models import Candidate

ROUTES = (
    "hello",
    "healthz",
    "signed-in",
    "login",
    "dashboard",
    "evaluation",
    "pdf",
    "304",
    "home",
    "ranking",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("routes", nargs="*", default=list(ROUTES))
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime")
    args = parser.parse_args()
    app = make_app(env_database_url())
    # The floor of every page and download: a signed-in request that does nothing else (session cookie, user
    # loaded and checked, the app's hooks and headers). Registered on this bench app only.
    app.add_url_rule("/_bench/signed-in", "bench_signed_in", login_required(lambda: "ok"))
    with app.app_context():
        vacancy_id = fill(args.n)
        middle = db.session.scalar(
            sa.select(Candidate.id)
            .where(Candidate.vacancy_id == vacancy_id)
            .order_by(Candidate.id)
            .offset(args.n // 2)
        )
        db.session.remove()
    client = app.test_client()
    assert client.post("/login", data={"username": "lead", "password": PASSWORD}).status_code == 302
    api = app.test_client()
    token = api.post("/api/v1/tokens", json={"username": "lead", "password": PASSWORD}).get_json()["token"]
    pdf = f"/candidates/{middle}/evaluation.pdf"
    etag = client.get(pdf).headers["ETag"]
    anonymous = app.test_client()
    hello = Flask("hello")
    hello.get("/")(lambda: "hello")
    requests = {
        "hello": (hello.test_client(), "/", {}),
        "healthz": (anonymous, "/healthz", {}),
        "signed-in": (client, "/_bench/signed-in", {}),
        "login": (anonymous, "/login", {}),
        "dashboard": (client, f"/vacancies/{vacancy_id}/dashboard", {}),
        "evaluation": (client, f"/candidates/{middle}/evaluation", {}),
        "pdf": (client, pdf, {}),
        "304": (client, pdf, {"If-None-Match": etag}),
        "home": (client, "/", {}),
        "ranking": (api, f"/api/v1/vacancies/{vacancy_id}/ranking", {"Authorization": f"Bearer {token}"}),
    }
    # Bare Flask first: each route's CPU time is also printed as a ratio to it, in-process (no HTTP server).
    hello_cpu = 0.0
    for name in sorted(args.routes, key=lambda route: route != "hello"):
        who, url, headers = requests[name]
        expected = 304 if name == "304" else 200

        def one(who=who, url=url, headers=headers, expected=expected) -> None:
            response = who.get(url, headers=headers)
            assert response.status_code == expected, (url, response.status_code)

        one()
        times, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.thread_time()
            one()
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.runs):
            one()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
        cpu_ms = statistics.median(cpu) * 1e3
        hello_cpu = hello_cpu or cpu_ms
        print(
            f"=== {name} {url}: median {statistics.median(times) * 1e3:.2f} ms "
            f"(CPU {cpu_ms:.3f} ms, {hello_cpu / cpu_ms:.3f} of bare Flask's) over {args.runs} requests"
        )
        print("\n".join(out.getvalue().splitlines()[4:]))


if __name__ == "__main__":
    main()
