"""Stages only look down: a module imports only from its own package or a lower layer, and
the module graph has no cycles. Imports inside functions count too (a lazy import is still
a dependency)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "riskmodel"

#: the pipeline, bottom first; a module may import from its own layer or any lower one
LAYERS: list[tuple[str, ...]] = [
    ("_version", "errors", "source", "messages"),
    ("model",),
    ("load",),
    ("compile",),
    ("evaluate",),
    ("check",),
    ("explain",),
    ("report",),
    ("api",),
    # batch: tables of profiles; beeld: the regional picture; store: the case store;
    # whatif / mutate / modelkaart: model owners' tools over the API
    ("schema", "docgen", "scenarios", "batch", "beeld", "store", "whatif", "mutate",
     "modelkaart"),
    ("serve",),
    ("cli",),
]
RANK = {name: i for i, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "riskmodel":
                out.update(f"riskmodel.{a.name}" for a in node.names)
            elif node.module.startswith("riskmodel."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("riskmodel."))
    return out


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in SRC.rglob("*.py")}


def _layer(module: str) -> str:
    return module.split(".")[1]


def test_every_package_has_a_layer() -> None:
    for module in _graph():
        if module != "riskmodel":
            assert _layer(module) in RANK, f"{module} is in no layer of {LAYERS}"


def test_imports_only_point_down() -> None:
    upward = []
    for module, imports in _graph().items():
        if module == "riskmodel":  # the public surface re-exports from every layer
            continue
        for target in imports:
            if RANK[_layer(target)] > RANK[_layer(module)]:
                upward.append(f"{module} -> {target}")
    assert not upward, "imports pointing up the pipeline:\n" + "\n".join(sorted(upward))


def test_no_import_cycles() -> None:
    graph = _graph()
    modules = set(graph)

    def resolve(name: str) -> str | None:
        # `from riskmodel.x import y` may name a submodule y or an object in x
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    edges = {m: {r for t in targets if (r := resolve(t)) and r != m} for m, targets in
             graph.items()}
    # a package importing its own submodules (re-exports) is not a cycle of stages
    edges = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in edges.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*stack[stack.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
