"""Reading settings from the environment, loudly.

A value we do not understand is a deployment mistake; we refuse to start rather than guess.

Names follow one convention (README.md, "Configuration"):
- `DJANGO_<SETTING>` sets Django's own setting of that name (`DJANGO_DEBUG` → `DEBUG`);
- `DATABASE_URL`, `REDIS_URL`, `REDIS_CHANNEL_URL` locate the services;
- `MANTELKRING_<NAME>` is everything the project itself decides.

A variable that was renamed keeps working under its old name (`old=`) while deployments
move over: the old name is read only when the new one is unset, and it is recorded in
`DEPRECATED_NAMES_USED`, which the `mantelkring.W001` system check reports.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}

# (old name, new name) for every renamed variable this process found under its old name.
DEPRECATED_NAMES_USED: list[tuple[str, str]] = []


def _raw(name: str, old: str | None) -> tuple[str, str | None]:
    """The value of `name`, falling back to its deprecated name; and the name it came from."""
    if name in os.environ or old is None or old not in os.environ:
        return name, os.environ.get(name)
    if (old, name) not in DEPRECATED_NAMES_USED:
        DEPRECATED_NAMES_USED.append((old, name))
    return old, os.environ[old]


def env_str(name: str, default: str, *, old: str | None = None) -> str:
    _, raw = _raw(name, old)
    return default if raw is None else raw


def env_bool(name: str, default: bool, *, old: str | None = None) -> bool:
    source, raw = _raw(name, old)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{source} must be true or false, not {raw!r}")


def env_int(name: str, default: int, *, old: str | None = None) -> int:
    source, raw = _raw(name, old)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{source} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str], *, old: str | None = None) -> list[str]:
    _, raw = _raw(name, old)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]
