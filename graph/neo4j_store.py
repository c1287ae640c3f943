"""The production store: Neo4j 5 through the official `neo4j` driver.

Writes are batched `UNWIND $rows … MERGE` inside one managed write transaction per
load, which also checks the counts it expects before committing. Analyst queries run
in a READ access-mode session with a transaction timeout, so the server itself
refuses writes even if the guard let one through.
"""
from __future__ import annotations

import logging
import secrets
from typing import Any, Iterable

from . import schema
from .cypher_guard import check_read_only
from .errors import QueryError, QueryTimeout, ReadOnlyViolation, StoreUnavailable
from .records import EdgeRecord, NodeRecord, check_node, full_props, merge_edges, merge_nodes
from .settings import Settings
from .store import TOPOLOGY_PROPS, Topology, Counts, GraphData, Neighbour, Progress, QueryResult, WriteResult
from .upsert_plan import Plan, make_plan

logger = logging.getLogger(__name__)

BATCH = 5000
META_LABEL = "DualchainMeta"  # one bookkeeping node holding the write generation; not a schema label


def schema_statements() -> list[str]:
    """Constraints and indexes, derived from the schema."""
    out = []
    for label in schema.NODES:
        out.append(f"CREATE CONSTRAINT dualchain_{label.lower()}_id IF NOT EXISTS "
                   f"FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        for prop in schema.INDEXED_PROPS:
            out.append(f"CREATE INDEX dualchain_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    return out


class Neo4jStore:
    kind = "neo4j"

    def __init__(self, settings: Settings):
        import neo4j

        self._neo4j = neo4j
        self.settings = settings
        self.database = settings.neo4j_database
        try:
            self.driver = neo4j.GraphDatabase.driver(
                settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password),
                connection_timeout=10.0, max_transaction_retry_time=5.0)
        except (ValueError, neo4j.exceptions.ConfigurationError) as err:
            raise StoreUnavailable(f"bad DUALCHAIN_NEO4J_URI {settings.neo4j_uri!r}: {err}") from err
        self._schema_ready = False
        self._reachable = False

    def _connect(self) -> None:
        """Fail fast (no transaction retries) when the server is down or the password wrong."""
        if self._reachable:
            return
        ex = self._neo4j.exceptions
        try:
            self.driver.verify_connectivity()
        except (ex.ServiceUnavailable, ex.AuthError, ex.SessionExpired, OSError) as err:
            raise StoreUnavailable(f"Neo4j at {self.settings.neo4j_uri} is not available: {err}") from err
        self._reachable = True

    # ------------------------------------------------------------ plumbing
    def _run(self, cypher: str, params: dict | None = None, write: bool = False) -> list[list[Any]]:
        self._connect()
        ex = self._neo4j.exceptions
        try:
            records, _, _ = self.driver.execute_query(
                cypher, params or {}, database_=self.database,
                routing_=self._neo4j.RoutingControl.WRITE if write else self._neo4j.RoutingControl.READ)
        except (ex.ServiceUnavailable, ex.AuthError, ex.SessionExpired) as err:
            raise StoreUnavailable(f"Neo4j at {self.settings.neo4j_uri} is not available: {err}") from err
        except ex.Neo4jError as err:
            raise QueryError(f"{err.code}: {err.message}") from err
        return [list(r.values()) for r in records]

    def _ensure_schema(self) -> None:
        if not self._schema_ready:
            for statement in schema_statements():
                self._run(statement, write=True)
            self._schema_ready = True

    def close(self) -> None:
        self.driver.close()

    # --------------------------------------------------------------- reads
    def labels_of(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        for label in schema.NODES:
            for (node_id,) in self._run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id", {"ids": ids}):
                found[node_id] = label
        return found

    def fetch_nodes(self, label: str, ids: list[str]) -> dict[str, NodeRecord]:
        types = schema.node_prop_types(label)
        rows = self._run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN properties(n)", {"ids": ids})
        return {p["id"]: NodeRecord(label, p["id"], full_props(p, types)) for (p,) in rows}

    def fetch_edges(self, rel: str, source_label: str, source_ids: list[str]) -> dict:
        rows = self._run(f"UNWIND $ids AS i MATCH (a:{source_label} {{id: i}})-[e:{rel}]->(b) "
                         f"RETURN a.id, b.id, properties(e)", {"ids": source_ids})
        return {(rel, s, t): EdgeRecord(rel, s, t, full_props(p, schema.EDGE_PROP_TYPES)) for s, t, p in rows}

    def get(self, node_id: str) -> NodeRecord | None:
        label = self.labels_of([node_id]).get(node_id)
        return self.fetch_nodes(label, [node_id])[node_id] if label else None

    def neighbours(self, node_id: str, limit: int = 1000) -> list[Neighbour]:
        label = self.labels_of([node_id]).get(node_id)
        if label is None:
            return []
        rows = self._run(
            f"MATCH (a:{label} {{id: $id}})-[e]-(b) RETURN type(e), properties(e), startNode(e) = a, "
            f"labels(b)[0], properties(b) ORDER BY CASE WHEN startNode(e) = a THEN 0 ELSE 1 END, "
            f"type(e), b.id LIMIT $limit", {"id": node_id, "limit": limit})
        out = []
        for rel, e, outgoing, other_label, b in rows:
            src, dst = (node_id, b["id"]) if outgoing else (b["id"], node_id)
            out.append(Neighbour(EdgeRecord(rel, src, dst, full_props(e, schema.EDGE_PROP_TYPES)),
                                 NodeRecord(other_label, b["id"], full_props(b, schema.node_prop_types(other_label))),
                                 "out" if outgoing else "in"))
        return out

    def edges_between(self, a: str, b: str) -> list[EdgeRecord]:
        labels = self.labels_of([a, b])
        if a not in labels or b not in labels:
            return []
        out = []
        for x, y in ((a, b), (b, a)):  # labels come from the schema, ids are parameters
            rows = self._run(f"MATCH (x:{labels[x]} {{id: $x}})-[e]->(y:{labels[y]} {{id: $y}}) "
                             f"RETURN type(e), properties(e) ORDER BY type(e)", {"x": x, "y": y})
            out += [EdgeRecord(rel, x, y, full_props(e, schema.EDGE_PROP_TYPES)) for rel, e in rows]
        return out

    def counts(self) -> Counts:
        nodes = dict.fromkeys(schema.NODES, 0)
        edges = dict.fromkeys(schema.RELS, 0)
        for label in schema.NODES:
            nodes[label] = self._run(f"MATCH (n:{label}) RETURN count(n)")[0][0]
        for rel in schema.RELS:
            edges[rel] = self._run(f"MATCH ()-[e:{rel}]->() RETURN count(e)")[0][0]
        return Counts(nodes, edges)

    def export(self) -> GraphData:
        data = GraphData()
        for label in schema.NODES:
            types = schema.node_prop_types(label)
            for (p,) in self._run(f"MATCH (n:{label}) RETURN properties(n) ORDER BY n.id"):
                data.nodes.append(NodeRecord(label, p["id"], full_props(p, types)))
        for rel in schema.RELS:
            for s, t, p in self._run(f"MATCH (a)-[e:{rel}]->(b) RETURN a.id, b.id, properties(e) ORDER BY a.id, b.id"):
                data.edges.append(EdgeRecord(rel, s, t, full_props(p, schema.EDGE_PROP_TYPES)))
        return data

    def export_topology(self) -> Topology:
        top = Topology()
        for label in schema.NODES:
            have = schema.node_prop_types(label)
            names = [p for p in TOPOLOGY_PROPS if p in have]
            rows = self._run(f"MATCH (n:{label}) RETURN n.id" + "".join(f", n.{p}" for p in names))
            top.ids += [r[0] for r in rows]
            top.labels += [label] * len(rows)
            for p in TOPOLOGY_PROPS:
                top.props[p] += [r[1 + names.index(p)] for r in rows] if p in names else [None] * len(rows)
        for rel in schema.RELS:
            rows = self._run(f"MATCH (a)-[e:{rel}]->(b) RETURN a.id, b.id")
            top.sources += [r[0] for r in rows]
            top.targets += [r[1] for r in rows]
            top.types += [rel] * len(rows)
        return top

    def generation(self) -> str:
        rows = self._run(f"MATCH (m:{META_LABEL} {{id: 'generation'}}) RETURN m.value")
        return rows[0][0] if rows else ""

    def query(self, cypher: str, params: dict[str, Any] | None = None, *,
              timeout_s: float | None = None, max_rows: int | None = None) -> QueryResult:
        check_read_only(cypher)
        self._connect()
        neo4j, ex = self._neo4j, self._neo4j.exceptions
        timeout_s = timeout_s or self.settings.query_timeout_s
        max_rows = max_rows or self.settings.max_rows
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                result = session.run(neo4j.Query(cypher, timeout=timeout_s), params or {})
                columns = list(result.keys())
                rows = []
                for record in result:
                    rows.append([_plain(v) for v in record.values()])
                    if len(rows) > max_rows:
                        break
        except (ex.ServiceUnavailable, ex.AuthError, ex.SessionExpired) as err:
            raise StoreUnavailable(f"Neo4j at {self.settings.neo4j_uri} is not available: {err}") from err
        except ex.Neo4jError as err:
            code = err.code or ""
            if "TransactionTimedOut" in code or "TransactionTimedOut" in (err.message or ""):
                raise QueryTimeout(f"query stopped after the {timeout_s:g} s timeout") from err
            if "AccessMode" in code or "Forbidden" in code:
                raise ReadOnlyViolation(f"read-only: {err.message}") from err
            raise QueryError(f"{code}: {err.message}") from err
        return QueryResult(columns, rows[:max_rows], len(rows) > max_rows)

    # -------------------------------------------------------------- writes
    def write(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord],
              progress: Progress | None = None) -> WriteResult:
        new_nodes, new_edges = merge_nodes(nodes), merge_edges(edges)
        for rec in new_nodes.values():
            check_node(rec)
        self._ensure_schema()
        before = self.counts()
        plan = make_plan(self, None, new_nodes, new_edges)
        result = WriteResult(plan.nodes_created, plan.nodes_updated, plan.edges_created, plan.edges_updated, "upsert")
        if result.changed:
            expected = (before.total_nodes + plan.nodes_created, before.total_edges + plan.edges_created)
            with self.driver.session(database=self.database) as session:
                session.execute_write(self._write_tx, plan, expected, progress)
        return result

    @staticmethod
    def _write_tx(tx, plan: Plan, expected: tuple[int, int], progress: Progress | None) -> None:
        by_label: dict[str, list[dict]] = {}
        for n in plan.nodes:
            by_label.setdefault(n.label, []).append({k: v for k, v in n.props.items() if v is not None})
        for label, rows in by_label.items():
            for i in range(0, len(rows), BATCH):
                tx.run(f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n = r", rows=rows[i:i + BATCH])
            if progress:
                progress("nodes", len(rows), len(plan.nodes))
        groups: dict[tuple[str, str, str], list[dict]] = {}
        for e in plan.edges:
            groups.setdefault((e.type, plan.labels[e.source], plan.labels[e.target]), []).append(
                {"s": e.source, "t": e.target, "p": {k: v for k, v in e.props.items() if v is not None}})
        for (rel, a, b), rows in groups.items():
            for i in range(0, len(rows), BATCH):
                tx.run(f"UNWIND $rows AS r MATCH (a:{a} {{id: r.s}}) MATCH (b:{b} {{id: r.t}}) "
                       f"MERGE (a)-[e:{rel}]->(b) SET e = r.p", rows=rows[i:i + BATCH])
        labels = " OR ".join(f"n:{label}" for label in schema.NODES)
        got_nodes = tx.run(f"MATCH (n) WHERE {labels} RETURN count(n)").single()[0]
        got_edges = tx.run(f"MATCH ()-[e:{'|'.join(schema.RELS)}]->() RETURN count(e)").single()[0]
        if (got_nodes, got_edges) != expected:
            raise QueryError(f"write check failed: expected {expected[0]} nodes and {expected[1]} edges, "
                             f"got {got_nodes} and {got_edges}; the transaction was rolled back")
        tx.run(f"MERGE (m:{META_LABEL} {{id: 'generation'}}) SET m.value = $value", value=secrets.token_hex(8))

    def clear(self) -> None:
        labels = " OR ".join(f"n:{label}" for label in [*schema.NODES, META_LABEL])
        while self._run(f"MATCH (n) WHERE {labels} WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)",
                        write=True)[0][0]:
            pass
        self._run(f"MERGE (m:{META_LABEL} {{id: 'generation'}}) SET m.value = $value",
                  {"value": secrets.token_hex(8)}, write=True)


def _plain(value: Any) -> Any:
    """Turn driver values (nodes, relationships, paths, temporal types) into JSON-ready values."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_label": next(iter(value.labels), None), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
