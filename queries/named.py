"""Saved analyst Cypher: one question per file in queries/cypher/, each opening with
comment lines that say what it answers, its parameters (with an example) and its columns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import KgError
from graph.store import GraphStore, QueryResult

CYPHER_DIR = Path(__file__).parent / "cypher"
_PARAM = re.compile(r"\$(\w+) \((\w+)[^)]*\)[,\s]*e\.g\.\s*(\S+)")


@dataclass
class NamedQuery:
    name: str
    question: str
    parameters: dict[str, dict[str, str]]  # name -> {type, example}
    columns: list[str]
    cypher: str
    path: Path


class UnknownQuery(KgError):
    pass


def _header(text: str, key: str) -> str:
    m = re.search(rf"^//\s*{key}:\s*(.+)$", text, re.M)
    return m.group(1).strip() if m else ""


def parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    question, params, columns = _header(text, "What it answers"), _header(text, "Parameters"), _header(text, "Columns")
    if not (question and params and columns):
        raise KgError(f"{path}: header needs 'What it answers:', 'Parameters:' and 'Columns:' lines")
    parameters = {m.group(1): {"type": m.group(2), "example": m.group(3).rstrip(".,;")}
                  for m in _PARAM.finditer(params)}
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()
    return NamedQuery(path.stem, question, parameters, [c.strip() for c in columns.split(",")], body, path)


def list_queries(store_kind: str = "embedded") -> list[NamedQuery]:
    """Every saved query; a `name.neo4j.cypher` beside a file replaces it on Neo4j."""
    out = []
    for path in sorted(CYPHER_DIR.glob("*.cypher")):
        if path.name.count(".") > 1:
            continue
        variant = path.with_name(f"{path.stem}.{store_kind}.cypher")
        out.append(parse(variant if variant.exists() else path))
    return out


def get(name: str, store_kind: str = "embedded") -> NamedQuery:
    for q in list_queries(store_kind):
        if q.name == name:
            return q
    known = ", ".join(q.name for q in list_queries(store_kind))
    raise UnknownQuery(f"no saved query named {name!r}; saved queries: {known}")


def run(store: GraphStore, name: str, params: dict[str, Any], **limits) -> QueryResult:
    q = get(name, store.kind)
    missing = sorted(set(q.parameters) - set(params))
    extra = sorted(set(params) - set(q.parameters))
    if missing or extra:
        raise KgError(f"query {name!r} takes parameters {', '.join('$' + p for p in q.parameters) or 'none'}"
                      + (f"; missing {', '.join(missing)}" if missing else "")
                      + (f"; unknown {', '.join(extra)}" if extra else ""))
    return store.query(q.cypher, params, **limits)
