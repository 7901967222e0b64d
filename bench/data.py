"""Fill a database with a vacancy of N candidates, 3 submitted scorecards each (bulk inserts).

Usage: .venv/bin/python bench/data.py [N ...]        (default 100 1000 10000)
The database is DATABASE_URL when set (its tables are dropped and made again!), else bench/out/bench.sqlite.
"""

import sys
import time

from common import database_label, env_database_url, fill, make_app

from hiring.extensions import db


def main(sizes: list[int]) -> None:
    url = env_database_url()
    app = make_app(url)
    print(f"Filling {database_label(url)} with vacancies of {', '.join(map(str, sizes))} candidates")
    with app.app_context():
        for n in sizes:
            start = time.perf_counter()
            vacancy_id = fill(n)
            print(f"vacancy {vacancy_id}: N={n:,} in {time.perf_counter() - start:.1f} s")
        db.session.remove()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
