"""Finds import cycles in ``app/``, ``service.<internal>.`` chains in ``app/gui``, stale maps.

It also holds the shell and the facade under 600 lines each, and every class to 40 methods;
finds a GUI function over 60 lines (cut it into named builders), and a dialog cleaned up by
hand instead of through ``ops.dialogs.open_dialog``; and pairs each view with its controller
and its controller's test (``views/X.py`` ↔ ``controllers/X.py`` ↔
``tests/gui/controllers/test_X.py``).

Run it as ``python -m tools.check_structure``; it prints every problem and exits 1 if any.

What counts as an import (decided here, see docs/architecture.md):

- every ``import`` and ``from ... import`` in a module, wherever it stands: at the top, under
  ``if TYPE_CHECKING:`` or inside a function. A late import only hides a cycle from Python, not
  from a reader, so it counts like any other;
- ``from package import name`` counts as an import of ``package.name`` when that is a module,
  and of ``package`` (its ``__init__``) otherwise;
- a package's ``__init__`` is not made to depend on its submodules just because they live in it.

The map is docs/architecture.md: it must name every module of ``app/`` (a line that starts with
the module's path in backquotes), and no module that is gone.

A chain is ``service.<part>.`` (or ``self._service.<part>.`` ...) where ``<part>`` is one of the
facade's internal parts: the GUI asks the facade's domains, never the parts behind them.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The internal parts of the facade that the GUI must not reach through.
INTERNAL_PARTS = (
    "upstream",
    "preferences",
    "ledger",
    "audit",
    "retention",
    "database",
    "childmode",
    "_store",
    "_assistant",
    "_parts",
    "_opened",
)
_CHAIN = re.compile(
    r"\b(?:self\._service|self\.service|_service|service)\.(" + "|".join(INTERNAL_PARTS) + r")\."
)


@dataclass(frozen=True)
class Chain:
    """One ``service.<internal>.`` chain in the GUI."""

    path: str
    line: int
    text: str


def module_name(path: Path, root: Path) -> str:
    """The dotted module name of a file under ``root``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(package: Path, root: Path) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(package.rglob("*.py"))}


def _imported(node: ast.AST, current: str, is_package: bool, known: set[str]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = current.split(".") if is_package else current.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            stem = ".".join(base + ([node.module] if node.module else []))
        else:
            stem = node.module or ""
        for alias in node.names:
            full = f"{stem}.{alias.name}"
            yield full if full in known else stem


def import_graph(root: Path = ROOT, package: str = "app") -> dict[str, set[str]]:
    """Each module of ``package`` and the modules of ``package`` it imports (anywhere in it)."""
    modules = _modules(root / package, root)
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets: set[str] = set()
        for node in ast.walk(tree):
            for target in _imported(node, name, path.name == "__init__.py", known):
                # Importing a.b.c runs a/__init__ and a/b/__init__ as well.
                parts = target.split(".")
                for end in range(1, len(parts) + 1):
                    candidate = ".".join(parts[:end])
                    if candidate in known and candidate != name:
                        targets.add(candidate)
        # A package's parents are always imported first; that is no dependency of ours.
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


def chains(root: Path = ROOT, package: str = "app/gui") -> list[Chain]:
    """Every ``service.<internal>.`` chain in the GUI's sources."""
    found = []
    for path in sorted((root / package).rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _CHAIN.search(line):
                found.append(Chain(str(path.relative_to(root)), number, line.strip()))
    return found


#: The longest the shell and the facade may grow (lines), and the most methods in a class.
MAX_LINES = {"app/core/service.py": 600, "app/gui/main_window.py": 600}
MAX_METHODS = 40


def oversized(root: Path = ROOT) -> list[str]:
    """Files over their line limit, and classes in ``app/`` with more than MAX_METHODS methods."""
    found = []
    for name, limit in MAX_LINES.items():
        if not (root / name).exists():
            continue
        lines = len((root / name).read_text(encoding="utf-8").splitlines())
        if lines >= limit:
            found.append(f"{name}: {lines} lines (the limit is under {limit})")
    for path in sorted((root / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                methods = sum(
                    isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) for item in node.body
                )
                if methods > MAX_METHODS:
                    where = path.relative_to(root)
                    found.append(f"{where}: class {node.name} has {methods} methods")
    return found


#: The longest a GUI function may be (lines): a longer constructor is cut into named builders.
MAX_FUNCTION_LINES = 60


def long_functions(root: Path = ROOT) -> list[str]:
    """GUI functions over MAX_FUNCTION_LINES (every one has been cut; none may grow back)."""
    found = []
    for path in sorted((root / "app" / "gui").rglob("*.py")):
        where = str(path.relative_to(root))
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > MAX_FUNCTION_LINES:
                found.append(f"{where}: {node.name} has {lines} lines (cut it into builders)")
    return found


#: A dialog deleted by hand once it finishes: ``open_dialog`` is the one place that does it.
_HAND_CLEANED = re.compile(r"\.finished\.connect\([^)]*deleteLater")
DIALOG_HELPER = "app/gui/ops/dialogs.py"


def hand_cleaned_dialogs(root: Path = ROOT) -> list[str]:
    """Places in ``app/gui`` that connect a dialog's ``finished`` to ``deleteLater`` themselves."""
    found = []
    for path in sorted((root / "app" / "gui").rglob("*.py")):
        where = str(path.relative_to(root))
        if where == DIALOG_HELPER:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _HAND_CLEANED.search(line):
                found.append(f"{where}:{number}: a dialog cleaned up by hand (use open_dialog)")
    return found


def unpaired_pages(root: Path = ROOT) -> list[str]:
    """Views without a controller of the same name, or whose controller has no test of its own."""
    found = []
    views = root / "app" / "gui" / "views"
    if not views.is_dir():
        return found
    for view in sorted(views.glob("*.py")):
        if view.name == "__init__.py":
            continue
        controller = root / "app" / "gui" / "controllers" / view.name
        test = root / "tests" / "gui" / "controllers" / f"test_{view.name}"
        for needed in (controller, test):
            if not needed.exists():
                where = view.relative_to(root)
                found.append(f"{where}: no {needed.relative_to(root)} to pair with")
    return found


_MAPPED = re.compile(r"^- `(app/[\w/]+\.py)`", re.MULTILINE)


def architecture_gaps(root: Path = ROOT) -> tuple[list[str], list[str]]:
    """Modules missing from docs/architecture.md, and modules it names that are gone."""
    modules = {str(p.relative_to(root)) for p in (root / "app").rglob("*.py")}
    doc = root / "docs" / "architecture.md"
    mapped = set(_MAPPED.findall(doc.read_text(encoding="utf-8"))) if doc.exists() else set()
    return sorted(modules - mapped), sorted(mapped - modules)


def main(root: Path = ROOT) -> int:
    """Print the cycles and chains under ``root``; 1 if there is any."""
    problems = 0
    for component in cycles(import_graph(root)):
        problems += 1
        print("import cycle: " + " <-> ".join(component))
    for chain in chains(root):
        problems += 1
        print(f"{chain.path}:{chain.line}: facade bypassed: {chain.text}")
    for problem in oversized(root):
        problems += 1
        print(problem)
    for problem in hand_cleaned_dialogs(root) + unpaired_pages(root) + long_functions(root):
        problems += 1
        print(problem)
    missing, stale = architecture_gaps(root)
    for path in missing:
        problems += 1
        print(f"{path}: not in docs/architecture.md")
    for path in stale:
        problems += 1
        print(f"docs/architecture.md names {path}, which is gone")
    if not problems:
        print(
            "no import cycles, no service.<internal>. chains, no oversized file or class, "
            "no dialog cleaned up by hand, every view paired; map ok"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
