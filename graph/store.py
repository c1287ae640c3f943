"""The store interface both stores implement, and `open_store(settings)`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol

from .records import EdgeRecord, NodeRecord
from .settings import Settings

# progress(step description, done, total)
Progress = Callable[[str, int, int], None]


@dataclass
class Counts:
    nodes: dict[str, int]
    edges: dict[str, int]

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes.values())

    @property
    def total_edges(self) -> int:
        return sum(self.edges.values())

    def as_dict(self) -> dict[str, Any]:
        return {"nodes": dict(sorted(self.nodes.items())), "edges": dict(sorted(self.edges.items())),
                "total_nodes": self.total_nodes, "total_edges": self.total_edges}


@dataclass
class WriteResult:
    nodes_created: int
    nodes_updated: int
    edges_created: int
    edges_updated: int
    method: str  # "rebuild" (bulk COPY into a fresh file) or "upsert" (MERGE)

    @property
    def changed(self) -> int:
        return self.nodes_created + self.nodes_updated + self.edges_created + self.edges_updated


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False  # True when the row cap cut the result

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass
class Neighbour:
    edge: EdgeRecord
    node: NodeRecord
    direction: str  # "out" (node is the target) or "in"


@dataclass
class GraphData:
    """The whole graph as records, for projection and export."""

    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)


# Node properties the whole-graph analysis reads; everything else stays in the store.
TOPOLOGY_PROPS = ("name_zh", "name_en", "aliases", "level", "leading", "tier_rank")


@dataclass
class Topology:
    """The graph's shape without the evidence: node ids, labels and the few properties
    analysis needs (`TOPOLOGY_PROPS`, None where a label lacks one), and edges as three
    parallel lists. What `graph.compact` is built from at scale."""

    ids: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    props: dict[str, list[Any]] = field(default_factory=lambda: {p: [] for p in TOPOLOGY_PROPS})
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, data: GraphData) -> "Topology":
        t = cls()
        for n in data.nodes:
            t.ids.append(n.id)
            t.labels.append(n.label)
            for p in TOPOLOGY_PROPS:
                t.props[p].append(n.props.get(p))
        for e in data.edges:
            t.sources.append(e.source)
            t.targets.append(e.target)
            t.types.append(e.type)
        return t


class GraphStore(Protocol):
    kind: str

    def write(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord],
              progress: Progress | None = None) -> WriteResult:
        """Upsert nodes (MERGE on id) and edges (MERGE on type, source, target) in one
        all-or-nothing step. Writing the same records again changes nothing."""

    def get(self, node_id: str) -> NodeRecord | None: ...

    def labels_of(self, ids: Iterable[str]) -> dict[str, str]:
        """Map each id that exists in the store to its label."""

    def neighbours(self, node_id: str, limit: int = 1000) -> list[Neighbour]: ...

    def edges_between(self, a: str, b: str) -> list[EdgeRecord]:
        """Every stored edge between two nodes, either way, with its properties."""

    def counts(self) -> Counts: ...

    def export(self) -> GraphData: ...

    def export_topology(self) -> Topology:
        """Ids, labels, `TOPOLOGY_PROPS` and typed edges only: what analysis of a
        graph too large for `export` + networkx reads."""

    def query(self, cypher: str, params: dict[str, Any] | None = None, *,
              timeout_s: float | None = None, max_rows: int | None = None) -> QueryResult:
        """Run read-only Cypher with bound parameters, a timeout and a row cap."""

    def generation(self) -> str:
        """A token that changes whenever the stored graph changes (for caches)."""

    def clear(self) -> None: ...

    def close(self) -> None: ...


def open_store(settings: Settings) -> GraphStore:
    """Open the store the settings name. Nothing connects at import time."""
    if settings.store == "neo4j":
        from .neo4j_store import Neo4jStore
        return Neo4jStore(settings)
    from .embedded_store import EmbeddedStore
    return EmbeddedStore(settings)
