"""The package's modules import each other without circles, so each layer can be read on its own."""

from __future__ import annotations

import grimp
import pytest

# Every package of the game: none of their modules import each other in a circle.
ACYCLIC = (
    "quiz.content",
    "quiz.engine",
    "quiz.plain",
    "quiz.export",
    "quiz.commands",
    "quiz.cli",
    "quiz.tui",
)


def _circles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), among `modules`."""
    edges = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for m in sorted(modules):
        if m not in index:
            visit(m)
    return found


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # Imports only for annotations (under TYPE_CHECKING) run nothing, so they make no circle.
    return grimp.build_graph("quiz", exclude_type_checking_imports=True)


def test_no_import_circles(graph: grimp.ImportGraph) -> None:
    modules = {m for m in graph.modules if m.startswith(ACYCLIC)}
    assert _circles(graph, modules) == []
