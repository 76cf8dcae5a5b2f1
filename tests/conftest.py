"""Fixtures every test may use: a fixed cast of users, one per role, and a clean cache."""

import os

import pytest
from channels.layers import channel_layers
from django.core.cache import cache

from accounts.models import Profession, Role
from panel import events
from tests.accounts.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django would then refuse
# ordinary database calls in that thread. The tests are single-threaded, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.accounts.factories import PASSWORD  # noqa: E402,F401


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every transactional test (browser tests included) restores the migration-made rows.

    A transactional test empties the database when it ends. Without serialized rollback the
    rows that data migrations made (vraaggebieden, starter modules) would be gone for every
    later test, and content types recreated by one test would clash with another test's
    restore. So every transactional test is also a serialized-rollback test; this runs before
    pytest-django sorts the tests, so they still run after the ordinary database tests.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = (
            "/e2e/" in str(item.fspath)
            or "transactional_db" in getattr(item, "fixturenames", ())
            or bool(
                marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
            )
        )
        if transactional:
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


class _BrowserTestsLast:
    """Playwright's sync API keeps an event loop in the main thread once it has started, and
    async tests (channels' communicators) cannot run after that; so browser tests run last."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        items.sort(key=lambda item: "/e2e/" in str(item.fspath))


def _register_browser_order(config):
    config.pluginmanager.register(_BrowserTestsLast(), "mantelkring-browser-tests-last")


@pytest.fixture(autouse=True)
def _live_events_sent():
    """Live events are sent in the background: what a test broadcast goes out before the next
    test starts listening, never into it."""
    yield
    events.flush(timeout=2)
    _fresh_receive_locks()


def _fresh_receive_locks() -> None:
    """Each test's websockets run on an event loop of their own; channels-redis keeps one
    lock per receiving channel for the whole process, and a receive cancelled while it waited
    for that lock (a consumer closed mid-receive) leaves it behind, bound to a loop that is
    gone: the next test to wait on it fails with "bound to a different event loop". Between
    tests nothing receives, so every Redis layer starts the next test with new locks."""
    for layer in channel_layers.backends.values():
        locks = getattr(layer, "receive_clean_locks", None)
        if locks is not None and not getattr(layer, "receive_count", 0):
            layer.receive_clean_locks = type(locks)()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache; every test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def caregiver(db):
    return UserFactory(role=Role.CAREGIVER, email="joke@example.org")


@pytest.fixture
def professional(db):
    return UserFactory(
        role=Role.PROFESSIONAL, profession=Profession.HUISARTS, email="dokter@example.org"
    )


@pytest.fixture
def werkgroep_user(db):
    return UserFactory(role=Role.WERKGROEP, email="werkgroep@example.org")


@pytest.fixture
def admin_user(db):
    """A user with the beheer role (staff and superuser); replaces pytest-django's admin_user,
    so its admin_client logs in this user."""
    return UserFactory(role=Role.ADMIN, email="beheer@example.org")


@pytest.fixture
def users_by_role(caregiver, professional, werkgroep_user, admin_user):
    return {
        Role.CAREGIVER: caregiver,
        Role.PROFESSIONAL: professional,
        Role.WERKGROEP: werkgroep_user,
        Role.ADMIN: admin_user,
    }


@pytest.fixture
def login_as(users_by_role):
    """login_as(client, role) logs the client in as the cast member with that role."""

    def _login(client, role):
        if role is None:
            client.logout()
            return None
        user = users_by_role[role]
        client.force_login(user)
        return user

    return _login


def pytest_configure(config):
    from django.conf import settings

    _register_browser_order(config)

    # Hashing with PBKDF2 costs ~0.3 s a password; tests only need it to be a hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
