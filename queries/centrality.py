"""Centrality on the undirected projection: degree, betweenness, PageRank, harmonic
closeness, cross-chain betweenness and Louvain communities.

Two engines give the same numbers: networkx (reference) and igraph (compiled, used
when the graph is large). Betweenness and harmonic closeness are exact up to
`exact_limit` nodes and estimated from `sample` random sources above it; the result
says which, with the sample size and seed.

>>> import networkx as nx
>>> s = nx.Graph([("a", "b"), ("b", "c"), ("b", "d")])
>>> nx.set_node_attributes(s, "Enterprise", "label")
>>> betweenness(s, engine="networkx")[0]["b"]
1.0
"""
from __future__ import annotations

import random
import time
import weakref
from typing import Any, Callable

import networkx as nx

from graph.compact import CompactGraph, seeded_igraph

from .paths import INDUSTRY_LABELS, INNOVATION_LABELS, simple_graph

EXACT_LIMIT = 5000
SAMPLE = 256
IGRAPH_FROM = 2000  # nodes from which "auto" uses igraph
METRICS = ("degree", "betweenness", "pagerank", "harmonic", "cross_chain_betweenness")


def _engine(s: nx.Graph | CompactGraph, engine: str) -> str:
    if engine not in ("auto", "networkx", "igraph"):
        raise ValueError("engine must be auto, networkx or igraph")
    if isinstance(s, CompactGraph):
        if engine == "networkx":
            raise ValueError("a compact projection (large graph) is analysed with igraph only")
        return "igraph"
    if engine == "auto":
        return "igraph" if s.number_of_nodes() >= IGRAPH_FROM else "networkx"
    return engine


def to_igraph(s: nx.Graph):
    """(igraph.Graph, node ids in vertex order). Vertices are numbered in id order (as in
    `CompactGraph`), so seeded results such as communities do not depend on build order."""
    import igraph as ig
    ids = sorted(s.nodes)
    index = {n: i for i, n in enumerate(ids)}
    return ig.Graph(n=len(ids), edges=[(index[u], index[v]) for u, v in s.edges()]), ids


_IGRAPH: "weakref.WeakKeyDictionary[nx.Graph, tuple]" = weakref.WeakKeyDictionary()


def igraph_of(s: nx.Graph | CompactGraph):
    if isinstance(s, CompactGraph):
        return s.igraph()
    cached = _IGRAPH.get(s)
    if cached is None:
        cached = _IGRAPH[s] = to_igraph(s)
    return cached


def _sample(nodes: list, size: int, seed: int) -> list:
    return random.Random(seed).sample(sorted(nodes, key=str), size)


def degree(s: nx.Graph, engine: str = "auto") -> tuple[dict[str, float], dict[str, Any]]:
    """Number of distinct neighbours."""
    return {n: float(d) for n, d in s.degree()}, {"method": "exact"}


def betweenness(s: nx.Graph, engine: str = "auto", exact_limit: int = EXACT_LIMIT, sample: int = SAMPLE,
                seed: int = 1) -> tuple[dict[str, float], dict[str, Any]]:
    """Share of all shortest paths between other pairs that pass through a node
    (normalised to [0, 1]); estimated from `sample` sources above `exact_limit` nodes."""
    n = s.number_of_nodes()
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    exact = n <= exact_limit or n <= sample
    meta = {"method": "exact"} if exact else {"method": "sampled", "sample": sample, "seed": seed}
    if _engine(s, engine) == "networkx":
        if exact:
            raw = nx.betweenness_centrality(s, normalized=False)
        else:
            sources = _sample(list(s), sample, seed)
            raw = nx.betweenness_centrality_subset(s, sources, list(s), normalized=False)
            raw = {v: x * n / sample for v, x in raw.items()}
        return {v: x * scale for v, x in raw.items()}, meta
    g, ids = igraph_of(s)
    if exact:
        values = g.betweenness(directed=False)
    else:
        index = {v: i for i, v in enumerate(ids)}
        values = [x * n / sample for x in g.betweenness(directed=False,
                                                          sources=[index[v] for v in _sample(ids, sample, seed)])]
    return {v: x * scale for v, x in zip(ids, values)}, meta


def pagerank(s: nx.Graph, engine: str = "auto", damping: float = 0.85) -> tuple[dict[str, float], dict[str, Any]]:
    """PageRank of the undirected graph (each edge both ways), damping 0.85."""
    meta = {"method": "exact", "damping": damping}
    if _engine(s, engine) == "networkx":
        return nx.pagerank(s, alpha=damping, tol=1e-10), meta
    g, ids = igraph_of(s)
    return dict(zip(ids, g.pagerank(directed=False, damping=damping))), meta


def harmonic(s: nx.Graph, engine: str = "auto", exact_limit: int = EXACT_LIMIT, sample: int = SAMPLE,
             seed: int = 1) -> tuple[dict[str, float], dict[str, Any]]:
    """Harmonic closeness: mean of 1/distance to every other node (0 for unreachable),
    in [0, 1]; estimated from `sample` sources above `exact_limit` nodes."""
    n = s.number_of_nodes()
    if n < 2:
        return {v: 0.0 for v in s}, {"method": "exact"}
    if n <= exact_limit or n <= sample:
        if _engine(s, engine) == "networkx":
            raw = nx.harmonic_centrality(s)
        else:
            g, ids = igraph_of(s)
            raw = dict(zip(ids, g.harmonic_centrality(normalized=False)))
        return {v: x / (n - 1) for v, x in raw.items()}, {"method": "exact"}
    sources = _sample(list(s), sample, seed)
    total = dict.fromkeys(s, 0.0)
    if _engine(s, engine) == "networkx":
        for src in sources:
            for v, d in nx.single_source_shortest_path_length(s, src).items():
                if d:
                    total[v] += 1.0 / d
    else:
        g, ids = igraph_of(s)
        index = {v: i for i, v in enumerate(ids)}
        import numpy as np
        sums = np.zeros(len(ids))
        for start in range(0, len(sources), 16):
            d = np.asarray(g.distances(source=[index[v] for v in sources[start:start + 16]]), dtype=float)
            with np.errstate(divide="ignore"):
                inv = np.where((d > 0) & np.isfinite(d), 1.0 / d, 0.0)
            sums += inv.sum(axis=0)
        total = dict(zip(ids, sums.tolist()))
    chosen = set(sources)
    share = {v: x / (sample - (1 if v in chosen else 0)) for v, x in total.items()}
    return share, {"method": "sampled", "sample": sample, "seed": seed}


def cross_chain_betweenness(s: nx.Graph, engine: str = "auto", sample: int = SAMPLE, seed: int = 1
                            ) -> tuple[dict[str, float], dict[str, Any]]:
    """Share of shortest paths from innovation-side nodes (universities, institutes,
    platforms, tech areas) to industry-side nodes (enterprises, segments, clusters)
    that pass through each node: who brokers between the two chains."""
    sources = [v for v, d in s.nodes(data=True) if d.get("label") in INNOVATION_LABELS]
    targets = [v for v, d in s.nodes(data=True) if d.get("label") in INDUSTRY_LABELS]
    pairs = len(sources) * len(targets)
    meta: dict[str, Any] = {"method": "exact", "sources": len(sources), "targets": len(targets)}
    if not pairs:
        return {v: 0.0 for v in s}, meta
    used = sources
    if len(sources) > sample:
        used = _sample(sources, sample, seed)
        meta = {**meta, "method": "sampled", "sample": sample, "seed": seed}
    factor = len(sources) / len(used) / pairs
    if _engine(s, engine) == "networkx":
        raw = nx.betweenness_centrality_subset(s, used, targets, normalized=False)
        # networkx halves subset betweenness on undirected graphs; pairs here are ordered (source side, target side)
        return {v: 2 * x * factor for v, x in raw.items()}, meta
    g, ids = igraph_of(s)
    index = {v: i for i, v in enumerate(ids)}
    values = g.betweenness(directed=False, sources=[index[v] for v in used], targets=[index[v] for v in targets])
    return {v: 2 * x * factor for v, x in zip(ids, values)}, meta


def communities(s: nx.Graph, seed: int = 1, engine: str = "auto") -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Louvain communities (seeded), largest first, each with how mixed it is between
    the innovation side and the industry side (`innovation_share` of its chain nodes)."""
    if _engine(s, engine) == "networkx":
        groups = nx.community.louvain_communities(s, seed=seed)
    else:
        g, ids = igraph_of(s)
        with seeded_igraph(seed):  # seeded on whichever thread runs it (API requests run on workers)
            parts = g.community_multilevel()
        groups = [{ids[i] for i in part} for part in parts]
    out = []
    for members in sorted(groups, key=lambda m: (-len(m), min(map(str, m)))):
        labels = [s.nodes[v].get("label") for v in members]
        innov = sum(lb in INNOVATION_LABELS for lb in labels)
        ind = sum(lb in INDUSTRY_LABELS for lb in labels)
        hubs = sorted(members, key=lambda v: (-s.degree(v), v))[:5]
        out.append({"size": len(members), "innovation": innov, "industry": ind,
                    "innovation_share": round(innov / (innov + ind), 4) if innov + ind else None,
                    "mixed": bool(innov and ind),
                    "hubs": [{"id": v, "name_zh": s.nodes[v].get("name_zh")} for v in hubs]})
    return out, {"method": "louvain", "seed": seed, "count": len(out)}


FUNCTIONS: dict[str, Callable] = {"degree": degree, "betweenness": betweenness, "pagerank": pagerank,
                                  "harmonic": harmonic, "cross_chain_betweenness": cross_chain_betweenness}


def top(scores: dict[str, float], s: nx.Graph, n: int = 10, label: str | None = None) -> list[dict[str, Any]]:
    """Highest scores first, ties by id; optionally one label only."""
    rows = [(v, x) for v, x in scores.items() if label is None or s.nodes[v].get("label") == label]
    rows.sort(key=lambda r: (-r[1], str(r[0])))
    return [{"id": v, "label": s.nodes[v].get("label"), "name_zh": s.nodes[v].get("name_zh"),
             "score": round(x, 6)} for v, x in rows[:n]]


def centrality_report(g: nx.MultiDiGraph, metrics: tuple[str, ...] = METRICS, label: str | None = None,
                      top_n: int = 10, engine: str = "auto", seed: int = 1, with_communities: bool = True,
                      progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Every metric's top nodes (overall or for one label), how it was computed, and
    the communities; with timings per step."""
    s = simple_graph(g)
    report: dict[str, Any] = {"nodes": s.number_of_nodes(), "edges": s.number_of_edges(),
                              "engine": _engine(s, engine), "metrics": {}}
    for name in metrics:
        if name not in FUNCTIONS:
            raise ValueError(f"unknown metric {name!r}; known: {', '.join(METRICS)}")
        if progress:
            progress(name)
        started = time.perf_counter()
        kwargs = {"engine": engine} | ({"seed": seed} if name in ("betweenness", "harmonic",
                                                                   "cross_chain_betweenness") else {})
        scores, meta = FUNCTIONS[name](s, **kwargs)
        report["metrics"][name] = {**meta, "seconds": round(time.perf_counter() - started, 3),
                                   "top": top(scores, s, top_n, label)}
    if with_communities:
        if progress:
            progress("communities")
        started = time.perf_counter()
        groups, meta = communities(s, seed=seed, engine=engine)
        report["communities"] = {**meta, "seconds": round(time.perf_counter() - started, 3),
                                 "largest": groups[:top_n]}
    return report
