"""Records: what loaders produce and stores write. Plain data, no I/O.

Merging is defined here once, so that both stores and both write paths
(bulk rebuild and incremental upsert) give the same graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from . import schema
from .errors import SchemaViolation


# slots: a large load holds millions of records; without a __dict__ each costs ~100 bytes less
@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record was read: a file, a 1-based line (None for whole-file facts) and,
    for edges made from a node row's field, that field."""

    path: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(slots=True)
class NodeRecord:
    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict)
    origin: SourceRef | None = None


@dataclass(slots=True)
class EdgeRecord:
    type: str
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    origin: SourceRef | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)


def edge(type_: str, source: str, target: str, props: dict[str, Any] | None = None,
         origin: SourceRef | None = None) -> EdgeRecord:
    """Make an edge, ordering the ends of a symmetric type so each pair has one key."""
    if schema.RELS[type_].symmetric and target < source:
        source, target = target, source
    return EdgeRecord(type_, source, target, dict(props or {}), origin)


LIST_PROPS_UNIONED = ("sources", "aliases", "evidence")


def merge_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Upsert rule: a value given by `new` replaces the old one; a value `new` leaves
    empty keeps the old one; provenance-like lists (sources, aliases, evidence) are
    unioned in first-seen order. Merging a record with itself changes nothing."""
    out = dict(old)
    for key, value in new.items():
        if value is None:
            continue
        if key in LIST_PROPS_UNIONED and out.get(key):
            out[key] = list(dict.fromkeys([*out[key], *value]))
        else:
            out[key] = value
    return out


def check_node(rec: NodeRecord) -> None:
    if rec.label not in schema.NODES:
        raise SchemaViolation(f"unknown label {rec.label!r} for node {rec.id!r}")
    _check_props(rec.props, schema.node_prop_types(rec.label), f"{rec.label} {rec.id!r}")


def check_edge(rec: EdgeRecord, source_label: str, target_label: str) -> None:
    if rec.type not in schema.RELS:
        raise SchemaViolation(f"unknown relationship type {rec.type!r}")
    if not schema.allowed(rec.type, source_label, target_label):
        raise SchemaViolation(
            f"({source_label})-[{rec.type}]->({target_label}) is not allowed by the schema")
    _check_props(rec.props, schema.EDGE_PROP_TYPES, f"{rec.type} {rec.source}->{rec.target}")


_PY_TYPES = {schema.STRING: str, schema.INT: int, schema.FLOAT: (int, float),
             schema.BOOL: bool, schema.STRINGS: list}


def _check_props(props: dict[str, Any], types: dict[str, str], what: str) -> None:
    for key, value in props.items():
        if key not in types:
            raise SchemaViolation(f"{what}: unknown property {key!r}")
        if value is None:
            continue
        expected = _PY_TYPES[types[key]]
        ok = isinstance(value, expected) and not (types[key] == schema.INT and isinstance(value, bool))
        if types[key] == schema.STRINGS:
            ok = ok and all(isinstance(v, str) for v in value)
        if not ok:
            raise SchemaViolation(f"{what}: property {key!r} must be {types[key]}, got {value!r}")


def merge_nodes(records: Iterable[NodeRecord]) -> dict[str, NodeRecord]:
    """Collapse records with the same id into one (labels must agree)."""
    out: dict[str, NodeRecord] = {}
    for rec in records:
        seen = out.get(rec.id)
        if seen is None:
            out[rec.id] = rec  # not copied (a large load holds millions); inputs are never mutated
        elif seen.label != rec.label:
            raise SchemaViolation(f"id {rec.id!r} is both {seen.label} and {rec.label}")
        else:
            out[rec.id] = NodeRecord(rec.label, rec.id, merge_props(seen.props, rec.props), seen.origin)
    return out


def merge_edges(records: Iterable[EdgeRecord]) -> dict[tuple[str, str, str], EdgeRecord]:
    out: dict[tuple[str, str, str], EdgeRecord] = {}
    for rec in records:
        key = rec.key
        seen = out.get(key)
        if seen is None:
            out[key] = rec  # not copied; inputs are never mutated
        else:
            out[key] = EdgeRecord(rec.type, rec.source, rec.target, merge_props(seen.props, rec.props), seen.origin)
    return out


def full_props(props: dict[str, Any], types: dict[str, str]) -> dict[str, Any]:
    """Every schema property present (None where unknown), in schema order."""
    return {name: props.get(name) for name in types}
