"""Real-browser fixtures: the app served by gunicorn on a fresh database, driven by Debian's Chromium.

One server and one browser per test session; each test gets its own browser context (cookies, downloads).
Screenshots go to test-artifacts/screenshots (printed at the end of the run, see reporting.py); the server's log
to test-artifacts/e2e-server[-<xdist worker>].log.
"""

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from tests.browser.reporting import ARTIFACTS, ROOT, SCREENSHOTS, forget_old_screenshots, server_log
from tests.browser.support import ADMIN_PASSWORD, PASSWORD, USERS, log_in

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
BIN = Path(sys.executable).parent
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HERE = Path(__file__).resolve().parent

# generous: CI machines run other suites beside this one, and a page render can wait for a CPU
TIMEOUT_MS = 20_000


def chromium_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "needs Playwright for Python (pip install -r requirements-dev.txt)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = chromium_missing_reason()
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


# --- the server -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PREPARE_DATABASE = """
import sys
from hiring import create_app

app = create_app()
runner = app.test_cli_runner()
for args in {commands!r}:
    with app.app_context():
        result = runner.invoke(args=args)
    if result.exit_code != 0:
        sys.exit(f"flask {{' '.join(args)}} failed:\\n{{result.output}}\\n{{result.exception!r}}")
"""


def prepare_database(env: dict) -> None:
    """`flask db upgrade`, `flask seed` and `flask create-user` for each person, in one process (fast)."""
    commands = [["db", "upgrade"], ["seed"]]
    commands += [
        ["create-user", username, "--role", role, "--full-name", full_name]
        for username, (role, full_name) in USERS.items()
    ]
    result = subprocess.run(
        [sys.executable, "-c", PREPARE_DATABASE.format(commands=commands)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if result.returncode != 0:
        pytest.fail(f"preparing the database failed:\n{result.stdout}\n{result.stderr}", pytrace=False)


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    log = server_log().read_text(errors="replace")[-4000:] if server_log().exists() else ""
    pytest.fail(f"the app did not come up at {url}; server log:\n{log}", pytrace=False)


@pytest.fixture(scope="session")
def server_database(tmp_path_factory):
    """A fresh, empty database: SQLite in a temp dir, or with TEST_DATABASE_URL a new schema in that database.

    A schema of its own, not the shared tables (the other suites empty them while the server runs), and not a
    database of its own (DROP DATABASE waits for a checkpoint: half a minute on a busy server).
    """
    postgres_url = os.environ.get("TEST_DATABASE_URL")
    if not postgres_url:
        yield "sqlite:///" + str(tmp_path_factory.mktemp("e2e") / "e2e.sqlite")
        return
    import psycopg

    schema = f"e2e_{os.getpid()}_{int(time.time())}"
    libpq_url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(libpq_url, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in postgres_url else "?"
    try:
        yield f"{postgres_url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(libpq_url, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(scope="session")
def live_server(server_database):
    """The real app under gunicorn on a free port, on a fresh migrated and seeded database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FLASK_") and key not in ("DATABASE_URL", "TEST_DATABASE_URL")
    }
    env.update(
        FLASK_APP="hiring",
        DATABASE_URL=server_database,
        SECRET_KEY="e2e-secret-key",
        HIRING_ADMIN_PASSWORD=ADMIN_PASSWORD,
        HIRING_NEW_USER_PASSWORD=PASSWORD,
        RATELIMIT_STORAGE_URI="memory://",
        HIRING_COMPANY="E2E Trading LLC",
    )
    prepare_database(env)

    ARTIFACTS.mkdir(exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with server_log().open("w") as log:
        process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--workers=2",
                "--threads=4",
                f"--bind=127.0.0.1:{port}",
                "--timeout=60",
                "--access-logfile=-",
                "--chdir",
                str(ROOT),
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: the tests are over
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- the browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(screenshots_dir):
    """One headless Chromium for the session (Playwright gives it a fresh, temporary user data dir)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        yield chromium
        chromium.close()


def new_context(browser, base_url: str):
    """A private browsing context: its own cookies, an English interface, downloads accepted."""
    ctx = browser.new_context(
        base_url=base_url, locale="en-US", accept_downloads=True, viewport={"width": 1280, "height": 900}
    )
    ctx.set_default_timeout(TIMEOUT_MS)
    return ctx


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.stash[FAILED] = True
    return report


FAILED = pytest.StashKey[bool]()


def close_contexts(request, contexts) -> None:
    """Close the contexts; when the test failed, first keep a screenshot of each open tab, for a person."""
    failed = request.node.stash.get(FAILED, False)
    for number, ctx in enumerate(contexts):
        if failed:
            for tab_number, tab in enumerate(ctx.pages):
                name = f"FAILED-{request.node.name}-{number}-{tab_number}.png"
                name = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                try:
                    tab.screenshot(path=str(SCREENSHOTS / name), full_page=True)
                    print(f"\nscreenshot of {tab.url} at failure: {SCREENSHOTS / name}")
                except Exception as error:  # the tab may be gone; the test's own error matters more
                    print(f"\nno screenshot at failure: {error}")
        ctx.close()


@pytest.fixture
def context(request, browser, live_server):
    ctx = new_context(browser, live_server)
    yield ctx
    close_contexts(request, [ctx])


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def screenshots_dir():
    """An empty screenshots folder at the start of a session that runs browser tests."""
    forget_old_screenshots()
    return SCREENSHOTS


@pytest.fixture
def screenshot(screenshots_dir):
    """screenshot(page, "name") writes test-artifacts/screenshots/name.png (the whole page)."""

    def take(page, name: str) -> Path:
        path = screenshots_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- people ---------------------------------------------------------------------------------------


@pytest.fixture
def as_user(request, browser, live_server):
    """as_user("hr") gives a tab logged in as that user, in a browser context of its own."""
    contexts = []

    def open_as(username: str):
        ctx = new_context(browser, live_server)
        contexts.append(ctx)
        tab = ctx.new_page()
        log_in(tab, username)
        return tab

    yield open_as
    close_contexts(request, contexts)


# --- accessibility --------------------------------------------------------------------------------


def ensure_axe() -> tuple[Path | None, str]:
    """axe-core from node_modules (package.json pins it), running `npm ci` once when it is missing.

    Returns (the script, "") or (None, why not). A lock keeps two xdist workers from installing at once.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / ".npm.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if AXE_SCRIPT.exists():
            return AXE_SCRIPT, ""
        npm = shutil.which("npm")
        if not npm:
            return None, "npm is not installed (install Node.js, then run `npm ci` in the repo root)"
        command = [npm, "ci", "--no-audit", "--no-fund"]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not AXE_SCRIPT.exists():
            return None, f"`{' '.join(command)}` failed: {result.stderr[-500:]}"
        return AXE_SCRIPT, ""


@pytest.fixture(scope="session")
def axe_source() -> tuple[str | None, str]:
    """(axe-core's source, "") or (None, the reason it is missing)."""
    script, reason = ensure_axe()
    return (script.read_text() if script else None), reason


@pytest.fixture
def require_axe(axe_source):
    """For tests that check only accessibility: skip them, with the reason, when axe-core is missing."""
    source, reason = axe_source
    if source is None:
        pytest.skip(f"accessibility checks need axe-core: {reason}")


BLOCKING_IMPACTS = ("serious", "critical")


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:8]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.fixture
def check_accessibility(axe_source):
    """check_accessibility(page, "what") runs axe-core on the page; fails on serious or critical violations.

    Without axe-core the journeys still run: the check is then skipped with a warning saying why.
    """
    source, reason = axe_source

    def check(page, what: str) -> list[dict]:
        if source is None:
            warnings.warn(f"accessibility of {what} not checked: {reason}", stacklevel=2)
            return []
        page.wait_for_load_state("load")  # the caller waits for the new page's content first
        # evaluate() goes through the DevTools protocol, so the page's CSP (script-src 'self') does not block it
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(source + "\n;undefined")
        results = page.evaluate(
            """async () => {
                const r = await axe.run(document, {resultTypes: ['violations']});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary}))}));
            }"""
        )
        blocking = [v for v in results if v["impact"] in BLOCKING_IMPACTS]
        others = [v for v in results if v["impact"] not in BLOCKING_IMPACTS]
        if others:
            print(f"\naxe on {what} ({page.url}), minor/moderate findings:\n{describe_violations(others)}")
        assert not blocking, (
            f"axe-core found {len(blocking)} serious/critical violation(s) on {what} ({page.url}):\n"
            + describe_violations(blocking)
        )
        return results

    return check
