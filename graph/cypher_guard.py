"""Refuse analyst Cypher that would change the graph, the schema or files.

This is the first of two locks: the embedded store also opens its database
read-only for analyst queries, and the Neo4j store runs them in READ access mode.
The guard exists to give one clear message on both stores before anything runs.
"""
from __future__ import annotations

import re

from .errors import ReadOnlyViolation

# Clauses that write data, change the schema, touch files or control transactions.
WRITE_CLAUSES = frozenset("""
CREATE MERGE DELETE DETACH SET REMOVE DROP ALTER COPY LOAD INSTALL ATTACH USE IMPORT
EXPORT CHECKPOINT BEGIN COMMIT ROLLBACK FOREACH TRUNCATE GRANT REVOKE DENY START STOP
""".split())

# Procedures an analyst may CALL: schema introspection only, on either store.
READ_PROCEDURES = tuple("""
show_tables table_info show_connection show_functions db_version
db.labels db.relationshipTypes db.propertyKeys db.schema.visualization db.schema.nodeTypeProperties
db.schema.relTypeProperties
""".split())
_READ_PROCEDURES_LOWER = frozenset(p.lower() for p in READ_PROCEDURES)

_STRIP = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""", re.S)
_TOKEN = re.compile(r"(\.?)([A-Za-z_][A-Za-z0-9_.]*)(\s*)(:?)")


def check_read_only(cypher: str) -> None:
    """Raise ReadOnlyViolation if the query could write; return None otherwise.

    >>> check_read_only("MATCH (n:University) RETURN n.name_zh LIMIT 5")
    >>> check_read_only("MATCH (n) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    graph.errors.ReadOnlyViolation: read-only: DETACH is not allowed here (queries may only read)
    """
    text = _STRIP.sub(" ", cypher)
    for m in _TOKEN.finditer(text):
        dot, word, _, colon = m.groups()
        if dot or colon:  # a property (n.set) or a map key ({create: 1}), not a clause
            continue
        upper = word.upper()
        if upper in WRITE_CLAUSES:
            raise ReadOnlyViolation(f"read-only: {upper} is not allowed here (queries may only read)")
        if upper == "CALL":
            _check_call(text, m.end())


def _check_call(text: str, pos: int) -> None:
    rest = text[pos:].lstrip()
    if rest.startswith("{"):
        return  # a subquery; its own clauses are checked like the rest
    name = re.match(r"[A-Za-z_][A-Za-z0-9_.]*", rest)
    proc = name.group(0) if name else rest[:20]
    if proc.lower() not in _READ_PROCEDURES_LOWER:
        raise ReadOnlyViolation(
            f"read-only: CALL {proc} is not allowed here; allowed procedures: "
            + ", ".join(READ_PROCEDURES))
