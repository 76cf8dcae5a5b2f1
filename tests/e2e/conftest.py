"""Real-browser tests: a daphne server (HTTP + websockets) in its own process, Debian's
Chromium driven by Playwright, and axe-core for accessibility."""

import email
import email.policy
import multiprocessing
import os
import shutil
import tempfile
from functools import partial
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from channels.routing import get_default_application
from daphne.testing import DaphneProcess
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from django.db import connections
from playwright.sync_api import sync_playwright

from panel import events

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


# The server runs in its own process, so Django's in-memory outbox is out of the tests' reach:
# it writes each mail to a file here instead (see the `sent_mail` fixture).
MAIL_DIR = Path(tempfile.mkdtemp(prefix="mantelkring-e2e-mail-"))


def _application():
    return ASGIStaticFilesHandler(get_default_application())


def read_outbox() -> list[dict]:
    """Messages the live server sent, oldest first: {"to": [...], "subject", "body"}.

    Read back from the files Django's file-based mail backend writes in MAIL_DIR (one file per
    connection, messages separated by a line of 79 dashes)."""
    messages = []
    for path in sorted(MAIL_DIR.glob("*.log"), key=lambda f: f.stat().st_mtime_ns):
        for chunk in path.read_text(errors="replace").split("\n" + "-" * 79 + "\n"):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk.lstrip(), policy=email.policy.default)
            part = message.get_body(preferencelist=("plain",))
            messages.append(
                {
                    "to": [a.strip() for a in str(message["To"] or "").split(",") if a.strip()],
                    "subject": str(message["Subject"] or ""),
                    "body": part.get_content() if part is not None else "",
                }
            )
    return messages


def _use_database(names: dict[str, str]) -> None:
    """In the server process: talk to the parent's test databases, on fresh connections."""
    from concurrent.futures import ThreadPoolExecutor

    from asgiref.sync import SyncToAsync
    from django.conf import settings

    # A fork keeps asgiref's one-thread executor but not its thread: if an earlier test used
    # it, the server's consumers would queue database calls behind a thread that does not
    # exist (websockets then never open). Give the server process a fresh one.
    SyncToAsync.single_thread_executor = ThreadPoolExecutor(max_workers=1)

    for alias, name in names.items():
        settings.DATABASES[alias]["NAME"] = name
        connections[alias].settings_dict["NAME"] = name

    settings.MAILERS = {
        alias: {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(MAIL_DIR)},
        }
        for alias in getattr(settings, "MAILERS", {"default": {}})
    }


def pytest_collection_modifyitems(config, items):
    # tests/conftest.py makes them transactional with serialized rollback.
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def live_server_url(django_db_setup, django_db_blocker):
    """One ASGI server for the whole browser session, on the test database."""
    with django_db_blocker.unblock():
        names = {alias: connections[alias].settings_dict["NAME"] for alias in connections}
        connections.close_all()  # never share a database socket with the child
        events.close(timeout=2)  # nor fork while the live-events sender thread runs
        # Forked while the database is unblocked, so the server process may use it; the child
        # keeps the test settings (Python 3.13 forks by default on Linux).
        assert multiprocessing.get_start_method() == "fork"
        process = DaphneProcess("127.0.0.1", _application, setup=partial(_use_database, names))
        process.start()
    if not process.ready.wait(timeout=30):
        error = process.errors.get(timeout=1) if not process.errors.empty() else "no answer"
        process.terminate()
        raise RuntimeError(f"live server did not start: {error}")
    yield f"http://127.0.0.1:{process.port.value}"
    process.terminate()
    process.join(timeout=10)


@pytest.fixture(scope="session")
def _playwright():
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def new_page(browser, live_server_url):
    """new_page() opens a fresh browser context (its own cookies), like a second person."""
    contexts = []

    def _new_page(**kwargs):
        context = browser.new_context(base_url=live_server_url, locale="nl-NL", **kwargs)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.csp_errors = []
        page.on(
            "console",
            lambda msg: (
                page.csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None
            ),
        )
        return page

    yield _new_page
    for context in contexts:
        context.close()


@pytest.fixture
def sent_mail():
    """sent_mail() is the text of every mail the server sent during this test, oldest first."""
    for old in MAIL_DIR.glob("*"):
        old.unlink()

    def _read() -> list[str]:
        files = sorted(MAIL_DIR.glob("*.log"), key=lambda f: f.stat().st_mtime_ns)
        return [f.read_text(errors="replace") for f in files]

    return _read


@pytest.fixture
def page(new_page):
    return new_page()


_AXE = Axe()


@pytest.fixture
def assert_accessible():
    """assert_accessible(page): axe-core finds no violations (WCAG 2.1 A/AA and best practice)."""

    def _check(page):
        results = _AXE.run(page)
        assert results.violations_count == 0, results.generate_report()
        assert not getattr(page, "csp_errors", []), page.csp_errors

    return _check


@pytest.fixture(scope="session", autouse=True)
def _serialized_contents_in_every_context(django_db_setup, django_db_blocker):
    """Make serialized rollback work after Playwright starts.

    pytest-django keeps the serialized test database on the connection object of the
    context that created it. Playwright's sync API runs the tests in another greenlet, whose
    connection objects lack it, so after the first browser test the migration-made rows
    (vraaggebieden, starter content) were flushed and never restored when other tests ran
    earlier in the session. Put the contents on the connection class, visible in every context.
    """
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents is None:
                contents = connection.creation.serialize_db_to_string()
            type(connection)._test_serialized_contents = contents
