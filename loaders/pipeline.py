"""Files -> records -> checks -> store, all-or-nothing.

`read_paths` parses every file and collects every problem; `check` runs the
cross-file checks (unknown ids, one id with two names or labels, patterns the schema
forbids); `load_paths` writes only when both found nothing.
"""
from __future__ import annotations

import difflib
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from graph import schema
from graph.errors import LoadError, LoadErrors, SchemaViolation
from graph.records import EdgeRecord, NodeRecord, SourceRef
from graph.store import GraphStore, WriteResult

from .tables import ParsedFile, load_file

logger = logging.getLogger(__name__)

SUFFIXES = (".yaml", ".yml", ".csv")
FileProgress = Callable[[str, int, int], None]


@dataclass
class Batch:
    """Everything read from a set of files, with the problems found."""

    files: list[ParsedFile] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)

    @property
    def nodes(self) -> list[NodeRecord]:
        return [n for f in self.files for n in f.nodes]

    @property
    def edges(self) -> list[EdgeRecord]:
        return [e for f in self.files for e in f.edges]


@dataclass
class LoadReport:
    files: int
    nodes: int
    edges: int
    write: WriteResult
    seconds: float


def collect_files(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Expand folders (recursively, sorted); give each file its stable provenance name,
    `<folder name>/<path inside it>`, the same whatever the working directory."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if f.is_file() and f.suffix.lower() in SUFFIXES and not any(
                        part.startswith((".", "_")) for part in rel.parts):
                    found.append((f, f"{path.resolve().name}/{rel.as_posix()}"))
        elif path.exists():
            found.append((path, f"{path.resolve().parent.name}/{path.name}"))
    return found


def read_paths(paths: Iterable[Path], progress: FileProgress | None = None) -> Batch:
    batch = Batch()
    files = collect_files(paths)
    for path in paths:
        if not path.exists():
            batch.errors.append(LoadError(str(path), None, None, "no such file or folder"))
    for i, (path, stable) in enumerate(files, 1):
        parsed = load_file(path, stable)
        batch.files.append(parsed)
        batch.errors += parsed.errors
        if progress:
            progress(path.name, i, len(files))
    if not files and not batch.errors:  # (a missing path is already reported)
        batch.errors.append(LoadError(", ".join(map(str, paths)), None, None, "no .yaml, .yml or .csv files found"))
    return batch


def check(batch: Batch, stored_labels: Callable[[Iterable[str]], dict[str, str]]) -> list[LoadError]:
    """Cross-file checks. `stored_labels` maps ids already in the store to labels."""
    errors: list[LoadError] = []
    first: dict[str, NodeRecord] = {}
    for node in batch.nodes:
        seen = first.setdefault(node.id, node)
        if seen is not node:
            errors += _conflicts(seen, node)
    referenced = {i for e in batch.edges for i in (e.source, e.target)} - set(first)
    stored = stored_labels(set(first) | referenced)
    labels = {**stored, **{i: n.label for i, n in first.items()}}
    for node_id, node in first.items():
        if node_id in stored and stored[node_id] != node.label:
            errors.append(_at(node.origin, "id", f"{node_id!r} is already a {stored[node_id]} in the store, "
                                                 f"not a {node.label}"))
    names = {i: n.props.get("name_zh") for i, n in first.items()}
    failed = {i for f in batch.files for i in f.failed_ids}  # already reported; don't cascade
    for e in batch.edges:
        if not ({e.source, e.target} & failed):
            errors += _edge_problems(e, labels, names)
    return errors


def _conflicts(a: NodeRecord, b: NodeRecord) -> list[LoadError]:
    where = f"(first defined at {a.origin})"
    if a.label != b.label:
        return [_at(b.origin, "id", f"{b.id!r} is a {b.label} here but a {a.label} {where}")]
    out = []
    for key, value in b.props.items():
        old = a.props.get(key)
        if value is not None and old is not None and not isinstance(value, list) and value != old:
            out.append(_at(b.origin, key, f"{b.id!r} has {key} {value!r} here but {old!r} {where}"))
    return out


def _edge_problems(e: EdgeRecord, labels: dict[str, str], names: dict[str, str | None]) -> list[LoadError]:
    field_name = e.origin.field if e.origin else None
    out = []
    for end in (e.source, e.target):
        if end not in labels:
            out.append(_at(e.origin, field_name, f"unknown id {end!r}{_suggest(end, labels, names)}"))
    if out:
        return out
    a, b = labels[e.source], labels[e.target]
    if not schema.allowed(e.type, a, b):
        out.append(_at(e.origin, field_name, f"({a})-[{e.type}]->({b}) is not allowed by the schema "
                                             f"({e.source} -> {e.target})"))
    return out


def _suggest(bad: str, labels: dict[str, str], names: dict[str, str | None]) -> str:
    by_name = [i for i, n in names.items() if n and n == bad.strip()]
    close = by_name or difflib.get_close_matches(bad, list(labels), n=1, cutoff=0.75)
    if not close:
        return ""
    name = names.get(close[0])
    return f" (did you mean {close[0]!r}{f' ({name})' if name else ''}?)"


def _at(origin: SourceRef | None, field_name: str | None, message: str) -> LoadError:
    return LoadError(origin.path if origin else "?", origin.line if origin else None, field_name, message)


def source_nodes(batch: Batch, existing: Callable[[str], NodeRecord | None]) -> list[NodeRecord]:
    """One Source node per file: path, sha256 and the time its current content was
    first loaded (kept when the content is unchanged, so a rerun changes nothing)."""
    out = []
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    for f in batch.files:
        node_id = source_id(f.stable)
        old = existing(node_id)
        same = old is not None and old.props.get("sha256") == f.sha256
        out.append(NodeRecord(schema.SOURCE, node_id, {
            "name_zh": f.stable, "kind": "file", "path": f.stable, "sha256": f.sha256,
            "loaded_at": old.props.get("loaded_at") if same else now, "sources": [f.stable]}))
    return out


def source_id(stable: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "_", stable).strip("_").lower()
    return f"src.file.{slug}"


def load_paths(store: GraphStore, paths: Iterable[Path], progress: FileProgress | None = None,
               write_progress=None) -> LoadReport:
    """Read, check, then write everything in one step; raise LoadErrors (and write
    nothing) if any problem was found anywhere."""
    started = time.perf_counter()
    paths = list(paths)
    batch = read_paths(paths, progress)
    errors = batch.errors + check(batch, store.labels_of)
    if errors:
        raise LoadErrors(errors)
    nodes = batch.nodes + source_nodes(batch, store.get)
    try:
        result = store.write(nodes, batch.edges, write_progress)
    except SchemaViolation as err:  # a race with another writer; the checks above passed
        raise LoadErrors([LoadError(", ".join(map(str, paths)), None, None, str(err))]) from err
    report = LoadReport(len(batch.files), len(nodes), len(batch.edges), result, time.perf_counter() - started)
    logger.info("loaded %d nodes, %d edges from %d files in %.1f s (%d created, %d updated)",
                report.nodes, report.edges, report.files, report.seconds,
                result.nodes_created + result.edges_created, result.nodes_updated + result.edges_updated)
    return report


NAMED_LABELS = (schema.UNIVERSITY, schema.INSTITUTE, schema.PLATFORM, schema.ENTERPRISE, schema.ORGANIZATION,
                schema.DISTRICT)


def name_index(store: GraphStore):
    """The text extractor's index of known names and aliases, read from the store (one
    query per label, in Cypher both stores accept)."""
    from .text import Lexicons, NameIndex
    rows = []
    for label in NAMED_LABELS:
        result = store.query(f"MATCH (n:{label}) RETURN n.id, n.name_zh, n.aliases", max_rows=10_000_000,
                             timeout_s=120)
        rows += [(node_id, label, name, aliases) for node_id, name, aliases in result.rows]
    return NameIndex.from_rows(rows, Lexicons.load().ambiguous)


def load_texts(store: GraphStore, paths: Iterable[Path], year: int | None = None) -> LoadReport:
    """Extract the cooperation items of text files and write them as events, all or nothing;
    a file already loaded (same content) adds nothing."""
    import hashlib

    from .text import Lexicons, as_json, extract
    from .text_records import text_records
    started = time.perf_counter()
    paths = list(paths)
    missing = [LoadError(str(p), None, None, "no such file") for p in paths if not p.is_file()]
    if missing:
        raise LoadErrors(missing)
    index, lex = name_index(store), Lexicons.load()
    known_clusters = {i for i, lb in store.labels_of(list(lex.clusters)).items() if lb == schema.CLUSTER}
    nodes: list[NodeRecord] = []
    edges: list[EdgeRecord] = []
    for path in paths:
        blob = path.read_bytes()
        try:
            text = blob.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise LoadErrors([LoadError(str(path), blob[:err.start].count(b"\n") + 1, None, "not UTF-8 text")]) from err
        result = as_json(extract(text, index, lex, year))
        subjects = {it["subject"]["id"] for it in result["items"] if it["subject"] and it["subject"].get("id")}
        pairs = [(s, n.node.id) for s in subjects for n in store.neighbours(s, limit=100_000)
                 if n.edge.type == schema.COOPERATES_WITH]
        stable = f"{path.resolve().parent.name}/{path.name}"
        n, e = text_records(result, str(path), stable, hashlib.sha256(blob).hexdigest(), known_clusters, pairs)
        nodes += n
        edges += e
    try:
        result = store.write(nodes, edges)
    except SchemaViolation as err:
        raise LoadErrors([LoadError(", ".join(map(str, paths)), None, None, str(err))]) from err
    report = LoadReport(len(paths), len(nodes), len(edges), result, time.perf_counter() - started)
    logger.info("loaded %d events from %d text files in %.1f s (%d created, %d updated)",
                sum(1 for x in nodes if x.label == schema.EVENT), len(paths), report.seconds,
                result.nodes_created + result.edges_created, result.nodes_updated + result.edges_updated)
    return report
