"""Paths between any two entities, with the evidence for every hop.

Paths ignore edge direction (cooperation runs both ways; "hosted by" links a lab to its
university either way) and return each hop's stored edges: type, direction, sources,
basis and, for derived relations, the events behind them.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("u", {"label": "University", "name_zh": "甲大学"}), ("p", {"label": "Platform", "name_zh": "乙实验室"}),
...                   ("c", {"label": "Cluster", "name_zh": "丙集群"})])
>>> g.add_edge("p", "u", key="HOSTED_BY", type="HOSTED_BY", sources=["s:1"])
'HOSTED_BY'
>>> g.add_edge("p", "c", key="LOCATED_IN", type="LOCATED_IN", sources=["s:2"])
'LOCATED_IN'
>>> [n["id"] for n in shortest_path(g, "u", "c")["nodes"]]
['u', 'p', 'c']
"""
from __future__ import annotations

import weakref
from typing import Any, Iterable

import networkx as nx

from graph import schema
from graph.compact import CompactGraph
from graph.errors import KgError, NodeNotFound

INNOVATION_LABELS = frozenset(n.label for n in schema.NODE_TYPES if n.side == schema.INNOVATION)
INDUSTRY_LABELS = frozenset(n.label for n in schema.NODE_TYPES if n.side == schema.INDUSTRY)
MAX_K = 50
TIE_LIMIT = 200  # extra equal-length paths read to order ties


class NoPath(KgError):
    def __init__(self, source: str, target: str, detail: str = ""):
        self.source, self.target = source, target
        super().__init__(f"no path from {source!r} to {target!r}{detail}")


# Caches keyed by the graph object itself (not stored in g.graph: networkx copies graph
# attributes into subgraphs and conversions, which would hand a filtered graph the full one's cache).
_SIMPLE: "weakref.WeakKeyDictionary[nx.MultiDiGraph, nx.Graph]" = weakref.WeakKeyDictionary()
NOT_IN_NETWORK = frozenset({schema.SOURCE})  # documents are provenance, not actors: two events
# reported in the same seed are not "two hops apart"


def simple_graph(g: nx.MultiDiGraph | CompactGraph) -> nx.Graph | CompactGraph:
    """Undirected simple graph of `g` without Source nodes, each edge holding every stored
    edge between its ends as evidence. Cached on the projection (rebuilt with it). A
    compact projection already is that graph (without the evidence) and is returned as is."""
    if isinstance(g, CompactGraph):
        return g
    cached = _SIMPLE.get(g)  # projections are not mutated once built
    if cached is not None:
        return cached
    s = nx.Graph()
    s.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d.get("label") not in NOT_IN_NETWORK)
    for u, v, key, data in g.edges(keys=True, data=True):
        if u not in s or v not in s:
            continue
        if s.has_edge(u, v):
            s[u][v]["stored"].append((key, u, v, data))
        else:
            s.add_edge(u, v, stored=[(key, u, v, data)])
    _SIMPLE[g] = s
    return s


def _restricted(s: nx.Graph, source: str, target: str, via_labels: Iterable[str] | None) -> nx.Graph:
    for node in (source, target):
        if node not in s:
            raise NodeNotFound(node)
    if not via_labels:
        return s
    allowed = set(via_labels)
    return nx.subgraph_view(s, filter_node=lambda n: n in (source, target) or s.nodes[n]["label"] in allowed)


def _hop(rel: str, source: str, target: str, props: dict[str, Any]) -> dict[str, Any]:
    """One stored edge of a path with its evidence."""
    return {"type": rel, "source": source, "target": target, "sources": props.get("sources") or [],
            "basis": props.get("basis") or "stated", "evidence": props.get("evidence") or [],
            "rationale": props.get("rationale")}


def describe(s: nx.Graph | CompactGraph, nodes: list[str]) -> dict[str, Any]:
    """A path as plain data: its nodes (id, label, name) and each hop's stored edges.
    On a compact projection the hops carry type and direction only (`sources` None:
    the evidence stays in the store)."""
    if isinstance(s, CompactGraph):
        hops = [{"type": key, "source": a if way == "out" else b, "target": b if way == "out" else a,
                 "sources": None, "basis": None, "evidence": None, "rationale": None}
                for a, b in zip(nodes, nodes[1:]) for key, way in s.between(a, b)]
        return {"hops": len(nodes) - 1, "nodes": [{"id": n, "label": s.label(n), "name_zh": s.nodes[n].get("name_zh")}
                                                  for n in nodes], "edges": hops}
    hops = [_hop(key, u, v, data) for a, b in zip(nodes, nodes[1:])
            for key, u, v, data in sorted(s[a][b]["stored"], key=lambda t: (t[0], t[1], t[2]))]
    return {"hops": len(nodes) - 1,
            "nodes": [{"id": n, "label": s.nodes[n].get("label"), "name_zh": s.nodes[n].get("name_zh")} for n in nodes],
            "edges": hops}


def shortest_path(g: nx.MultiDiGraph, source: str, target: str, max_hops: int | None = None,
                  via_labels: Iterable[str] | None = None) -> dict[str, Any]:
    """One shortest path (fewest hops); intermediate nodes limited to `via_labels` if given.
    Raises NoPath when none exists within `max_hops`."""
    s = simple_graph(g)
    if isinstance(s, CompactGraph):
        nodes = _compact_shortest(s, source, target, via_labels)
        if nodes is None:
            raise NoPath(source, target, _limits(None, via_labels))
    else:
        view = _restricted(s, source, target, via_labels)
        try:
            nodes = nx.bidirectional_shortest_path(view, source, target)
        except nx.NetworkXNoPath:
            raise NoPath(source, target, _limits(None, via_labels)) from None
    if max_hops is not None and len(nodes) - 1 > max_hops:
        raise NoPath(source, target, _limits(max_hops, via_labels))
    return describe(s, nodes)


def store_paths(store, source: str, target: str, k: int = 1, max_hops: int | None = None,
                via_labels: Iterable[str] | None = None) -> tuple[str, str, list[dict[str, Any]]]:
    """Paths between two entities (id, Chinese name or alias) of a store, on the graph
    analysis uses: k shortest on the full projection; on a compact one (a large store) the
    shortest path, its hops' evidence read from the store. Returns (source id, target id, paths)."""
    from graph.projection import analysis_graph

    from .entities import resolve
    g = analysis_graph(store)
    a, b = resolve(g, source), resolve(g, target)
    if not isinstance(g, CompactGraph):
        return a, b, k_shortest_paths(g, a, b, k=k, max_hops=max_hops, via_labels=via_labels)
    if k != 1:
        raise KgError(f"this store has {g.number_of_nodes():,} nodes, so paths run on the compact "
                      "projection, which finds the shortest path only: ask for k=1")
    return a, b, [with_evidence(shortest_path(g, a, b, max_hops=max_hops, via_labels=via_labels), store)]


def with_evidence(found: dict[str, Any], store) -> dict[str, Any]:
    """A path found on a compact projection, each hop's edges read from the store with
    their sources, basis and evidence (the compact graph holds only the topology)."""
    nodes = [n["id"] for n in found["nodes"]]
    hops = [_hop(e.type, e.source, e.target, e.props) for a, b in zip(nodes, nodes[1:])
            for e in sorted(store.edges_between(a, b), key=lambda e: (e.type, e.source, e.target))]
    return {**found, "edges": hops}


def _compact_shortest(c: CompactGraph, source: str, target: str,
                      via_labels: Iterable[str] | None) -> list[str] | None:
    """Bidirectional breadth-first search on the compact graph's arrays, a whole level at a
    time in numpy, growing the side whose frontier has fewer edges; None when there is no path.
    Of the nodes where the two searches meet first, the one nearest the other end wins (ties:
    the lowest id), so the path is a shortest one and the same every time."""
    import numpy as np
    for node in (source, target):
        if node not in c:
            raise NodeNotFound(node)
    a, b = c.index[source], c.index[target]
    if a == b:
        return [source]
    allowed = None
    if via_labels:
        codes = [c.label_names.index(lb) for lb in via_labels if lb in c.label_names]
        allowed = np.isin(c.codes, codes)
        allowed[[a, b]] = True
    parent, depth = c.scratch()  # per-thread arrays, all unseen; what this search touches is reset below
    touched: list[list] = [[np.array([a])], [np.array([b])]]
    parent[0][a], parent[1][b], depth[0][a], depth[1][b] = -1, -1, 0, 0
    try:
        return _bidirectional(c, a, b, allowed, parent, depth, touched)
    finally:
        for side in (0, 1):
            for nodes in touched[side]:
                parent[side][nodes] = -2
                depth[side][nodes] = -1


def _bidirectional(c, a, b, allowed, parent, depth, touched) -> list[str] | None:
    import numpy as np
    degree = c._degree
    frontier = [np.array([a]), np.array([b])]
    while frontier[0].size and frontier[1].size:
        side = 0 if degree[frontier[0]].sum() <= degree[frontier[1]].sum() else 1
        found, came_from = c.expand(frontier[side])
        keep = parent[side][found] == -2
        if allowed is not None:
            keep &= allowed[found]
        found, first = np.unique(found[keep], return_index=True)  # each new node once, from its first parent
        came_from = came_from[keep][first]
        parent[side][found] = came_from
        depth[side][found] = depth[side][came_from] + 1
        touched[side].append(found)
        met = found[depth[1 - side][found] >= 0]
        if met.size:
            w = int(met[np.argmin(depth[1 - side][met])])  # argmin takes the lowest index on ties
            half, x = [], w
            while x != -1:
                half.append(x)
                x = int(parent[0][x])
            path, x = half[::-1], int(parent[1][w])
            while x != -1:
                path.append(x)
                x = int(parent[1][x])
            return [c.ids[i] for i in path]
        frontier[side] = found
    return None


def k_shortest_paths(g: nx.MultiDiGraph, source: str, target: str, k: int = 3, max_hops: int | None = None,
                     via_labels: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Up to `k` shortest simple paths, fewest hops first; paths of equal length in the
    order of their node ids, so the answer does not depend on how the graph was built."""
    if not 1 <= k <= MAX_K:
        raise ValueError(f"k must be between 1 and {MAX_K}")
    if isinstance(g, CompactGraph):
        raise ValueError("k shortest paths need the full projection; on a compact one use shortest_path")
    s = simple_graph(g)
    view = _restricted(s, source, target, via_labels)
    found: list[list[str]] = []
    try:
        for nodes in nx.shortest_simple_paths(view, source, target):
            if max_hops is not None and len(nodes) - 1 > max_hops:
                break
            if len(found) >= k and len(nodes) > len(found[k - 1]) or len(found) >= k + TIE_LIMIT:
                break  # the tie group at the k-th length is complete
            found.append(nodes)
    except nx.NetworkXNoPath:
        pass
    if not found:
        raise NoPath(source, target, _limits(max_hops, via_labels))
    found.sort(key=lambda nodes: (len(nodes), nodes))
    return [describe(s, nodes) for nodes in found[:k]]


def routes_to_cluster(g: nx.MultiDiGraph, cluster: str, max_hops: int = 3) -> list[dict[str, Any]]:
    """Every innovation-side node (university, institute, platform, tech area) within
    `max_hops` of the cluster, with one shortest route each; nearest first, then by id."""
    s = simple_graph(g)
    if cluster not in s:
        raise NodeNotFound(cluster)
    paths = nx.single_source_shortest_path(s, cluster, cutoff=max_hops)
    found = [(len(p) - 1, n) for n, p in paths.items() if s.nodes[n].get("label") in INNOVATION_LABELS]
    return [describe(s, list(reversed(paths[n]))) for _, n in sorted(found)]


def _limits(max_hops: int | None, via_labels: Iterable[str] | None) -> str:
    parts = []
    if max_hops is not None:
        parts.append(f"within {max_hops} hops")
    if via_labels:
        parts.append("only through " + ", ".join(sorted(via_labels)))
    return f" ({'; '.join(parts)})" if parts else ""
