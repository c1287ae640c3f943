"""Before any write: which records are new or changed, with their merged properties,
and is every edge allowed? Shared by both stores so they merge the same way."""
from __future__ import annotations

from typing import Protocol

from . import schema
from .errors import SchemaViolation
from .records import EdgeRecord, NodeRecord, check_edge, full_props, merge_props
from .store import GraphData


class StoreReader(Protocol):
    def labels_of(self, ids) -> dict[str, str]: ...
    def fetch_nodes(self, label: str, ids: list[str]) -> dict[str, NodeRecord]: ...
    def fetch_edges(self, rel: str, source_label: str, source_ids: list[str]) -> dict: ...


class Plan:
    def __init__(self):
        self.nodes: list[NodeRecord] = []   # new or changed, with full merged properties
        self.edges: list[EdgeRecord] = []   # new (properties as given) or changed (full merged properties)
        self.labels: dict[str, str] = {}    # id -> label for every node the write touches
        self.nodes_created = self.nodes_updated = self.edges_created = self.edges_updated = 0


def make_plan(reader: StoreReader, snapshot: GraphData | None,
              new_nodes: dict[str, NodeRecord], new_edges: dict[tuple, EdgeRecord]) -> Plan:
    """`snapshot` is the whole stored graph when the caller has it (bulk path);
    otherwise only the records the write touches are read through `reader`."""
    plan = Plan()
    old_nodes = _old_nodes(reader, snapshot, new_nodes, new_edges)
    plan.labels = {i: n.label for i, n in old_nodes.items()}
    for rec in new_nodes.values():
        old = old_nodes.get(rec.id)
        if old is not None and old.label != rec.label:
            raise SchemaViolation(f"id {rec.id!r} is already a {old.label} in the store, not a {rec.label}")
        plan.labels[rec.id] = rec.label
        types = schema.node_prop_types(rec.label)
        if old is None and rec.props.keys() == types.keys() and rec.props.get("id") == rec.id:
            plan.nodes_created += 1  # already complete: written as it is (no copy of a large load)
            plan.nodes.append(rec)
            continue
        merged = full_props(merge_props(old.props if old else {}, {**rec.props, "id": rec.id}), types)
        if old is None:
            plan.nodes_created += 1
        elif merged == full_props(old.props, types):
            continue
        else:
            plan.nodes_updated += 1
        plan.nodes.append(NodeRecord(rec.label, rec.id, merged))
    old_edges = _old_edges(reader, snapshot, new_edges, plan.labels)
    for rec in new_edges.values():
        missing = [i for i in (rec.source, rec.target) if i not in plan.labels]
        if missing:
            raise SchemaViolation(f"{rec.type} edge {rec.source} -> {rec.target}: unknown node "
                                  + ", ".join(repr(m) for m in missing))
        check_edge(rec, plan.labels[rec.source], plan.labels[rec.target])
        old = old_edges.get(rec.key)
        if old is None:
            plan.edges_created += 1  # new: written as it is, absent properties empty (no copy of a large load)
            plan.edges.append(rec)
            continue
        merged = full_props(merge_props(old.props if old else {}, rec.props), schema.EDGE_PROP_TYPES)
        if old is None:
            plan.edges_created += 1
        elif merged == full_props(old.props, schema.EDGE_PROP_TYPES):
            continue
        else:
            plan.edges_updated += 1
        plan.edges.append(EdgeRecord(rec.type, rec.source, rec.target, merged))
    return plan


def _old_nodes(reader, snapshot, new_nodes, new_edges) -> dict[str, NodeRecord]:
    if snapshot is not None:
        return {n.id: n for n in snapshot.nodes}
    ends = {i for e in new_edges.values() for i in (e.source, e.target)}
    stored = reader.labels_of(set(new_nodes) | ends)
    old: dict[str, NodeRecord] = {}
    for label in sorted(set(stored.values())):
        wanted = sorted(i for i, lb in stored.items() if lb == label and i in new_nodes)
        if wanted:
            old.update(reader.fetch_nodes(label, wanted))
    # endpoints that exist but are not rewritten: their label is all we need
    old.update({i: NodeRecord(lb, i) for i, lb in stored.items() if i not in old})
    return old


def _old_edges(reader, snapshot, new_edges, labels) -> dict[tuple, EdgeRecord]:
    if snapshot is not None:
        return {e.key: e for e in snapshot.edges}
    by_source: dict[tuple[str, str], set[str]] = {}
    for rec in new_edges.values():
        if rec.source in labels:
            by_source.setdefault((rec.type, labels[rec.source]), set()).add(rec.source)
    old: dict[tuple, EdgeRecord] = {}
    for (rel, label), ids in sorted(by_source.items()):
        old.update(reader.fetch_edges(rel, label, sorted(ids)))
    return old
