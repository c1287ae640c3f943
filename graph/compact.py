"""The compact projection: the analysis graph held in arrays, for graphs too large for networkx.

`project()` builds a networkx MultiDiGraph carrying every property and every piece of
evidence; at about 3 GB per 100k nodes (10 edges each) it cannot hold a million-node
graph on a 24 GB machine. `CompactGraph` holds only what whole-graph analysis reads
(`store.Topology`): ids, labels, six node properties (names, aliases, level, leading,
tier), and the typed edges, as numpy arrays, in roughly 1/15 of the memory. It is already the *analysis* graph that
`queries.paths.simple_graph` makes of a projection: undirected, one edge per pair of
neighbours, excluded labels (Source) left out.

It answers the part of the networkx graph API the analysis uses (`len`, `in`, iteration,
`g[n]` for neighbours, `g.nodes[n].get(key)`, `g.nodes(data=True)`, `g.degree()`,
`g.edges()`, `number_of_nodes/edges`), plus `typed(n)` for edges by type and direction
and `igraph()` for the compiled engine. Vertices are numbered in id order, so results
do not depend on the order the store returned them in.

>>> from graph.store import Topology
>>> t = Topology(ids=["b", "a", "s"], labels=["Enterprise", "University", "Source"],
...              props={"name_zh": ["乙", "甲", None], "name_en": [None] * 3, "aliases": [None, ["甲大"], None], "level": [None] * 3,
...                     "leading": [None] * 3, "tier_rank": [None] * 3},
...              sources=["a", "a", "b"], targets=["b", "b", "s"], types=["COOPERATES_WITH", "HOSTED_BY", "REPORTED_IN"])
>>> c = CompactGraph(t, exclude={"Source"})
>>> list(c), c["a"], c.number_of_edges(), c.nodes["b"].get("name_zh")
(['a', 'b'], ['b'], 1, '乙')
>>> sorted(c.typed("b")), c.between("a", "b"), c.within("b", 1)
([('COOPERATES_WITH', 'in', 'a'), ('HOSTED_BY', 'in', 'a')], [('COOPERATES_WITH', 'out'), ('HOSTED_BY', 'out')], {'b': 0, 'a': 1})
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
import threading
from contextlib import contextmanager
from typing import Any

import numpy as np

from .store import TOPOLOGY_PROPS, Topology


_RNG_LOCK = threading.Lock()


@contextmanager
def seeded_igraph(seed: int):
    """igraph's random numbers from a generator seeded with `seed`, for the calls inside. Set
    on the calling thread: python-igraph hooks Python's `random` module only on the thread that
    imported it, so a web server's worker thread would otherwise draw unseeded numbers."""
    import random

    import igraph as ig
    with _RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)


class CompactGraph:
    def __init__(self, top: Topology, exclude: Iterable[str] = ()):
        excluded = set(exclude)
        keep = sorted((i for i, lb in enumerate(top.labels) if lb not in excluded), key=top.ids.__getitem__)
        self.ids: list[str] = [top.ids[i] for i in keep]
        self.index: dict[str, int] = {n: i for i, n in enumerate(self.ids)}
        self.label_names: list[str] = sorted({top.labels[i] for i in keep})
        code = {lb: c for c, lb in enumerate(self.label_names)}
        self.codes = np.fromiter((code[top.labels[i]] for i in keep), dtype=np.int8, count=len(keep))
        self.props: dict[str, list[Any]] = {p: [top.props[p][i] for i in keep] for p in TOPOLOGY_PROPS}
        n = len(self.ids)

        # stored edges between kept nodes, by type and direction (each seen from both ends)
        get = self.index.get
        src = np.fromiter((get(x, -1) for x in top.sources), dtype=np.int64, count=len(top.sources))
        dst = np.fromiter((get(x, -1) for x in top.targets), dtype=np.int64, count=len(top.targets))
        self.type_names: list[str] = sorted(set(top.types))
        tcode = {t: c for c, t in enumerate(self.type_names)}
        typ = np.fromiter((tcode[t] for t in top.types), dtype=np.int16, count=len(top.types))
        ok = (src >= 0) & (dst >= 0) & (src != dst)  # a node is not its own neighbour
        src, dst, typ = src[ok], dst[ok], typ[ok]
        ends = np.concatenate([src, dst])
        order = np.argsort(ends, kind="stable")
        self._t_ptr = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=n))])
        self._t_other = np.concatenate([dst, src])[order].astype(np.int32)
        self._t_type = np.concatenate([typ, typ])[order]
        self._t_out = np.concatenate([np.ones(len(src), bool), np.zeros(len(src), bool)])[order]

        # undirected simple adjacency (CSR): one entry per pair of neighbours
        pair = np.unique(np.minimum(src, dst) * max(n, 1) + np.maximum(src, dst))
        self._u, self._v = (pair // max(n, 1)).astype(np.int32), (pair % max(n, 1)).astype(np.int32)
        ends = np.concatenate([self._u, self._v])
        order = np.argsort(ends, kind="stable")
        self._ptr = np.concatenate([[0], np.cumsum(np.bincount(ends, minlength=n))])
        self._adj = np.concatenate([self._v, self._u])[order]
        self._degree = np.diff(self._ptr)
        self._igraph = None
        self._local = threading.local()
        self.nodes = _Nodes(self)

    # ------------------------------------------------------------ networkx-like reads
    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __contains__(self, n: object) -> bool:
        return n in self.index

    def __getitem__(self, n: str) -> list[str]:
        """The neighbours of `n`, in id order."""
        i = self.index[n]
        ids = self.ids
        return [ids[j] for j in self._adj[self._ptr[i]:self._ptr[i + 1]].tolist()]

    def number_of_nodes(self) -> int:
        return len(self.ids)

    def number_of_edges(self) -> int:
        return len(self._u)

    def degree(self, n: str | None = None):
        """`degree(n)`: number of neighbours; `degree()`: (id, degree) for every node."""
        if n is not None:
            return int(self._degree[self.index[n]])
        return zip(self.ids, self._degree.tolist())

    def edges(self) -> Iterator[tuple[str, str]]:
        ids = self.ids
        return ((ids[u], ids[v]) for u, v in zip(self._u.tolist(), self._v.tolist()))

    # ------------------------------------------------------------ analysis reads
    def label(self, n: str) -> str:
        return self.label_names[self.codes[self.index[n]]]

    def of_label(self, label: str) -> list[str]:
        """Nodes with that label, in id order."""
        if label not in self.label_names:
            return []
        ids = self.ids
        return [ids[i] for i in np.flatnonzero(self.codes == self.label_names.index(label)).tolist()]

    def typed(self, n: str) -> Iterator[tuple[str, str, str]]:
        """(relationship type, 'out' or 'in' as seen from n, other end) of every stored edge at n."""
        i = self.index[n]
        lo, hi = self._t_ptr[i], self._t_ptr[i + 1]
        ids, names = self.ids, self.type_names
        return ((names[t], "out" if o else "in", ids[x]) for x, t, o in
                zip(self._t_other[lo:hi].tolist(), self._t_type[lo:hi].tolist(), self._t_out[lo:hi].tolist()))

    def scratch(self):
        """Per-thread search arrays ((parent, parent), (depth, depth)) for a bidirectional
        search, allocated once: parents -2 (unseen), depths -1. The caller resets what it sets."""
        local = self._local.__dict__
        if "scratch" not in local:
            n = len(self.ids)
            local["scratch"] = ((np.full(n, -2, np.int64), np.full(n, -2, np.int64)),
                                (np.full(n, -1, np.int64), np.full(n, -1, np.int64)))
        return local["scratch"]

    def between(self, a: str, b: str) -> list[tuple[str, str]]:
        """(relationship type, 'out' or 'in' as seen from a) of every stored edge between a and b,
        read from the end with fewer edges."""
        i, j = self.index[a], self.index[b]
        flip = self._t_ptr[i + 1] - self._t_ptr[i] > self._t_ptr[j + 1] - self._t_ptr[j]
        x, y = (j, i) if flip else (i, j)
        lo, hi = self._t_ptr[x], self._t_ptr[x + 1]
        hits = np.flatnonzero(self._t_other[lo:hi] == y) + lo
        out = []
        for t, o in zip(self._t_type[hits].tolist(), self._t_out[hits].tolist()):
            way = "out" if o else "in"
            if flip:
                way = "in" if way == "out" else "out"
            out.append((self.type_names[t], way))
        return sorted(out)

    def expand(self, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every neighbour of the `frontier` vertices, with the vertex it was reached from
        (vertex numbers, in frontier order): one breadth-first step, in numpy."""
        lengths = self._degree[frontier]
        total = int(lengths.sum())
        starts = np.repeat(self._ptr[frontier] - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
        return self._adj[starts + np.arange(total)].astype(np.int64), np.repeat(frontier, lengths)

    def within(self, center: str, hops: int, allowed: set[str] | None = None) -> dict[str, int]:
        """Every node within `hops` of `center` with its distance (breadth-first, a level at a
        time); with `allowed`, only through and to those nodes (and the center)."""
        i = self.index[center]
        seen = np.zeros(len(self.ids), bool)
        if allowed is not None:
            seen[:] = True
            seen[[self.index[n] for n in allowed if n in self.index]] = False
        seen[i] = True
        out, frontier = {center: 0}, np.array([i])
        for d in range(1, hops + 1):
            found, _ = self.expand(frontier)
            if not found.size:
                break
            found = np.unique(found)
            found = found[~seen[found]]
            seen[found] = True
            out.update((self.ids[j], d) for j in found.tolist())
            frontier = found
        return out

    def local(self, nodes: list[str]):
        """The networkx graph among `nodes` (labels, names; each edge with its stored types as
        `stored`, without evidence), for drawing a small view."""
        import networkx as nx
        keep = set(nodes)
        sub = nx.Graph()
        for n in nodes:
            d = self.nodes[n]
            sub.add_node(n, label=d.get("label"), name_zh=d.get("name_zh"))
        for n in nodes:
            for key, way, other in self.typed(n):
                if way == "out" and other in keep:
                    if not sub.has_edge(n, other):
                        sub.add_edge(n, other, stored=[])
                    sub[n][other]["stored"].append((key, n, other, {}))
        return sub

    def igraph(self):
        """(igraph.Graph, ids in vertex order) of the undirected simple graph; built once."""
        if self._igraph is None:
            import igraph as ig
            self._igraph = (ig.Graph(n=len(self.ids), edges=list(zip(self._u.tolist(), self._v.tolist()))),
                            self.ids)
        return self._igraph

    def memory_bytes(self) -> int:
        """Bytes held by the arrays (not counting the id strings and property lists)."""
        return sum(a.nbytes for a in (self.codes, self._t_ptr, self._t_other, self._t_type, self._t_out,
                                      self._u, self._v, self._ptr, self._adj, self._degree))


class _Attrs(Mapping):
    """One node's attributes, read from the arrays when asked."""

    __slots__ = ("g", "i")

    def __init__(self, g: CompactGraph, i: int):
        self.g, self.i = g, i

    def __getitem__(self, key: str) -> Any:
        if key == "label":
            return self.g.label_names[self.g.codes[self.i]]
        if key in self.g.props:
            value = self.g.props[key][self.i]
            if value is not None:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(["label"] + [k for k in self.g.props if self.g.props[k][self.i] is not None])

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Nodes:
    """`g.nodes`: iterate ids, `g.nodes[n]` for attributes, `g.nodes(data=True)` for both."""

    def __init__(self, g: CompactGraph):
        self.g = g

    def __call__(self, data: bool = False):
        if not data:
            return iter(self.g.ids)
        return ((n, _Attrs(self.g, i)) for i, n in enumerate(self.g.ids))

    def __getitem__(self, n: str) -> _Attrs:
        return _Attrs(self.g, self.g.index[n])

    def __iter__(self) -> Iterator[str]:
        return iter(self.g.ids)

    def __len__(self) -> int:
        return len(self.g.ids)

    def __contains__(self, n: object) -> bool:
        return n in self.g.index
