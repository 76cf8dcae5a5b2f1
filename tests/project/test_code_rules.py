"""House rules that no linter checks for us (see docs/code-style.md).

- No imports inside functions: import-linter sees them (so its contracts hold for them too),
  but a reader does not, and they are how the import cycles of issue 14 were hidden.
- No module of 400 lines or more, migrations and demo content aside.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_PACKAGES = ("mantelkring", "accounts", "sociale_kaart", "training", "panel", "werkgroep")

# Exceptions, each with its reason. Empty since the structure work (issue 14, item 1).
FUNCTION_IMPORTS_ALLOWED: set[str] = set()
LONG_MODULES_ALLOWED: set[str] = set()
MAX_LINES = 400


def _modules(*packages: str) -> list[Path]:
    return sorted(
        path
        for package in packages
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    )


def _function_imports(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            lines += [
                inner.lineno
                for inner in ast.walk(node)
                if isinstance(inner, ast.Import | ast.ImportFrom)
            ]
    return sorted(set(lines))


def test_the_import_finder_sees_nested_imports():
    source = "import os\n\ndef f():\n    if True:\n        from x import y\n\nclass C:\n    def m(self):\n        import z\n"
    assert _function_imports(source) == [5, 9]


def test_no_imports_inside_functions():
    found = []
    for path in _modules(*APP_PACKAGES):
        relative = path.relative_to(ROOT).as_posix()
        if relative not in FUNCTION_IMPORTS_ALLOWED:
            found += [f"{relative}:{line}" for line in _function_imports(path.read_text())]
    assert not found, "import at module top (a cycle means the modules need another cut)"


def test_no_module_reaches_400_lines():
    long = [
        f"{path.relative_to(ROOT).as_posix()} ({count} lines)"
        for path in _modules(*APP_PACKAGES, "bench")
        if path.name != "demo.py"
        and path.relative_to(ROOT).as_posix() not in LONG_MODULES_ALLOWED
        and (count := len(path.read_text().splitlines())) >= MAX_LINES
    ]
    assert not long
