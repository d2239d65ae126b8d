"""The package's layers, as the README's "How the code is laid out" states them: each
imports only the layers below it, and only `providers/` knows openai and instructor.

Read from the source (every import statement, at the top or inside a function), so a
shortcut taken anywhere fails here with the module and the line that took it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"
MAX_LINES = 300

# What each layer may import of the package, besides itself. `lifetime` ties a worker or a
# server to its parent process; `lazy` lets a package import its names on first use;
# `schema` is the contract everyone shares.
ALLOWED: dict[str, frozenset[str]] = {
    "schema": frozenset(),
    "lifetime": frozenset(),
    "lazy": frozenset(),
    "reading": frozenset({"lifetime", "lazy"}),
    "grounding": frozenset({"reading", "schema"}),
    "providers": frozenset({"lifetime"}),
    "pipeline": frozenset({"reading", "grounding", "providers", "schema", "inputs"}),
}
MODEL_LIBRARIES = ("openai", "instructor")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str:
    part = path.relative_to(PACKAGE).parts[0]
    return part.removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of everything `path` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for path in _modules():
        layer = _layer(path)
        if layer not in ALLOWED:
            continue
        for line, name in _imports(path):
            parts = name.split(".")
            if parts[0] != "summarizer" or len(parts) < 2:
                continue
            if parts[1] != layer and parts[1] not in ALLOWED[layer]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    assert wrong == []


def test_only_providers_import_openai_or_instructor() -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in _modules()
        if _layer(path) != "providers"
        for line, name in _imports(path)
        if name.split(".")[0] in MODEL_LIBRARIES
    ]
    assert wrong == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_300_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
