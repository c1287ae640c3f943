"""Curated tables in YAML and CSV -> records. Pure functions on text; `load_file` opens.

YAML file:
    label: University          # default label of the rows under `nodes`
    meta: {...}                # free text about the file, not loaded
    nodes: [{id: univ.cqu, name_zh: 重庆大学, district: district.shapingba, ...}]
    edges: [{type: SUPPORTS, from: tech.x, to: cluster.y, basis: curated, rationale: ...}]

CSV file: a node table named for its label (universities.csv, University.csv,
tech_areas.csv …) or an edge list whose name starts with `edges` (columns type, from,
to, …). List cells separate items with `|`. UTF-8 with or without a BOM.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph import schema
from graph.errors import LoadError
from graph.records import EdgeRecord, NodeRecord

from .rows import edge_from_row, node_from_row

YAML_KEYS = ("label", "meta", "nodes", "edges")


@dataclass
class ParsedFile:
    path: str            # as the user named it, for messages
    stable: str          # root-relative name, for provenance
    sha256: str = ""
    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    failed_ids: set[str] = field(default_factory=set)  # ids of node rows that did not validate

    def add(self, row: dict[str, Any], nodes, edges, errors, is_node: bool) -> None:
        self.nodes += nodes
        self.edges += edges
        self.errors += errors
        if errors and is_node and isinstance(row.get("id"), str):
            self.failed_ids.add(row["id"])


# ---------------------------------------------------------------- file names
def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


TABLE_NAMES: dict[str, str] = {}
for _label in schema.NODES:
    for _name in (_label.lower(), _snake(_label), _plural(_snake(_label)), _plural(_label.lower())):
        TABLE_NAMES[_name] = _label


def csv_kind(path: Path) -> str | None:
    """'edges', a label, or None when the name says neither."""
    stem = path.stem.lower()
    if stem.startswith("edges") or stem.endswith("_edges"):
        return "edges"
    return TABLE_NAMES.get(stem)


# ---------------------------------------------------------------------- YAML
class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping and of each of its keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    mapping["__dupes__"] = sorted({k for k in keys if keys.count(k) > 1})
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_marks(row: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, int], list[str]]:
    clean = {k: _unmark(v) for k, v in row.items() if not k.startswith("__")}
    return clean, row.get("__line__", 0), row.get("__lines__", {}), row.get("__dupes__", [])


def _unmark(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _unmark(v) for k, v in value.items() if not str(k).startswith("__")}
    if isinstance(value, list):
        return [_unmark(v) for v in value]
    return value


def parse_yaml(text: str, path: str, stable: str) -> ParsedFile:
    out = ParsedFile(path, stable)
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        out.errors.append(LoadError(path, mark.line + 1 if mark else None, None, f"malformed YAML: {problem}"))
        return out
    if not isinstance(doc, dict):
        out.errors.append(LoadError(path, 1, None, "expected a mapping with `nodes:` and/or `edges:`"))
        return out
    raw = doc
    doc, _, lines, dupes = _strip_marks(raw)
    for key in dupes:
        out.errors.append(LoadError(path, lines.get(key), key, "key given twice"))
    for key in doc:
        if key not in YAML_KEYS:
            out.errors.append(LoadError(path, lines.get(key), key, f"unknown top-level key; expected {', '.join(YAML_KEYS)}"))
    default_label = doc.get("label")
    for section in ("nodes", "edges"):
        rows = raw.get(section) or []
        if not isinstance(rows, list):
            out.errors.append(LoadError(path, lines.get(section), section, "must be a list of rows"))
            continue
        for item in rows:
            _yaml_row(out, item, section, default_label, path, stable)
    return out


def _yaml_row(out: ParsedFile, item: Any, section: str, label: str | None, path: str, stable: str) -> None:
    if not isinstance(item, dict):
        out.errors.append(LoadError(path, None, section, f"each row must be a mapping, got {item!r}"))
        return
    row, line, lines, dupes = _strip_marks(item)
    for key in dupes:
        out.errors.append(LoadError(path, lines.get(key, line), key, "key given twice"))
    if section == "nodes":
        if not (row.get("label") or label):
            out.errors.append(LoadError(path, line, "label", "is required (per row or at the top of the file)"))
            return
        out.add(row, *node_from_row(row, label, path, line, stable, lines), is_node=True)
    else:
        out.add(row, [], *edge_from_row(row, path, line, stable, lines), is_node=False)


# ----------------------------------------------------------------------- CSV
def parse_csv(text: str, path: str, stable: str, kind: str) -> ParsedFile:
    out = ParsedFile(path, stable)
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        out.errors.append(LoadError(path, 1, None, "empty file: expected a header row"))
        return out
    for dupe in sorted({h for h in header if header.count(h) > 1}):
        out.errors.append(LoadError(path, 1, dupe, "column given twice"))
    last = reader.line_num
    for cells in reader:
        line, last = last + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            out.errors.append(LoadError(path, line, None, f"has {len(cells)} cells, the header has {len(header)}"))
            continue
        row = {h: c.strip() for h, c in zip(header, cells) if c.strip() != ""}
        empty = {h for h, c in zip(header, cells) if c.strip() == ""}
        if kind == "edges":
            out.add(row, [], *edge_from_row(row, path, line, stable, empty=empty), is_node=False)
        else:
            out.add(row, *node_from_row(row, kind, path, line, stable, empty=empty), is_node=True)
    return out


# ---------------------------------------------------------------------- files
def load_file(path: Path, stable: str) -> ParsedFile:
    """Read one file (YAML or CSV) into records. Errors are collected, not raised."""
    shown = str(path)
    try:
        blob = path.read_bytes()
    except OSError as err:
        return ParsedFile(shown, stable, errors=[LoadError(shown, None, None, f"cannot read: {err.strerror}")])
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = blob[: err.start].count(b"\n") + 1
        return ParsedFile(shown, stable, errors=[LoadError(shown, line, None, "not UTF-8 text")])
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        parsed = parse_yaml(text, shown, stable)
    elif suffix == ".csv":
        kind = csv_kind(path)
        if kind is None:
            return ParsedFile(shown, stable, errors=[LoadError(
                shown, None, None, "cannot tell what this CSV holds: name it for its label "
                "(e.g. universities.csv, tech_areas.csv) or start its name with 'edges'")])
        parsed = parse_csv(text, shown, stable, kind)
    else:
        return ParsedFile(shown, stable, errors=[LoadError(shown, None, None, "not a .yaml, .yml or .csv file")])
    parsed.sha256 = hashlib.sha256(blob).hexdigest()
    return parsed
