"""The package's shape, read from its source: one module imports MkDocs, no import
cycles, no module uses another's private names, and an unknown MkDocs is refused
where the private page builders are taken."""

from __future__ import annotations

import ast
from pathlib import Path

import mkdocs
import pytest

from dossier import mkdocs_session
from dossier.mkdocs_session import MkDocsSession, Unsupported

from .conftest import REPO

PACKAGE = REPO / "dossier"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, names taken from it) of every import, at any depth."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((node.lineno, module, [alias.name for alias in node.names]))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for _, module, names in _imports(name, path):
            submodules = {f"{module}.{n}" for n in names} & MODULES.keys()
            if submodules and len(submodules) == len(names):  # from . import x, y
                graph[name] |= submodules
            elif module in MODULES:
                graph[name] |= {module} | submodules
    return graph


def test_only_the_session_imports_mkdocs() -> None:
    importers = sorted(
        f"{path.relative_to(REPO)}:{line}"
        for name, path in MODULES.items()
        for line, module, _ in _imports(name, path)
        if module == "mkdocs" or module.startswith("mkdocs.")
    )
    assert importers and all(i.startswith("dossier/mkdocs_session.py:") for i in importers), (
        importers
    )


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                cycles.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other, [*path, other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_module_uses_another_modules_private_names() -> None:
    found = []
    for name, path in MODULES.items():
        for line, module, names in _imports(name, path):
            if module.startswith("dossier"):
                found += [f"{name}:{line} {n}" for n in names if n.startswith("_")]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in {m.rsplit(".", 1)[-1] for m in MODULES}
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                found.append(f"{name}:{node.lineno} {node.value.id}.{node.attr}")
    assert found == []


def test_an_unknown_mkdocs_version_is_refused_where_private_builders_are_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mkdocs, "__version__", "9.0.0")
    session = MkDocsSession(config=None)
    with pytest.raises(Unsupported, match=r"MkDocs 9\.0\.0 is installed"):
        session.write_sitemap()
    with pytest.raises(Unsupported):
        session.wrap_page("index.md", populate=True)
    monkeypatch.setattr(mkdocs, "__version__", "1.6.1")
    assert len(mkdocs_session._private()) == 3  # the pinned version passes the check
