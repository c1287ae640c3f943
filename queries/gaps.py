"""Named gap metrics: where the innovation chain and the industry chain fail to meet.

Each public function is one rule with a one-sentence definition, works on the
undirected analysis graph (`paths.simple_graph`, Source nodes left out), returns plain
rows sorted deterministically, and names the nodes behind every number.

A cluster's *scope* is the cluster and its segments (Segment -PART_OF-> Cluster).
"""
from __future__ import annotations

import math
import warnings
import weakref
from collections import defaultdict
from typing import Any, Iterable

import networkx as nx

from graph import schema
from graph.compact import CompactGraph
from .paths import INNOVATION_LABELS, simple_graph

ACTORS_INNOVATION = (schema.UNIVERSITY, schema.INSTITUTE, schema.PLATFORM)


# ------------------------------------------------------------------ graph helpers
_VIEWS: "weakref.WeakKeyDictionary[nx.MultiDiGraph, View]" = weakref.WeakKeyDictionary()


class View:
    """Typed neighbourhood look-ups on the analysis graph, indexed per node on first use.
    `View.of(g)` keeps one per projection, so all metrics share the indexes."""

    def __new__(cls, g: nx.MultiDiGraph):
        cached = _VIEWS.get(g)
        if cached is None:
            cached = super().__new__(cls)
            cached._setup(g)
            _VIEWS[g] = cached
        return cached

    def __init__(self, g: nx.MultiDiGraph):
        pass

    def _setup(self, g: nx.MultiDiGraph) -> None:
        self.g = g
        self.s = simple_graph(g)
        self.compact = isinstance(self.s, CompactGraph)
        self._profiles: dict[str, dict[str, set[str]]] = {}
        self._index: dict[str, dict[tuple[str, str], set[str]]] = {}
        self._scopes: dict[str, set[str]] = {}

    def profile(self, cluster: str) -> dict[str, set[str]]:
        if cluster not in self._profiles:
            self._profiles[cluster] = cluster_profile(self, cluster)
        return self._profiles[cluster]

    def label(self, n: str) -> str | None:
        return self.s.label(n) if self.compact else self.s.nodes[n].get("label")

    def name(self, n: str) -> str | None:
        return self.s.nodes[n].get("name_zh")

    def attr(self, n: str, key: str) -> Any:
        return self.s.nodes[n].get(key)

    def of(self, label: str) -> list[str]:
        if self.compact:
            return self.s.of_label(label)
        return sorted(n for n, d in self.s.nodes(data=True) if d.get("label") == label)

    def linked(self, n: str, rel: str, direction: str, labels: Iterable[str] | None = None) -> set[str]:
        """Neighbours joined to `n` by `rel`; direction 'out' means n -[rel]-> neighbour."""
        index = self._index.get(n)
        if index is None:
            index = self._index[n] = defaultdict(set)
            if self.compact:
                for key, way, other in self.s.typed(n):
                    index[(key, way)].add(other)
            else:
                for other in self.s[n]:
                    for key, u, _, _ in self.s[n][other]["stored"]:
                        index[(key, "out" if u == n else "in")].add(other)
        found = index.get((rel, direction), set())
        if labels is None:
            return set(found)
        wanted = set(labels)
        return {x for x in found if self.label(x) in wanted}

    def scope(self, cluster: str) -> set[str]:
        if cluster not in self._scopes:
            self._scopes[cluster] = {cluster} | self.linked(cluster, schema.PART_OF, "in", [schema.SEGMENT])
        return self._scopes[cluster]

    def supporting(self, cluster: str) -> set[str]:
        """Tech areas that support a cluster or one of its segments."""
        return self.profile(cluster)["tech_areas"]

    def cluster_of(self, node: str) -> set[str]:
        """The cluster(s) a cluster or segment belongs to."""
        if self.label(node) == schema.CLUSTER:
            return {node}
        return self.linked(node, schema.PART_OF, "out", [schema.CLUSTER])

    def level(self, n: str) -> str:
        return self.attr(n, "level") or "other"

    def brief(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        return [{"id": i, "label": self.label(i), "name_zh": self.name(i)} for i in sorted(ids)]


def _share_of_max(values: list[float]) -> list[float]:
    top = max(values, default=0)
    return [v / top if top else 0.0 for v in values]


def _minmax(values: list[float]) -> list[float]:
    lo, hi = min(values, default=0.0), max(values, default=0.0)
    return [0.0 if hi == lo else (v - lo) / (hi - lo) for v in values]


# ------------------------------------------------------------------ cluster supply
def cluster_profile(v: View, cluster: str) -> dict[str, set[str]]:
    """The innovation supply and the industry base of one cluster, as node sets."""
    scope = v.scope(cluster)
    tech = set().union(*(v.linked(x, schema.SUPPORTS, "in", [schema.TECH_AREA]) for x in scope))
    researchers = set().union(*(v.linked(t, schema.RESEARCHES, "in", ACTORS_INNOVATION) for t in tech)) if tech else set()
    firms = set().union(*(v.linked(x, schema.IN_CLUSTER, "in", [schema.ENTERPRISE]) for x in scope))
    leading = set().union(*(v.linked(x, schema.LEADS, "in", [schema.ENTERPRISE]) for x in scope))
    events = set().union(*(v.linked(x, schema.CONCERNS, "in", [schema.EVENT]) for x in scope))
    for f in firms:
        events |= v.linked(f, schema.PARTICIPATED_IN, "out", [schema.EVENT])
    partners = set()
    for f in firms:
        partners |= v.linked(f, schema.COOPERATES_WITH, "out", ACTORS_INNOVATION)
        partners |= v.linked(f, schema.COOPERATES_WITH, "in", ACTORS_INNOVATION)
    for e in events:
        partners |= v.linked(e, schema.PARTICIPATED_IN, "in", ACTORS_INNOVATION)
    actors = researchers | partners
    districts = set().union(*(v.linked(x, schema.PRIORITIZES, "in", [schema.DISTRICT]) for x in scope))
    return {"tech_areas": tech, "universities": {a for a in actors if v.label(a) == schema.UNIVERSITY},
            "platforms_national": {a for a in actors if v.label(a) != schema.UNIVERSITY and v.level(a) == "national"},
            "platforms_municipal": {a for a in actors if v.label(a) != schema.UNIVERSITY and v.level(a) == "municipal"},
            "platforms_other": {a for a in actors if v.label(a) != schema.UNIVERSITY
                                and v.level(a) not in ("national", "municipal")},
            "events": events, "enterprises": firms, "leading": leading, "districts": districts}


SUPPLY_KEYS = ("universities", "platforms_national", "platforms_municipal", "platforms_other", "tech_areas", "events")
BASE_KEYS = ("enterprises", "leading", "districts")


def cluster_supply_gap(g: nx.MultiDiGraph, flag_share: float = 0.25) -> list[dict[str, Any]]:
    """Per cluster, innovation supply (universities and platforms that research a tech area
    supporting it or cooperate with its firms, supporting tech areas, cooperation events)
    against its industry base (its enterprises, leading firms and the districts that
    prioritise it); `gap` = base index − supply index, each the cluster's sum divided by the
    largest cluster's,
    and the weakest are flagged: `no_supply` where nothing supplies a cluster that has an
    industry base, `weak` for the lowest `flag_share` of supply among the rest.

    >>> from queries.gaps import _demo
    >>> [(r["id"], r["supply"], r["base"], r["flag"]) for r in cluster_supply_gap(_demo())]
    [('cluster.b', 0, 3, 'no_supply'), ('cluster.a', 3, 4, None)]
    """
    v = View(g)
    clusters = v.of(schema.CLUSTER)
    profiles = {c: v.profile(c) for c in clusters}
    supply = [sum(len(profiles[c][k]) for k in SUPPLY_KEYS) for c in clusters]
    base = [sum(len(profiles[c][k]) for k in BASE_KEYS) for c in clusters]
    s_idx, b_idx = _share_of_max(supply), _share_of_max(base)
    rows = []
    for c, sup, bas, si, bi in zip(clusters, supply, base, s_idx, b_idx):
        p = profiles[c]
        rows.append({"id": c, "name_zh": v.name(c), "tier_rank": v.attr(c, "tier_rank"),
                     "supply": sup, "base": bas, "supply_index": round(si, 4), "base_index": round(bi, 4),
                     "gap": round(bi - si, 4), "counts": {k: len(p[k]) for k in SUPPLY_KEYS + BASE_KEYS},
                     "evidence": {k: sorted(p[k]) for k in SUPPLY_KEYS + BASE_KEYS}, "flag": None})
    with_base = sorted((r for r in rows if r["base"] > 0 and r["supply"] > 0), key=lambda r: (r["supply"], r["id"]))
    weak = {r["id"] for r in with_base[:math.floor(len(with_base) * flag_share)]}
    for r in rows:
        if r["base"] > 0 and r["supply"] == 0:
            r["flag"] = "no_supply"
        elif r["id"] in weak:
            r["flag"] = "weak"
    return sorted(rows, key=lambda r: (-r["gap"], r["id"]))


# ------------------------------------------------------------------ absorption
def absorption_gap(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Tech areas with research supply but little local industry to take it up: for each
    tech area, the innovation actors researching it against the enterprises in the clusters
    (and segments) it supports; `ratio` = researchers / (1 + enterprises), highest first;
    flagged `no_industry` when researchers exist and no enterprise does.

    >>> from queries.gaps import _demo
    >>> [(r["id"], r["researchers"], r["enterprises"], r["flag"]) for r in absorption_gap(_demo())]
    [('tech.y', 1, 0, 'no_industry'), ('tech.x', 2, 2, None)]
    """
    v = View(g)
    rows = []
    for t in v.of(schema.TECH_AREA):
        researchers = v.linked(t, schema.RESEARCHES, "in", ACTORS_INNOVATION)
        targets = v.linked(t, schema.SUPPORTS, "out")
        clusters = set().union(*(v.cluster_of(x) for x in targets)) if targets else set()
        firms = set()
        for x in targets:
            scope = v.scope(x) if v.label(x) == schema.CLUSTER else {x}
            for y in scope:
                firms |= v.linked(y, schema.IN_CLUSTER, "in", [schema.ENTERPRISE])
        rows.append({"id": t, "name_zh": v.name(t), "researchers": len(researchers), "enterprises": len(firms),
                     "clusters": sorted(clusters), "ratio": round(len(researchers) / (1 + len(firms)), 4),
                     "flag": "no_industry" if researchers and not firms else None,
                     "evidence": {"researchers": sorted(researchers), "enterprises": sorted(firms)}})
    return sorted(rows, key=lambda r: (-r["ratio"], r["id"]))


# ------------------------------------------------------------------ coupling coordination
LEVELS = ((0.1, "极度失调", "extreme imbalance"), (0.2, "严重失调", "serious imbalance"),
          (0.3, "中度失调", "moderate imbalance"), (0.4, "轻度失调", "mild imbalance"),
          (0.5, "濒临失调", "on the verge of imbalance"), (0.6, "勉强协调", "barely coordinated"),
          (0.7, "初级协调", "primary coordination"), (0.8, "中级协调", "intermediate coordination"),
          (0.9, "良好协调", "good coordination"), (1.0, "优质协调", "quality coordination"))


def entropy_weights(matrix: list[list[float]]) -> tuple[list[float], list[list[float]]]:
    """Entropy-weight method on a units × indicators matrix of positive indicators:
    min-max scale each column to [0, 1]; p_ij = x_ij / Σ_i x_ij; e_j = −Σ_i p_ij ln p_ij / ln m
    (0·ln 0 = 0); d_j = 1 − e_j; w_j = d_j / Σ d_j. A column that is constant, or all zero,
    carries no information and gets weight 0. Returns (weights, scaled matrix).

    >>> w, _ = entropy_weights([[0, 1], [1, 1], [2, 1]])
    >>> w
    [1.0, 0.0]
    """
    m = len(matrix)
    cols = list(zip(*matrix)) if matrix else []
    scaled_cols = [_minmax(list(col)) for col in cols]
    d = []
    for col in scaled_cols:
        total = sum(col)
        if m < 2 or total == 0:
            d.append(0.0)
            continue
        e = -sum((x / total) * math.log(x / total) for x in col if x > 0) / math.log(m)
        d.append(1.0 - e)
    sd = sum(d)
    weights = [x / sd if sd else 0.0 for x in d]
    scaled = [list(row) for row in zip(*scaled_cols)] if scaled_cols else [[] for _ in matrix]
    return weights, scaled


def coupling(u1: float, u2: float, corrected: bool = False) -> float:
    """Coupling degree C of two systems.

    Standard: C = 2·sqrt(U1·U2) / (U1 + U2) (that is, [U1·U2 / ((U1+U2)/2)²]^½; 0 when both
    are 0). Corrected (Wang Shujia et al., 2021, 自然资源学报 36(3): "国内耦合协调度模型的误区及
    修正"): C = sqrt[(1 − |U2 − U1|) · min(U1,U2) / max(U1,U2)], which does not reach 1 merely
    because two weak systems are equally weak. (Checked against the paper's Table 8: only this
    reading fits its published original/corrected pairs with U in [0, 1].)

    >>> round(coupling(0.2, 0.8), 4), round(coupling(0.2, 0.8, corrected=True), 4)
    (0.8, 0.3162)
    """
    if u1 + u2 == 0:
        return 0.0
    if not corrected:
        return 2 * math.sqrt(u1 * u2) / (u1 + u2)
    lo, hi = min(u1, u2), max(u1, u2)
    return math.sqrt((1 - abs(u2 - u1)) * lo / hi)


def level_of(d: float, lang: str = "zh") -> str:
    for upper, zh, en in LEVELS:
        if d <= upper + 1e-12:
            return zh if lang == "zh" else en
    return LEVELS[-1][1]


def unit_indicators(v: View, unit: str) -> tuple[dict[str, float], dict[str, float]]:
    """Graph indicators of one cluster or district: (innovation side, industry side)."""
    if v.label(unit) == schema.CLUSTER:
        p = v.profile(unit)
        innovation = {k: float(len(p[k])) for k in SUPPLY_KEYS}
        industry = {k: float(len(p[k])) for k in BASE_KEYS}
        return innovation, industry
    local = v.linked(unit, schema.LOCATED_IN, "in")
    events = v.linked(unit, schema.HELD_IN, "in", [schema.EVENT])
    innov = {a for a in local if v.label(a) in ACTORS_INNOVATION}
    innovation = {"universities": float(sum(v.label(a) == schema.UNIVERSITY for a in innov)),
                  "platforms_national": float(sum(v.label(a) != schema.UNIVERSITY and v.level(a) == "national"
                                                  for a in innov)),
                  "platforms_other": float(sum(v.label(a) != schema.UNIVERSITY and v.level(a) != "national"
                                               for a in innov)),
                  "events": float(len(events))}
    firms = {a for a in local if v.label(a) == schema.ENTERPRISE}
    industry = {"enterprises": float(len(firms)),
                "leading": float(sum(bool(v.attr(f, "leading")) for f in firms)),
                "priority_clusters": float(len(v.linked(unit, schema.PRIORITIZES, "out")))}
    return innovation, industry


def coupling_coordination(g: nx.MultiDiGraph, unit: str = "cluster", corrected: bool = False,
                          alpha: float = 0.5, lang: str = "zh") -> dict[str, Any]:
    """Coupling-coordination degree D = sqrt(C·T) of an innovation index U1 and an industry
    index U2 per cluster (or district): indicators from the graph, min-max scaled across
    units, combined with entropy weights (computed separately for each side), T = α·U1 +
    (1−α)·U2, C standard or corrected (see `coupling`); with the level band, the lagging side,
    and every input and weight.

    >>> from queries.gaps import _demo
    >>> [(r["id"], r["U1"], r["U2"], r["D"], r["lagging"]) for r in coupling_coordination(_demo())["rows"]]
    [('cluster.a', 1.0, 1.0, 1.0, None), ('cluster.b', 0.0, 0.0, 0.0, None)]
    """
    if unit not in ("cluster", "district"):
        raise ValueError("unit must be cluster or district")
    v = View(g)
    units = v.of(schema.CLUSTER if unit == "cluster" else schema.DISTRICT)
    data = [unit_indicators(v, u) for u in units]
    names1 = list(data[0][0]) if data else []
    names2 = list(data[0][1]) if data else []
    w1, x1 = entropy_weights([[d[0][k] for k in names1] for d in data])
    w2, x2 = entropy_weights([[d[1][k] for k in names2] for d in data])
    rows = []
    for i, u in enumerate(units):
        u1 = sum(w * x for w, x in zip(w1, x1[i]))
        u2 = sum(w * x for w, x in zip(w2, x2[i]))
        c = coupling(u1, u2, corrected)
        t = alpha * u1 + (1 - alpha) * u2
        d = math.sqrt(c * t)
        lag = None if abs(u1 - u2) < 1e-9 else ("innovation" if u1 < u2 else "industry")
        rows.append({"id": u, "name_zh": v.name(u), "U1": round(u1, 4), "U2": round(u2, 4), "C": round(c, 4),
                     "T": round(t, 4), "D": round(d, 4), "level": level_of(d, lang), "lagging": lag,
                     "inputs": {"innovation": data[i][0], "industry": data[i][1]}})
    rows.sort(key=lambda r: (-r["D"], r["id"]))
    return {"unit": unit, "rows": rows,
            "weights": {"innovation": dict(zip(names1, (round(w, 4) for w in w1))),
                        "industry": dict(zip(names2, (round(w, 4) for w in w2)))},
            "method": {"C": "corrected (Wang et al. 2021)" if corrected else "standard 2·sqrt(U1·U2)/(U1+U2)",
                       "T": f"{alpha}·U1 + {1 - alpha}·U2", "D": "sqrt(C·T)",
                       "scaling": "min-max across units", "weights": "entropy method, per side"}}


# ------------------------------------------------------------------ fragility
def single_points_of_failure(g: nx.MultiDiGraph, max_routes: int = 5) -> list[dict[str, Any]]:
    """Per cluster, the number of independent routes (node-disjoint paths, counted up to
    `max_routes`) to the innovation side, and the nodes and links whose removal alone would
    cut the cluster off from every university, institute, platform and tech area.

    >>> from queries.gaps import _demo
    >>> [(r["id"], r["routes"], r["cut_nodes"], r["cut_edges"]) for r in single_points_of_failure(_demo())]
    [('cluster.b', 1, ['district.d'], [['cluster.b', 'district.d']]), ('cluster.a', 2, [], [])]
    """
    from .centrality import igraph_of
    v = View(g)
    base, ids = igraph_of(v.s)
    index = {n: i for i, n in enumerate(ids)}
    side = len(ids)  # one extra vertex joined to every innovation-side node
    a = base.copy()
    a.add_vertices(1)
    a.add_edges([(side, index[n]) for label in sorted(INNOVATION_LABELS) for n in v.of(label)])
    directed = a.as_directed(mode="mutual")            # for dominator trees
    bridges = {frozenset(a.es[e].tuple) for e in a.bridges()}
    routes_to_side = _route_counter(a, side, max_routes)
    rows = []
    for c in v.of(schema.CLUSTER):
        ci = index[c]
        with warnings.catch_warnings():  # igraph warns when the side is unreachable: that is a finding here
            warnings.simplefilter("ignore", RuntimeWarning)
            path = a.get_shortest_path(ci, side)
        if len(path) < 2:
            routes = 0
        else:
            routes = routes_to_side(ci)
        cut_nodes, cut_edges = _cuts(directed, bridges, ci, side, path, ids) if routes == 1 else ([], [])
        rows.append({"id": c, "name_zh": v.name(c), "routes": routes, "cut_off": routes == 0,
                     "cut_nodes": cut_nodes, "cut_edges": cut_edges,
                     "cut_node_names": [v.name(n) for n in cut_nodes]})
    return sorted(rows, key=lambda r: (r["routes"], r["id"]))


def _route_counter(a, side: int, cap: int):
    """Count node-disjoint routes from a vertex to `side`, stopping at `cap`: a max flow on
    the node-split graph (each vertex an in→out arc of capacity 1), fed by a super-source
    whose single arc to the start vertex has capacity `cap`. Built once, reused per cluster."""
    import igraph as ig
    import numpy as np
    n = a.vcount()
    ends = np.array(a.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    x, y = ends[:, 0], ends[:, 1]
    every = np.arange(n, dtype=np.int64)
    source = 2 * n
    tails = np.concatenate([every, n + x, n + y, np.full(n, source)])  # v_in = v, v_out = n + v
    heads = np.concatenate([n + every, y, x, every])  # last: one arc per vertex; only the asked one is opened
    caps = [1] * (n + 2 * len(x)) + [0] * n
    flow_graph = ig.Graph(n=2 * n + 1, edges=list(zip(tails.tolist(), heads.tolist())), directed=True)
    first_source_arc = len(caps) - n

    def count(start: int) -> int:
        capacity = list(caps)
        capacity[first_source_arc + start] = cap
        capacity[start] = cap                # the start and the side are not limited to one route
        capacity[side] = cap * 2 + n
        return int(flow_graph.maxflow_value(source, n + side, capacity=capacity))
    return count


def _cuts(directed, bridges: set, c: int, side: int, path: list[int], ids: list[str]
          ) -> tuple[list[str], list[list[str]]]:
    """The nodes on every route from the cluster to the innovation side (its dominators in
    the graph seen from the cluster) and the bridges on a route (a bridge a route crosses
    separates its two ends)."""
    name = lambda i: ids[i] if i < len(ids) else "innovation side"  # noqa: E731
    idom = directed.dominator(c, mode="out")
    nodes, x = [], idom[side]
    while x != c and x >= 0:
        nodes.append(ids[int(x)])
        x = int(idom[int(x)])
    links = [[name(x), name(y)] for x, y in zip(path, path[1:]) if frozenset((x, y)) in bridges]
    return sorted(nodes, key=lambda n: path.index(ids.index(n)) if n in ids else 0), links


def _nearest(s: nx.Graph, start: str, kinds: dict) -> dict[str, list[str] | None]:
    """Breadth-first from `start`, level by level (nodes of a level in id order), until a
    node of every kind is found; the route to the first of each kind."""
    best: dict[str, list[str] | None] = dict.fromkeys(kinds)
    parent = {start: None}
    level = [start]
    while level and any(p is None for p in best.values()):
        for n in sorted(level):
            for kind, test in kinds.items():
                if best[kind] is None and test(n):
                    route, x = [], n
                    while x is not None:
                        route.append(x)
                        x = parent[x]
                    best[kind] = route[::-1]
        nxt = []
        for n in sorted(level):
            for m in s[n]:
                if m not in parent:
                    parent[m] = n
                    nxt.append(m)
        level = nxt
    return best


def brokers(g: nx.MultiDiGraph, max_routes: int = 5, spof: list[dict[str, Any]] | None = None
            ) -> list[dict[str, Any]]:
    """Nodes that alone connect one or more clusters to the innovation side (single points
    of failure), with the clusters that depend on each; most depended-on first.

    >>> from queries.gaps import _demo
    >>> [(r["id"], r["clusters"]) for r in brokers(_demo())]
    [('district.d', ['cluster.b'])]
    """
    v = View(g)
    depends: dict[str, list[str]] = defaultdict(list)
    for row in spof if spof is not None else single_points_of_failure(g, max_routes):
        for n in row["cut_nodes"]:
            depends[n].append(row["id"])
    rows = [{"id": n, "label": v.label(n), "name_zh": v.name(n), "clusters": sorted(cs),
             "cluster_names": [v.name(c) for c in sorted(cs)]} for n, cs in depends.items()]
    return sorted(rows, key=lambda r: (-len(r["clusters"]), r["id"]))


# ------------------------------------------------------------------ reach
def reach(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Hops from each cluster to the nearest national-level platform (or institute) and to
    the nearest university, with the route; None where there is none. Farthest first.

    >>> from queries.gaps import _demo
    >>> [(r["id"], r["hops_national_platform"], r["hops_university"]) for r in reach(_demo())]
    [('cluster.b', 3, 2), ('cluster.a', 2, 2)]
    """
    v = View(g)
    kinds = {"university": lambda n: v.label(n) == schema.UNIVERSITY,
             "national_platform": lambda n: v.label(n) in (schema.PLATFORM, schema.INSTITUTE)
             and v.level(n) == "national"}
    rows = []
    for c in v.of(schema.CLUSTER):
        best = _nearest(v.s, c, kinds)
        rows.append({"id": c, "name_zh": v.name(c),
                     **{f"hops_{k}": (len(p) - 1 if p else None) for k, p in best.items()},
                     **{f"route_{k}": p for k, p in best.items()}})
    far = lambda h: 10**9 if h is None else h  # no route at all sorts first
    return sorted(rows, key=lambda r: (-far(r["hops_university"]), -far(r["hops_national_platform"]), r["id"]))


# ------------------------------------------------------------------ districts
def district_mismatch(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """A district's priority clusters with no local research supply (no university,
    institute or platform located in the district researches a tech area supporting the
    cluster) and no local activity (no event held in the district concerns the cluster or
    involves one of its firms). One row per (district, priority cluster); mismatches first.

    >>> from queries.gaps import _demo
    >>> [(r["district"], r["cluster"], r["mismatch"]) for r in district_mismatch(_demo())]
    [('district.d', 'cluster.b', True), ('district.d', 'cluster.a', False)]
    """
    v = View(g)
    rows = []
    for d in v.of(schema.DISTRICT):
        local = v.linked(d, schema.LOCATED_IN, "in", ACTORS_INNOVATION)
        held = v.linked(d, schema.HELD_IN, "in", [schema.EVENT])
        for target in sorted(v.linked(d, schema.PRIORITIZES, "out")):
            for c in sorted(v.cluster_of(target)):
                p = v.profile(c)
                supply = sorted(a for a in local if v.linked(a, schema.RESEARCHES, "out") & p["tech_areas"])
                activity = sorted(e for e in held if e in p["events"])
                rows.append({"district": d, "district_name": v.name(d), "cluster": c, "cluster_name": v.name(c),
                             "via": target, "local_supply": supply, "local_events": activity,
                             "mismatch": not supply and not activity})
    unique = {(r["district"], r["cluster"]): r for r in rows}
    return sorted(unique.values(), key=lambda r: (not r["mismatch"], r["district"], r["cluster"]))


# ------------------------------------------------------------------ recommendations
def _profile(v: View, n: str) -> set[str]:
    """What an actor stands on: its district, its tech areas and the clusters they support
    (innovation side), or its clusters and the tech areas supporting them (enterprises)."""
    out = v.linked(n, schema.LOCATED_IN, "out", [schema.DISTRICT])
    if v.label(n) == schema.ENTERPRISE:
        clusters = set().union(*(v.cluster_of(x) for x in v.linked(n, schema.IN_CLUSTER, "out")), set())
        out |= clusters
        for c in clusters:
            out |= v.supporting(c)
    else:
        tech = v.linked(n, schema.RESEARCHES, "out", [schema.TECH_AREA])
        out |= tech
        for t in tech:
            out |= set().union(*(v.cluster_of(x) for x in v.linked(t, schema.SUPPORTS, "out")), set())
    return out


def partner_recommendations(g: nx.MultiDiGraph, entity: str | None = None, top: int = 20,
                            max_candidates: int = 2000, max_crowd: int = 1000) -> dict[str, Any]:
    """Unlinked university/institute/platform – enterprise pairs ranked by resource
    allocation over what they share: score = Σ 1/k(z) over shared district, tech areas and
    clusters z, where k(z) is how many actors stand on z (a rare shared field counts more
    than a crowded one). A pair must share at least one tech area or cluster (a district alone
    does not make partners). Pairs already joined by any edge or a common event are left out.
    Each pair lists the shared nodes that explain it. Above `max_candidates` innovation
    actors (and no `entity`), only the best-connected ones are scored, and a shared node that
    more than `max_crowd` actors stand on is too common to explain a pairing and is skipped
    (both said in `meta`).

    >>> from queries.gaps import _demo
    >>> [(r["innovation"], r["enterprise"], r["score"]) for r in partner_recommendations(_demo())["rows"]]
    [('plat.p', 'ent.f1', 0.5), ('plat.p', 'ent.f2', 0.5), ('univ.u', 'ent.f2', 0.5)]
    """
    v = View(g)
    innov = [n for n in v.of(schema.UNIVERSITY) + v.of(schema.INSTITUTE) + v.of(schema.PLATFORM)]
    firms = v.of(schema.ENTERPRISE)
    meta: dict[str, Any] = {"innovation_actors": len(innov), "enterprises": len(firms), "limited_to": None}
    if entity is not None:
        if entity not in v.s:  # works for both projections
            from graph.errors import NodeNotFound
            raise NodeNotFound(entity)
        if v.label(entity) == schema.ENTERPRISE:
            firms = [entity]
        elif v.label(entity) in ACTORS_INNOVATION:
            innov = [entity]
        else:
            raise ValueError(f"{entity!r} is a {v.label(entity)}; recommendations are for universities, "
                             "institutes, platforms and enterprises")
    elif len(innov) > max_candidates:
        innov = sorted(innov, key=lambda n: (-v.s.degree(n), n))[:max_candidates]
        meta["limited_to"] = f"the {max_candidates} best-connected innovation actors"
    everyone = (v.of(schema.UNIVERSITY) + v.of(schema.INSTITUTE) + v.of(schema.PLATFORM)
                + v.of(schema.ENTERPRISE))
    profiles = {n: _profile(v, n) for n in everyone}
    crowd: dict[str, int] = defaultdict(int)  # over all actors, so a pair scores the same whatever is asked
    for prof in profiles.values():
        for z in prof:
            crowd[z] += 1
    standing: dict[str, list[str]] = defaultdict(list)
    for f in firms:
        for z in profiles[f]:
            standing[z].append(f)
    crowded = sorted(z for z, k in crowd.items() if k > max_crowd)
    meta["skipped_as_too_common"] = crowded
    for z in crowded:
        standing.pop(z, None)
    rows = []
    for a in innov:
        scores: dict[str, float] = defaultdict(float)
        shared: dict[str, list[str]] = defaultdict(list)
        for z in profiles[a]:
            for f in standing.get(z, ()):
                scores[f] += 1.0 / crowd[z]
                shared[f].append(z)
        blocked = set(v.s[a]) | {x for e in v.linked(a, schema.PARTICIPATED_IN, "out") for x in v.s[e]}
        for f, score in scores.items():
            substantive = any(v.label(z) != schema.DISTRICT for z in shared[f])
            if f not in blocked and substantive:
                rows.append({"innovation": a, "innovation_name": v.name(a), "enterprise": f,
                             "enterprise_name": v.name(f), "score": round(score, 4),
                             "shared": v.brief(shared[f])})
    rows.sort(key=lambda r: (-r["score"], r["innovation"], r["enterprise"]))
    return {"rows": rows[:top], "meta": meta}


# ------------------------------------------------------------------ all of them
def all_gaps(g: nx.MultiDiGraph, lang: str = "zh", top: int = 20) -> dict[str, Any]:
    spof = single_points_of_failure(g)
    return {"cluster_supply_gap": cluster_supply_gap(g),
            "absorption_gap": absorption_gap(g),
            "coupling_coordination": {"cluster": coupling_coordination(g, "cluster", lang=lang),
                                      "district": coupling_coordination(g, "district", lang=lang),
                                      "cluster_corrected": coupling_coordination(g, "cluster", corrected=True,
                                                                                 lang=lang)},
            "single_points_of_failure": spof,
            "brokers": brokers(g, spof=spof),
            "reach": reach(g),
            "district_mismatch": district_mismatch(g),
            "partner_recommendations": partner_recommendations(g, top=top)}


def _demo() -> nx.MultiDiGraph:
    """The tiny graph the docstring examples use (also tests/fixtures/mini_chain):

    univ.u -RESEARCHES-> tech.x -SUPPORTS-> cluster.a <-IN_CLUSTER- ent.f1, ent.f2
    plat.p (national) -RESEARCHES-> tech.x;  plat.p -HOSTED_BY-> univ.u
    univ.u -RESEARCHES-> tech.y (supports nothing)
    district.d -PRIORITIZES-> cluster.a, cluster.b;  cluster.b <-IN_CLUSTER- ent.f3, ent.f4
    univ.u, ent.f1 -LOCATED_IN-> district.d; univ.u -COOPERATES_WITH- ent.f1; ent.f1 -LEADS-> cluster.a
    """
    g = nx.MultiDiGraph()
    nodes = {"univ.u": ("University", {}), "plat.p": ("Platform", {"level": "national"}),
             "tech.x": ("TechArea", {}), "tech.y": ("TechArea", {}), "cluster.a": ("Cluster", {}),
             "cluster.b": ("Cluster", {}), "ent.f1": ("Enterprise", {}), "ent.f2": ("Enterprise", {}),
             "ent.f3": ("Enterprise", {}), "ent.f4": ("Enterprise", {}), "district.d": ("District", {})}
    for n, (label, props) in nodes.items():
        g.add_node(n, label=label, name_zh=n, **props)
    for u, t, v in [("univ.u", "RESEARCHES", "tech.x"), ("plat.p", "RESEARCHES", "tech.x"),
                    ("univ.u", "RESEARCHES", "tech.y"), ("tech.x", "SUPPORTS", "cluster.a"),
                    ("ent.f1", "IN_CLUSTER", "cluster.a"), ("ent.f2", "IN_CLUSTER", "cluster.a"),
                    ("ent.f3", "IN_CLUSTER", "cluster.b"), ("ent.f4", "IN_CLUSTER", "cluster.b"),
                    ("plat.p", "HOSTED_BY", "univ.u"), ("district.d", "PRIORITIZES", "cluster.a"),
                    ("district.d", "PRIORITIZES", "cluster.b"), ("univ.u", "LOCATED_IN", "district.d"),
                    ("ent.f1", "LOCATED_IN", "district.d"), ("univ.u", "COOPERATES_WITH", "ent.f1"),
                    ("ent.f1", "LEADS", "cluster.a")]:
        g.add_edge(u, v, key=t, type=t, sources=["demo"])
    return g
