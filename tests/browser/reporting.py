"""Where the browser tests leave things for a person, and the end-of-run lines that say so.

The summary hook is imported by tests/conftest.py: under xdist only the controller prints, and it does not load
this folder's conftest.
"""

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
STARTED = time.time()  # this process's start, near enough: the module is imported while collecting


def server_log() -> Path:
    """One log per test process (xdist workers each run a server)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return ARTIFACTS / (f"e2e-server-{worker}.log" if worker else "e2e-server.log")


def modified(path: Path) -> float:
    """The file's mtime; 0 when another worker has just removed it."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def forget_old_screenshots() -> None:
    """Drop screenshots of earlier runs; keep those another worker of this run has already written."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in SCREENSHOTS.glob("*.png"):
        if modified(path) < STARTED:
            path.unlink(missing_ok=True)


def fresh(paths) -> list[Path]:
    return sorted(path for path in paths if modified(path) >= STARTED)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    shots = fresh(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.is_dir() else []
    if not shots:
        return
    terminalreporter.write_sep("-", "browser tests")
    terminalreporter.write_line(f"{len(shots)} screenshots written to {SCREENSHOTS}")
    failed = [path.name for path in shots if path.name.startswith("FAILED-")]
    if failed:
        terminalreporter.write_line("at failure: " + ", ".join(failed))
    for log in fresh(ARTIFACTS.glob("e2e-server*.log")):
        terminalreporter.write_line(f"server log: {log}")
