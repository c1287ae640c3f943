"""Graph views for the explorer: a neighbourhood or a path as node-link JSON with positions
computed on the server (igraph Fruchterman-Reingold), so the browser draws without physics."""
from __future__ import annotations

import math
from typing import Any, Iterable

import networkx as nx

from graph.compact import CompactGraph, seeded_igraph
from graph.errors import NodeNotFound
from queries.paths import simple_graph

from .style import COLOURS, LABELS_ZH

DEFAULT_LIMIT = 300
MAX_LIMIT = 2000


def neighbourhood(g: nx.MultiDiGraph | CompactGraph, center: str, hops: int = 1, limit: int = DEFAULT_LIMIT,
                  labels: Iterable[str] | None = None, size_by: str = "degree",
                  allowed: set[str] | None = None) -> dict[str, Any]:
    """Nodes within `hops` of `center` (nearest first, then by degree), at most `limit`;
    with `allowed`, only through and to those nodes."""
    s = simple_graph(g)
    if center not in s:
        raise NodeNotFound(center)
    wanted = set(labels or [])
    if isinstance(s, CompactGraph):
        dist = s.within(center, hops, allowed)
    else:
        search = s.subgraph(allowed | {center}) if allowed is not None else s
        dist = nx.single_source_shortest_path_length(search, center, cutoff=hops)  # sizes: degree in the whole graph
    chosen = [n for n in dist if n == center or not wanted or s.nodes[n].get("label") in wanted]
    chosen.sort(key=lambda n: (dist[n], -s.degree(n), n))
    truncated = len(chosen) > limit
    return _view(s, chosen[:limit], size_by, {"center": center, "hops": hops, "limit": limit,
                                               "found": len(chosen), "truncated": truncated})


def path_view(g: nx.MultiDiGraph, nodes: list[str]) -> dict[str, Any]:
    return _view(simple_graph(g), nodes, "degree", {"path": nodes})


def _view(s: nx.Graph | CompactGraph, nodes: list[str], size_by: str, meta: dict[str, Any]) -> dict[str, Any]:
    sub = s.local(nodes) if isinstance(s, CompactGraph) else s.subgraph(nodes)
    positions = _layout(sub, nodes)
    if size_by == "pagerank" and sub.number_of_edges():
        score = nx.pagerank(sub)
    else:
        score = {n: float(s.degree(n)) for n in nodes}
    top = max(score.values(), default=1.0) or 1.0
    out_nodes = []
    for n in nodes:
        d = s.nodes[n]
        out_nodes.append({"id": n, "label": d.get("label"), "name": d.get("name_zh") or n,
                          "label_zh": LABELS_ZH.get(d.get("label"), d.get("label")),
                          "color": COLOURS.get(d.get("label"), "#999999"),
                          "size": round(8 + 22 * math.sqrt(score[n] / top), 1),
                          "x": positions[n][0], "y": positions[n][1]})
    links = []
    for u, v in sub.edges():
        for key, a, b, data in sub[u][v]["stored"]:
            links.append({"source": a, "target": b, "type": key, "sources": data.get("sources") or [],
                          "basis": data.get("basis") or "stated", "evidence": data.get("evidence") or []})
    if isinstance(s, CompactGraph):
        meta = {**meta, "evidence": "in the store: GET /api/entities/{id} lists each link with its sources"}
    return {"nodes": out_nodes, "links": links, "legend": {k: {"color": COLOURS[k], "zh": LABELS_ZH[k]}
                                                             for k in COLOURS}, "meta": meta}


def _layout(sub: nx.Graph, order: list[str]) -> dict[str, tuple[float, float]]:
    import igraph as ig
    if not order:
        return {}
    index = {n: i for i, n in enumerate(order)}
    # edges in a fixed order (the layout depends on it), whichever graph the view came from
    edges = sorted({tuple(sorted((index[u], index[v]))) for u, v in sub.edges()})
    h = ig.Graph(n=len(order), edges=edges)
    with seeded_igraph(len(order)):  # the same view every time, whichever thread draws it
        coords = h.layout_fruchterman_reingold(niter=300, seed=[[math.cos(i), math.sin(i)] for i in range(len(order))])
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = 120 * math.sqrt(len(order)) / span
    return {n: (round((coords[i][0] - min(xs)) * scale, 1), round((coords[i][1] - min(ys)) * scale, 1))
            for n, i in index.items()}
