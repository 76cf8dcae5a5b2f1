"""Settings: every environment variable is documented, named by the convention, and renamed
variables keep working under their old name with a warning."""

import ast
import os
import re
import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mantelkring import checks, env

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "mantelkring" / "settings.py"
ENV_READERS = {"env_str", "env_bool", "env_int", "env_list"}
SERVICE_URLS = {"DATABASE_URL", "REDIS_URL", "REDIS_CHANNEL_URL"}


def _variables_read_by_settings() -> dict[str, str | None]:
    """{name: deprecated old name or None} for every env_*() call in settings.py."""
    found: dict[str, str | None] = {}
    for node in ast.walk(ast.parse(SETTINGS.read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ENV_READERS:
            name = node.args[0]
            assert isinstance(name, ast.Constant) and isinstance(name.value, str), (
                f"line {node.lineno}: the variable name must be a literal string"
            )
            old = next((k.value for k in node.keywords if k.arg == "old"), None)
            found[name.value] = old.value if isinstance(old, ast.Constant) else None
    return found


def _readme_configuration_table() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, flags=re.MULTILINE))


def test_the_parser_finds_the_variables():
    read = _variables_read_by_settings()
    assert {"DJANGO_DEBUG", "DATABASE_URL", "MANTELKRING_DB_POOL"} <= set(read)
    assert read["MANTELKRING_DB_POOL"] == "DB_POOL"


def test_every_variable_settings_reads_is_in_the_readme_table():
    missing = set(_variables_read_by_settings()) - _readme_configuration_table()
    assert not missing, f"add these to README.md, 'Configuration': {sorted(missing)}"


def test_the_readme_table_names_no_variable_settings_does_not_read():
    stale = _readme_configuration_table() - set(_variables_read_by_settings())
    assert not stale, f"README.md documents variables nothing reads: {sorted(stale)}"


def test_every_variable_follows_the_naming_convention():
    wrong = [
        name
        for name in _variables_read_by_settings()
        if name not in SERVICE_URLS and not name.startswith(("DJANGO_", "MANTELKRING_"))
    ]
    assert not wrong


def _settings_with(monkeypatch, **variables: str) -> dict[str, object]:
    for name in list(os.environ):
        if name.startswith(("DJANGO_", "DATABASE_", "REDIS_", "DB_", "MANTELKRING_")):
            monkeypatch.delenv(name)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(env, "DEPRECATED_NAMES_USED", [])
    return runpy.run_path(str(SETTINGS))


POSTGRES = "postgres://postgres@127.0.0.1:5432/unused"


def test_old_pool_names_still_work_and_the_check_warns(monkeypatch):
    settings = _settings_with(
        monkeypatch, DATABASE_URL=POSTGRES, DB_POOL="true", DB_POOL_MAX_SIZE="7"
    )
    database = settings["DATABASES"]["default"]
    assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 7, "timeout": 10}
    assert database["CONN_MAX_AGE"] == 0
    warnings = checks.deprecated_environment_names()
    assert [w.id for w in warnings] == ["mantelkring.W001", "mantelkring.W001"]
    assert "DB_POOL_MAX_SIZE" in warnings[1].msg
    assert "MANTELKRING_DB_POOL_MAX_SIZE" in warnings[1].msg


def test_the_new_name_wins_over_the_old_one_and_no_warning(monkeypatch):
    settings = _settings_with(
        monkeypatch,
        DATABASE_URL=POSTGRES,
        MANTELKRING_DB_POOL="true",
        MANTELKRING_DB_POOL_MAX_SIZE="9",
        DB_POOL_MAX_SIZE="7",
    )
    assert settings["DATABASES"]["default"]["OPTIONS"]["pool"]["max_size"] == 9
    assert checks.deprecated_environment_names() == []


def test_a_bad_old_name_is_reported_under_its_own_name(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="^DB_POOL must be true or false"):
        _settings_with(monkeypatch, DATABASE_URL=POSTGRES, DB_POOL="maybe")


def test_production_settings_are_complete_in_one_pass(monkeypatch):
    settings = _settings_with(
        monkeypatch,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="s" * 50,
        REDIS_URL="redis://127.0.0.1:6379/2",
        DJANGO_TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        MANTELKRING_MAIL_VIA_TASKS="true",
        MANTELKRING_CHANNEL_CAPACITY="7",
    )
    assert settings["SECURE_REDIRECT_EXEMPT"] == [r"^healthz$", r"^readyz$"]
    assert settings["INSTALLED_APPS"][-1] == "django_tasks_db"
    assert settings["CACHES"]["default"]["BACKEND"] == "mantelkring.cache.ResilientRedisCache"
    layer = settings["CHANNEL_LAYERS"]["default"]["CONFIG"]
    assert layer["capacity"] == 7
    assert layer["hosts"][0]["address"] == "redis://127.0.0.1:6379/2"
    assert settings["MAILERS"]["default"]["BACKEND"] == "mantelkring.mail.QueuedEmailBackend"
    assert settings["MAILERS"]["direct"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert settings["ROOT_URLCONF"] == "mantelkring.urls"
