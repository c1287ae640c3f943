"""Ladybug DDL and upsert statements, derived from the schema.

Only the statement shapes measured as correct and fast in notes/stack_eval.md are used:
nodes `UNWIND $rows AS r WITH r.id AS id, … MERGE (n:L {id: id}) SET …`;
edges `UNWIND $rows AS r MATCH (a:A {id: r.s}) MATCH (b:B {id: r.t}) MERGE (a)-[e:T]->(b) SET …`.
(The edge shape with a WITH projection silently drops relationships; do not "tidy" it.)
Every value goes through CAST so a batch whose values are all null still binds.
"""
from __future__ import annotations

from . import schema


def node_table_ddl(label: str) -> str:
    cols = ", ".join(
        f"{p.name} {p.type}{' PRIMARY KEY' if p.name == 'id' else ''}" for p in schema.node_props(label))
    return f"CREATE NODE TABLE {label}({cols})"


def rel_table_ddl(rel: schema.RelType) -> str:
    pairs = ", ".join(f"FROM {a} TO {b}" for a, b in rel.pairs)
    cols = ", ".join(f"{p.name} {p.type}" for p in schema.EDGE_PROPS)
    return f"CREATE REL TABLE {rel.type}({pairs}, {cols})"


def all_ddl() -> list[str]:
    return ([node_table_ddl(n.label) for n in schema.NODE_TYPES]
            + [rel_table_ddl(r) for r in schema.REL_TYPES])


def node_upsert(label: str) -> str:
    props = [p for p in schema.node_props(label) if p.name != "id"]
    project = ", ".join(f"CAST(r.{p.name} AS {p.type}) AS {p.name}" for p in props)
    sets = ", ".join(f"n.{p.name} = {p.name}" for p in props)
    return f"UNWIND $rows AS r WITH r.id AS id, {project} MERGE (n:{label} {{id: id}}) SET {sets}"


def edge_upsert(rel: str, source_label: str, target_label: str) -> str:
    sets = ", ".join(f"e.{p.name} = CAST(r.{p.name} AS {p.type})" for p in schema.EDGE_PROPS)
    return (f"UNWIND $rows AS r MATCH (a:{source_label} {{id: r.s}}) MATCH (b:{target_label} {{id: r.t}}) "
            f"MERGE (a)-[e:{rel}]->(b) SET {sets}")
