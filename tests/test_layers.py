"""The architecture, checked: each layer imports only the layers below it, and no two packages
import each other (CONTRIBUTING.md draws the picture).

Every import counts, at module level or inside a function (a lazy import is still a dependency);
only imports under ``if TYPE_CHECKING:`` do not, since they never run. The registries that name
modules as strings, for importlib, name only modules of their own layer.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"

# what each layer may import (itself included); the root package and cli may import anything
ALLOWED = {
    "i18n": {"i18n"},
    "core": {"i18n", "core"},
    "form": {"i18n", "core", "form"},
    "readers": {"i18n", "core", "form", "readers"},
    "writers": {"i18n", "core", "form", "writers"},
    "pipeline": {"i18n", "core", "form", "readers", "pipeline"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    """``TYPE_CHECKING`` or ``typing.TYPE_CHECKING`` itself (not ``not TYPE_CHECKING``)."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:`` (its ``else`` runs)."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        found.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _imports() -> dict[str, set[str]]:
    """module -> the jyscore modules (or packages) it imports at run time."""
    edges: dict[str, set[str]] = defaultdict(set)
    for path in sorted(SOURCE.rglob("*.py")):
        module = _module_name(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    stem = ".".join([*base, node.module] if node.module else base)
                else:
                    stem = node.module or ""
                submodules = [f"{stem}.{alias.name}" for alias in node.names]
                targets = [name if _exists(name) else stem for name in submodules]
            else:
                continue
            edges[module].update(t for t in targets if t.split(".")[0] == "jyscore")
    return edges


def _exists(module: str) -> bool:
    path = SOURCE.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in {*ALLOWED, "cli"} else "root"


EDGES = _imports()


def _imported(code: str) -> list[str]:
    return sorted(alias.name for node in _runtime_nodes(ast.parse(code))
                  if isinstance(node, ast.Import) for alias in node.names)


@pytest.mark.parametrize(("code", "imported"), [
    ("if TYPE_CHECKING:\n    import a\nelse:\n    import b\n", ["b"]),
    ("if typing.TYPE_CHECKING:\n    import a\n", []),
    ("if not TYPE_CHECKING:\n    import a\n", ["a"]),
    ("if TYPE_CHECKING or sys.flags.dev_mode:\n    import a\n", ["a"]),
])
def test_only_imports_under_if_type_checking_are_left_out(code: str, imported: list[str]) -> None:
    assert _imported(code) == imported


def _registries() -> dict[str, tuple[str, list[str]]]:
    """Each registry that names modules for importlib: the prefix its modules must have (its own
    layer), and the modules it names."""
    import jyscore
    from jyscore.core.rules import KINDS
    from jyscore.writers import formats

    tables = (formats.RESULT_FORMATS, formats.PANEL_FORMATS, formats.RANK_FORMATS)
    return {
        "jyscore.core.rules.KINDS": ("jyscore.core.rules.", list(KINDS._modules.values())),
        "jyscore.writers.formats": (
            "jyscore.writers.", [entry.module for table in tables for entry in table.values()]
        ),
        "jyscore._EXPORTS": ("jyscore.", list(jyscore._EXPORTS.values())),
    }


@pytest.mark.parametrize("registry", sorted(_registries()))
def test_a_registry_names_modules_of_its_own_layer(registry: str) -> None:
    """importlib's imports are invisible to the scan above: a kind, a renderer or a public name
    that lived in another layer would import it unseen."""
    prefix, modules = _registries()[registry]
    assert modules
    assert [m for m in modules if not (m.startswith(prefix) and _exists(m))] == []


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(layer: str) -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in EDGES.items()
        if _layer(module) == layer
        for target in targets
        if _layer(target) not in ALLOWED[layer]
    )
    assert upward == []


def test_nothing_imports_the_cli_or_the_root_package() -> None:
    inward = sorted(
        f"{module} imports {target}"
        for module, targets in EDGES.items()
        if _layer(module) not in {"cli", "root"}
        for target in targets
        if _layer(target) in {"cli", "root"}
    )
    assert inward == []


def test_no_module_imports_itself_back() -> None:
    """No circle of imports, however long, lazy imports included: then no two packages import
    each other either (a subpackage is part of its parent: ``core.rules`` may use ``core.numbers``,
    and ``core.engine`` the rules, as long as no module comes back to itself)."""
    assert _circles(EDGES) == []


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = lowest[module] = len(index)
        stack.append(module)
        for target in edges.get(module, ()):
            if target not in index:
                visit(target)
                lowest[module] = min(lowest[module], lowest[target])
            elif target in stack:
                lowest[module] = min(lowest[module], index[target])
        if lowest[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return sorted(found)


def test_the_check_sees_imports_inside_functions() -> None:
    """The rule would be empty if lazy imports were missed: the xlsx reader is imported lazily."""
    assert any(t.startswith("jyscore.readers.xlsx") for t in EDGES["jyscore.readers.files"])
