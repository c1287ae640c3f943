"""The embedded store: LadybugDB in a folder, no server.

Layout of the folder (default ./.dualchain/graph):

    CURRENT               name of the live database file, replaced atomically
    db-000007-1a2b.lbug   the live database (one file)
    .write.lock           held (flock) by the one process writing

Every write builds a new database file and then points CURRENT at it with one
atomic rename. So a load is all-or-nothing, readers never see half a load, and a
server holding the live file open never blocks a loader: it notices that CURRENT
changed and reopens. Analyst queries run on a read-only open of the live file.

Two write paths give the same graph: big writes (or a first load) export the live
graph, merge in Python and COPY everything into a fresh file (COPY is ~100x faster
than MERGE); small writes copy the live file and MERGE into the copy.
"""
from __future__ import annotations

import fcntl
import logging
import os
import secrets
import shutil
import threading
import time
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

import ladybug
import pyarrow as pa

from . import ladybug_ddl, schema
from .cypher_guard import check_read_only
from .errors import QueryError, QueryTimeout, ReadOnlyViolation, StoreBusy, StoreUnavailable
from .records import EdgeRecord, NodeRecord, check_node, full_props, merge_edges, merge_nodes
from .upsert_plan import Plan, make_plan
from .settings import Settings
from .store import TOPOLOGY_PROPS, Topology, Counts, GraphData, Neighbour, Progress, QueryResult, WriteResult

logger = logging.getLogger(__name__)

BULK_THRESHOLD = 2000  # changed records from which a write rebuilds with COPY instead of MERGE
BATCH = 5000
LOCK_WAIT_S = 30.0
_ARROW = {schema.STRING: pa.string(), schema.INT: pa.int64(), schema.FLOAT: pa.float64(),
          schema.BOOL: pa.bool_(), schema.STRINGS: pa.list_(pa.string())}


class EmbeddedStore:
    kind = "embedded"

    def __init__(self, settings: Settings, bulk_threshold: int = BULK_THRESHOLD):
        self.settings = settings
        self.dir = Path(settings.graph_dir)
        self.bulk_threshold = bulk_threshold
        self._open_name: str | None = None
        self._db: ladybug.Database | None = None
        self._conn: ladybug.Connection | None = None
        self._mutex = threading.RLock()

    # ------------------------------------------------------------------ files
    def _current_name(self) -> str | None:
        try:
            name = (self.dir / "CURRENT").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def generation(self) -> str:
        self._ensure_initialised()
        return self._current_name() or ""

    def _ensure_initialised(self) -> None:
        if self._current_name() is not None:
            return
        with self._write_lock():
            if self._current_name() is None:
                self._swap_in(self._new_file())

    def _new_file(self) -> Path:
        """Create a fresh database file with the schema; return its path."""
        path = self.dir / f"db-{time.time_ns():x}-{secrets.token_hex(3)}.lbug.tmp"
        db = ladybug.Database(str(path))
        try:
            conn = ladybug.Connection(db)
            for ddl in ladybug_ddl.all_ddl():
                conn.execute(ddl)
        finally:
            db.close()
        return path

    def _swap_in(self, tmp: Path) -> None:
        """Make `tmp` the live database with one atomic rename of CURRENT."""
        final = tmp.with_name(tmp.name.removesuffix(".tmp"))
        os.replace(tmp, final)
        old = self._current_name()
        pointer = self.dir / "CURRENT.tmp"
        pointer.write_text(final.name + "\n", encoding="utf-8")
        with open(pointer, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(pointer, self.dir / "CURRENT")
        if old and old != final.name:
            for stale in (self.dir / old, self.dir / f"{old}.wal"):
                stale.unlink(missing_ok=True)

    @contextmanager
    def _write_lock(self) -> Iterator[None]:
        self.dir.mkdir(parents=True, exist_ok=True)
        with open(self.dir / ".write.lock", "a+") as fh:
            deadline = time.monotonic() + LOCK_WAIT_S
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        fh.seek(0)
                        raise StoreBusy(f"another process is writing to {self.dir} "
                                        f"({fh.read().strip() or 'pid unknown'}); try again when it ends") from None
                    time.sleep(0.2)
            fh.seek(0), fh.truncate(), fh.write(f"pid {os.getpid()}"), fh.flush()
            try:
                for leftover in self.dir.glob("*.tmp"):  # from a write that died
                    leftover.unlink(missing_ok=True)
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # ----------------------------------------------------------- connections
    def _reader(self) -> ladybug.Connection:
        """A read-only connection to the live file, reopened when CURRENT changes."""
        self._ensure_initialised()
        with self._mutex:
            name = self._current_name()
            if name != self._open_name or self._conn is None:
                self._close_reader()
                try:
                    self._db = ladybug.Database(str(self.dir / name), read_only=True)
                    self._conn = ladybug.Connection(self._db)
                except RuntimeError as err:
                    raise StoreUnavailable(f"cannot open {self.dir / name}: {err}") from err
                self._open_name = name
            return self._conn

    def _close_reader(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db = self._conn = None
        self._open_name = None

    def close(self) -> None:
        with self._mutex:
            self._close_reader()

    def _rows(self, cypher: str, params: dict[str, Any] | None = None,
              conn: ladybug.Connection | None = None) -> list[list[Any]]:
        conn = conn or self._reader()
        with self._mutex:
            return conn.execute(cypher, params or {}).get_all()

    # ------------------------------------------------------------------ reads
    def labels_of(self, ids: Iterable[str], conn: ladybug.Connection | None = None) -> dict[str, str]:
        ids = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        if not ids or not self._rows("MATCH (n) RETURN count(*)", conn=conn)[0][0]:
            return found  # nothing stored: no look-ups needed (a first bulk load)
        for label in schema.NODES:
            for (node_id,) in self._rows(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id",
                                         {"ids": ids}, conn):
                found[node_id] = label
        return found

    def get(self, node_id: str) -> NodeRecord | None:
        label = self.labels_of([node_id]).get(node_id)
        if label is None:
            return None
        return self._fetch_nodes(label, [node_id])[node_id]

    def _fetch_nodes(self, label: str, ids: list[str], conn=None) -> dict[str, NodeRecord]:
        names = list(schema.node_prop_types(label))
        cols = ", ".join(f"n.{p}" for p in names)
        rows = self._rows(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN {cols}", {"ids": ids}, conn)
        return {row[0]: NodeRecord(label, row[0], dict(zip(names, row))) for row in rows}

    def _fetch_edges(self, rel: str, source_label: str, source_ids: list[str], conn=None
                     ) -> dict[tuple[str, str, str], EdgeRecord]:
        names = list(schema.EDGE_PROP_TYPES)
        cols = ", ".join(f"e.{p}" for p in names)
        rows = self._rows(f"UNWIND $ids AS i MATCH (a:{source_label} {{id: i}})-[e:{rel}]->(b) "
                          f"RETURN a.id, b.id, {cols}", {"ids": source_ids}, conn)
        return {(rel, r[0], r[1]): EdgeRecord(rel, r[0], r[1], dict(zip(names, r[2:]))) for r in rows}

    def neighbours(self, node_id: str, limit: int = 1000) -> list[Neighbour]:
        label = self.labels_of([node_id]).get(node_id)
        if label is None:
            return []
        out: list[Neighbour] = []
        for direction, pattern in (("out", "(a)-[e]->(b)"), ("in", "(a)<-[e]-(b)")):
            rows = self._rows(f"MATCH {pattern} WHERE a.id = $id RETURN label(e), e, label(b), b "
                              f"ORDER BY label(e), b.id LIMIT $limit", {"id": node_id, "limit": limit})
            for rel, e, other_label, b in rows:
                src, dst = (node_id, b["id"]) if direction == "out" else (b["id"], node_id)
                out.append(Neighbour(EdgeRecord(rel, src, dst, _props(e, schema.EDGE_PROP_TYPES)),
                                     NodeRecord(other_label, b["id"], _props(b, schema.node_prop_types(other_label))),
                                     direction))
        return out[:limit]

    def edges_between(self, a: str, b: str) -> list[EdgeRecord]:
        labels = self.labels_of([a, b])
        if a not in labels or b not in labels:
            return []
        out = []
        for x, y in ((a, b), (b, a)):  # labels come from the schema, ids are parameters
            rows = self._rows(f"MATCH (x:{labels[x]})-[e]->(y:{labels[y]}) WHERE x.id = $x AND y.id = $y "
                              f"RETURN label(e), e ORDER BY label(e)", {"x": x, "y": y})
            out += [EdgeRecord(rel, x, y, _props(e, schema.EDGE_PROP_TYPES)) for rel, e in rows]
        return out

    def counts(self, conn: ladybug.Connection | None = None) -> Counts:
        nodes = dict.fromkeys(schema.NODES, 0)
        edges = dict.fromkeys(schema.RELS, 0)
        for label, n in self._rows("MATCH (n) RETURN label(n), count(*)", conn=conn):
            nodes[label] = int(n)
        for rel, n in self._rows("MATCH ()-[e]->() RETURN label(e), count(*)", conn=conn):
            edges[rel] = int(n)
        return Counts(nodes, edges)

    def export(self, conn: ladybug.Connection | None = None) -> GraphData:
        data = GraphData()
        for label in schema.NODES:
            names = list(schema.node_prop_types(label))
            table = self._arrow(f"MATCH (n:{label}) RETURN {', '.join(f'n.{p}' for p in names)} ORDER BY n.id", conn)
            for row in zip(*(table.column(i).to_pylist() for i in range(len(names)))):
                data.nodes.append(NodeRecord(label, row[0], dict(zip(names, row))))
        names = list(schema.EDGE_PROP_TYPES)
        for rel in schema.RELS:
            table = self._arrow(f"MATCH (a)-[e:{rel}]->(b) RETURN a.id, b.id, "
                                f"{', '.join(f'e.{p}' for p in names)} ORDER BY a.id, b.id", conn)
            for row in zip(*(table.column(i).to_pylist() for i in range(len(names) + 2))):
                data.edges.append(EdgeRecord(rel, row[0], row[1], dict(zip(names, row[2:]))))
        return data

    def export_topology(self, conn: ladybug.Connection | None = None) -> Topology:
        top = Topology()
        for label in schema.NODES:
            have = schema.node_prop_types(label)
            names = [p for p in TOPOLOGY_PROPS if p in have]
            table = self._arrow(f"MATCH (n:{label}) RETURN n.id" + "".join(f", n.{p}" for p in names), conn)
            size = table.num_rows
            top.ids += table.column(0).to_pylist()
            top.labels += [label] * size
            for p in TOPOLOGY_PROPS:
                top.props[p] += table.column(1 + names.index(p)).to_pylist() if p in names else [None] * size
        for rel in schema.RELS:
            table = self._arrow(f"MATCH (a)-[e:{rel}]->(b) RETURN a.id, b.id", conn)
            top.sources += table.column(0).to_pylist()
            top.targets += table.column(1).to_pylist()
            top.types += [rel] * table.num_rows
        return top

    def _arrow(self, cypher: str, conn=None) -> pa.Table:
        conn = conn or self._reader()
        with self._mutex:
            return conn.execute(cypher).get_as_arrow()

    def query(self, cypher: str, params: dict[str, Any] | None = None, *,
              timeout_s: float | None = None, max_rows: int | None = None) -> QueryResult:
        check_read_only(cypher)
        timeout_s = timeout_s or self.settings.query_timeout_s
        max_rows = max_rows or self.settings.max_rows
        conn = self._reader()
        with self._mutex:
            conn.set_query_timeout(int(timeout_s * 1000))
            try:
                result = conn.execute(cypher, params or {})
                columns = result.get_column_names()
                rows: list[list[Any]] = []
                while result.has_next() and len(rows) <= max_rows:
                    rows.append([_plain(v) for v in result.get_next()])
            except RuntimeError as err:
                raise _query_error(err, timeout_s) from err
            finally:
                conn.set_query_timeout(0)
        truncated = len(rows) > max_rows
        return QueryResult(columns, rows[:max_rows], truncated)

    # ----------------------------------------------------------------- writes
    def write(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord],
              progress: Progress | None = None) -> WriteResult:
        new_nodes = merge_nodes(nodes)
        new_edges = merge_edges(edges)
        for rec in new_nodes.values():
            check_node(rec)
        self._ensure_initialised()
        with self._write_lock():
            return self._write_locked(new_nodes, new_edges, progress or _no_progress)

    def _write_locked(self, new_nodes: dict[str, NodeRecord], new_edges: dict, progress: Progress) -> WriteResult:
        live = self.dir / self._current_name()
        db = ladybug.Database(str(live), read_only=True)
        try:
            conn = ladybug.Connection(db)
            before = self.counts(conn)
            big = before.total_nodes == 0 or len(new_nodes) + len(new_edges) >= self.bulk_threshold
            snapshot = self.export(conn) if big else None
            plan = make_plan(_Reader(self, conn), snapshot, new_nodes, new_edges)
        finally:
            db.close()
        result = WriteResult(plan.nodes_created, plan.nodes_updated, plan.edges_created, plan.edges_updated,
                             "rebuild" if big else "upsert")
        if not result.changed:
            return result
        if big:
            tmp = self._rebuild(snapshot, plan, progress)
        else:
            tmp = self._upsert(live, plan, progress)
        self._verify(tmp, before.total_nodes + plan.nodes_created, before.total_edges + plan.edges_created)
        self._swap_in(tmp)
        return result

    def _rebuild(self, snapshot: GraphData, plan: Plan, progress: Progress) -> Path:
        if snapshot.nodes or snapshot.edges:
            nodes = {n.id: n for n in snapshot.nodes}
            nodes.update({n.id: n for n in plan.nodes})
            edges = {e.key: e for e in snapshot.edges}
            edges.update({e.key: e for e in plan.edges})
            node_list, edge_list = list(nodes.values()), list(edges.values())
        else:  # first load: the plan is everything (no second index of millions of records)
            node_list, edge_list = plan.nodes, plan.edges
        tmp = self._new_file()
        db = ladybug.Database(str(tmp))
        try:
            conn = ladybug.Connection(db)
            _copy_nodes(conn, node_list, progress)
            _copy_edges(conn, edge_list, {n.id: n.label for n in node_list}, progress)
        except RuntimeError as err:
            raise QueryError(f"bulk load failed: {err}") from err
        finally:
            db.close()
        return tmp

    def _upsert(self, live: Path, plan: Plan, progress: Progress) -> Path:
        tmp = live.with_name(f"db-{time.time_ns():x}-{secrets.token_hex(3)}.lbug.tmp")
        shutil.copyfile(live, tmp)
        db = ladybug.Database(str(tmp))
        try:
            conn = ladybug.Connection(db)
            conn.execute("BEGIN TRANSACTION")
            try:
                _merge_nodes(conn, plan.nodes, progress)
                _merge_edges(conn, plan.edges, plan.labels, progress)
                conn.execute("COMMIT")
            except RuntimeError as err:
                conn.execute("ROLLBACK")
                raise QueryError(f"upsert failed: {err}") from err
        finally:
            db.close()
        return tmp

    def _verify(self, path: Path, nodes: int, edges: int) -> None:
        """Post-condition: the new file holds exactly the expected counts (guards
        against a statement shape that silently drops rows)."""
        db = ladybug.Database(str(path), read_only=True)
        try:
            got = self.counts(ladybug.Connection(db))
        finally:
            db.close()
        if (got.total_nodes, got.total_edges) != (nodes, edges):
            path.unlink(missing_ok=True)
            raise QueryError(f"write check failed: expected {nodes} nodes and {edges} edges, "
                             f"the new database has {got.total_nodes} and {got.total_edges}; nothing was changed")

    def clear(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        with self._write_lock():
            self._swap_in(self._new_file())


# ------------------------------------------------------------- bulk and MERGE
def _copy_nodes(conn, nodes: Iterable[NodeRecord], progress: Progress) -> None:
    by_label: dict[str, list[NodeRecord]] = {}
    for n in nodes:
        by_label.setdefault(n.label, []).append(n)
    done = 0
    total = sum(map(len, by_label.values()))
    for label, recs in by_label.items():
        types = schema.node_prop_types(label)
        rows_tbl = pa.table({p: pa.array([r.props.get(p) if p != "id" else r.id for r in recs], _ARROW[t])  # noqa: F841 (read by name)
                             for p, t in types.items()})
        conn.execute(f"COPY {label} FROM rows_tbl")  # ladybug reads the local variable
        del rows_tbl
        done += len(recs)
        progress("nodes", done, total)


def _copy_edges(conn, edges: Iterable[EdgeRecord], labels: dict[str, str], progress: Progress) -> None:
    groups: dict[tuple[str, str, str], list[EdgeRecord]] = {}
    for e in edges:
        groups.setdefault((e.type, labels[e.source], labels[e.target]), []).append(e)
    done = 0
    total = sum(map(len, groups.values()))
    for (rel, a, b), recs in groups.items():
        # one COPY per table: measured 3-4x slower when a relationship table is copied in chunks
        cols = {"from": pa.array([r.source for r in recs], pa.string()),
                "to": pa.array([r.target for r in recs], pa.string())}
        cols.update({p: pa.array([r.props.get(p) for r in recs], _ARROW[t])
                     for p, t in schema.EDGE_PROP_TYPES.items()})
        rows_tbl = pa.table(cols)  # noqa: F841 (ladybug reads the local by name)
        conn.execute(f"COPY {rel} FROM rows_tbl (from='{a}', to='{b}')")
        del rows_tbl, cols
        done += len(recs)
        progress("edges", done, total)


def _merge_nodes(conn, nodes: list[NodeRecord], progress: Progress) -> None:
    by_label: dict[str, list[dict]] = {}
    for n in nodes:
        by_label.setdefault(n.label, []).append({**n.props, "id": n.id})
    done = 0
    for label, rows in by_label.items():
        statement = ladybug_ddl.node_upsert(label)
        for i in range(0, len(rows), BATCH):
            conn.execute(statement, {"rows": rows[i:i + BATCH]})
            done += len(rows[i:i + BATCH])
            progress("nodes", done, len(nodes))


def _merge_edges(conn, edges: list[EdgeRecord], labels: dict[str, str], progress: Progress) -> None:
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for e in edges:
        groups.setdefault((e.type, labels[e.source], labels[e.target]), []).append(
            {**full_props(e.props, schema.EDGE_PROP_TYPES), "s": e.source, "t": e.target})
    done = 0
    for (rel, a, b), rows in groups.items():
        statement = ladybug_ddl.edge_upsert(rel, a, b)
        for i in range(0, len(rows), BATCH):
            conn.execute(statement, {"rows": rows[i:i + BATCH]})
            done += len(rows[i:i + BATCH])
            progress("edges", done, len(edges))


class _Reader:
    """The live file, read through one connection, as make_plan wants it."""

    def __init__(self, store: EmbeddedStore, conn):
        self.store, self.conn = store, conn

    def labels_of(self, ids):
        return self.store.labels_of(ids, self.conn)

    def fetch_nodes(self, label, ids):
        return self.store._fetch_nodes(label, ids, self.conn)

    def fetch_edges(self, rel, source_label, source_ids):
        return self.store._fetch_edges(rel, source_label, source_ids, self.conn)


# ------------------------------------------------------------------- values
def _no_progress(step: str, done: int, total: int) -> None:
    return None


def _props(value: dict, types: dict[str, str]) -> dict[str, Any]:
    return {k: value.get(k) for k in types}


def _plain(value: Any) -> Any:
    """Turn ladybug values into JSON-ready Python values."""
    if isinstance(value, dict):
        if "_LABEL" in value and "_ID" in value:
            kind = "_type" if "_SRC" in value else "_label"
            return {kind: value["_LABEL"], **{k: _plain(v) for k, v in value.items()
                                              if not k.startswith("_")}}
        if "_nodes" in value or "_rels" in value:
            return {"nodes": _plain(value.get("_nodes", [])), "relationships": _plain(value.get("_rels", []))}
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _query_error(err: RuntimeError, timeout_s: float) -> Exception:
    text = str(err)
    if "Interrupted" in text:
        return QueryTimeout(f"query stopped after the {timeout_s:g} s timeout")
    if "read-only" in text:
        return ReadOnlyViolation(f"read-only: {text}")
    return QueryError(text)
