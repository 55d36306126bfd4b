"""The structure of the code: three layers, no import circles, modules and functions short enough to read.

``compare`` (the analysis) imports neither ``reports`` (the rendering) nor ``storycompare``
(the command line and batch runs); ``reports`` does not import ``storycompare``; and no
module reaches itself again through the imports of others.  Every import counts, also
one inside a function or under ``TYPE_CHECKING``; a module's import of its own parent
package (which Python has initialised first anyway) does not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGES = ("compare", "reports", "storycompare")
LAYER = {"compare": 0, "reports": 1, "storycompare": 2}


def module_names() -> dict[str, Path]:
    names = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


MODULES = module_names()


def imports_of(name: str, path: Path) -> set[str]:
    """The project modules ``name`` imports (a name imported from a package is its submodule when there is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            ancestors = {".".join(name.split(".")[:k]) for k in range(1, len(name.split(".")))}
            if target and target != name and target not in ancestors:
                found.add(target)
    return found


GRAPH = {name: imports_of(name, path) for name, path in MODULES.items()}


def test_the_graph_is_read() -> None:
    assert "compare.pipeline" in GRAPH["storycompare.cli"] or "compare" in GRAPH["storycompare.cli"]
    assert "compare.clean" in GRAPH["compare.pipeline"]
    assert "storycompare.batch_cli" in GRAPH["storycompare.cli"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_a_layer_above_its_own(name: str) -> None:
    layer = LAYER[name.split(".")[0]]
    above = sorted(t for t in GRAPH[name] if LAYER[t.split(".")[0]] > layer)
    assert not above, f"{name} imports {above}"


def test_no_import_circles() -> None:
    """Tarjan's strongly connected components: every one must be a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    assert circles == []


# --------------------------------------------------------------------------- sizes

MAX_MODULE_LINES = 600
MAX_ANALYZE_LINES = 400  # issue 15: no module of compare/analyze/ over 400 lines
MAX_FUNCTION_LINES = 80
OVERSIZED: set[str] = set()  # modules allowed past MAX_MODULE_LINES (stance.py was, until analyze/framing/)
LONG_FUNCTIONS: set[str] = set()  # none


def test_no_module_or_function_is_too_long_to_read() -> None:
    too_long = []
    for path in MODULES.values():
        relative = path.relative_to(ROOT).as_posix()
        if relative in OVERSIZED:
            continue
        source = path.read_text("utf-8")
        limit = MAX_ANALYZE_LINES if relative.startswith("compare/analyze/") else MAX_MODULE_LINES
        if source.count("\n") > limit:
            too_long.append(f"{relative}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES and f"{relative}:{node.name}" not in LONG_FUNCTIONS:
                    too_long.append(f"{relative}:{node.lineno} {node.name}(): {length} lines")
    assert too_long == []
