"""The lock files (requirements/*.txt, written by `make lock`) match pyproject.toml.

`make` installs only from the lock files, so a dependency added to pyproject.toml without
`make lock` would be silently missing: this test names it.
"""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _pins(lock: str) -> dict[str, Version]:
    text = (ROOT / "requirements" / lock).read_text()
    return {
        canonicalize_name(name): Version(version)
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", text, re.MULTILINE)
    }


def _unlocked(requirements: list[str], pins: dict[str, Version]) -> list[str]:
    problems = []
    for line in requirements:
        requirement = Requirement(line)
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None:
            problems.append(f"{requirement.name} is not in the lock")
        elif not requirement.specifier.contains(pinned, prereleases=True):
            problems.append(f"{requirement.name}=={pinned} does not satisfy {requirement}")
    return problems


def test_base_lock_pins_every_dependency_within_its_range():
    assert _unlocked(PROJECT["dependencies"], _pins("base.txt")) == [], "run `make lock`"


def test_dev_lock_pins_every_dependency_and_dev_tool_within_its_range():
    wanted = PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]
    assert _unlocked(wanted, _pins("dev.txt")) == [], "run `make lock`"


def test_dev_lock_uses_the_same_versions_as_base():
    base, dev = _pins("base.txt"), _pins("dev.txt")
    assert {name: dev.get(name) for name in base} == base


def test_every_pin_carries_hashes():
    for lock in ("base.txt", "dev.txt"):
        text = (ROOT / "requirements" / lock).read_text()
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
        pinned = [block for block in blocks if "==" in block.split("\n", 1)[0]]
        assert len(pinned) == len(_pins(lock))
        for block in pinned:
            assert "--hash=sha256:" in block, f"{lock}: {block.splitlines()[0]}"
