"""Store -> networkx (filtered, cached until the store changes), store -> compact arrays
for large graphs, and networkx -> files.

`project(store, ...)` exports the store once per store generation and keeps the graph
with every property and piece of evidence; filters are applied to that cached graph.
`analysis_graph(store)` is what whole-graph analysis (centrality, gaps) calls: the same
projection for graphs below `Settings.compact_from` nodes, the `CompactGraph` of ids,
labels and typed edges above it (see graph/compact.py for why).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from . import schema
from .compact import CompactGraph
from .store import GraphData, GraphStore

EXPORT_FORMATS = ("graphml", "gexf", "json")


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """Every node (key: id; attributes: label and properties) and every edge
    (key: relationship type; attributes: type and properties)."""
    g = nx.MultiDiGraph()
    for n in data.nodes:
        g.add_node(n.id, label=n.label, **{k: v for k, v in n.props.items() if k != "id"})
    for e in data.edges:
        g.add_edge(e.source, e.target, key=e.type, type=e.type, **e.props)
    return g


def _per_generation(cache: dict[tuple[int, str], Any], store: GraphStore, build: Callable[[], Any]) -> Any:
    """`build()` once per store and generation; an older generation's entry is dropped."""
    key = (id(store), store.generation())
    if key not in cache:
        for old in [k for k in cache if k[0] == id(store)]:
            del cache[old]
        cache[key] = build()
    return cache[key]


_CACHE: dict[tuple[int, str], nx.MultiDiGraph] = {}


def project(store: GraphStore, labels: set[str] | None = None, types: set[str] | None = None,
            district: str | None = None, cluster: str | None = None) -> nx.MultiDiGraph:
    """The stored graph as a MultiDiGraph, optionally narrowed:
    `labels` / `types` keep only those node labels / relationship types;
    `district` / `cluster` keep the nodes within two hops of that district or cluster
    (e.g. a cluster, its segments, firms, supporting tech areas, and the actors researching them).
    Built once per store generation; filtered graphs are views-turned-copies of the cached one."""
    g = _per_generation(_CACHE, store, lambda: to_networkx(store.export()))
    return narrow(g, labels, types, district, cluster)


_COMPACT: dict[tuple[int, str], CompactGraph] = {}
_SIZES: dict[tuple[int, str], int] = {}


def project_compact(store: GraphStore) -> CompactGraph:
    """The analysis graph as arrays (Source nodes left out), built from the store's
    topology export once per store generation."""
    return _per_generation(_COMPACT, store, lambda: CompactGraph(store.export_topology(), exclude={schema.SOURCE}))


def analysis_graph(store: GraphStore, compact_from: int | None = None) -> nx.MultiDiGraph | CompactGraph:
    """The graph whole-graph analysis runs on: the full projection, or the compact one
    when the store holds `compact_from` nodes or more (default: the store's settings)."""
    limit = compact_from if compact_from is not None else store.settings.compact_from
    size = _per_generation(_SIZES, store, lambda: store.counts().total_nodes)
    return project_compact(store) if size >= limit else project(store)


def narrow(g: nx.MultiDiGraph, labels: set[str] | None = None, types: set[str] | None = None,
           district: str | None = None, cluster: str | None = None) -> nx.MultiDiGraph:
    for center in (district, cluster):
        if center is not None and center not in g:
            from .errors import NodeNotFound
            raise NodeNotFound(center)
    if not (labels or types or district or cluster):
        return g
    keep = set(g)
    if labels:
        keep = {n for n in keep if g.nodes[n]["label"] in labels}
    for center in (district, cluster):
        if center is not None:
            near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), center, cutoff=2)
            keep &= set(near)
    sub = g.subgraph(keep)
    if types:
        sub = sub.edge_subgraph([(u, v, k) for u, v, k in sub.edges(keys=True) if k in types])
        sub = nx.MultiDiGraph(sub)
        sub.add_nodes_from((n, g.nodes[n]) for n in keep)  # keep nodes that lost their edges
        return sub
    return nx.MultiDiGraph(sub)


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML and GEXF take scalars only: drop empty values, JSON-encode lists."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        out[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
    return out


def write_export(data: GraphData, fmt: str, path: Path) -> None:
    g = to_networkx(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        doc = nx.node_link_data(g, edges="links")
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _flat(a)) for n, a in g.nodes(data=True))
    flat.add_edges_from((u, v, k, _flat(a)) for u, v, k, a in g.edges(keys=True, data=True))
    if fmt == "graphml":
        nx.write_graphml(flat, path, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat, path, encoding="utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}")
