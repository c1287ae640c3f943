"""Our exceptions. Driver errors are re-raised as these at the store boundary."""
from __future__ import annotations

from dataclasses import dataclass


class KgError(Exception):
    """Base class of every error dualchain raises on purpose."""


@dataclass(frozen=True)
class LoadError:
    """One problem in one input: where it is and what is wrong."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class LoadErrors(KgError):
    """Every problem found in a load; nothing was written."""

    def __init__(self, errors: list[LoadError]):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.field or ""))
        n = len(self.errors)
        super().__init__(f"{n} error{'s' if n != 1 else ''}; nothing was written.")

    def report(self) -> str:
        return "\n".join([*map(str, self.errors), str(self)])


class SchemaViolation(KgError):
    """A record the schema does not allow (unknown label, property or pattern)."""


class NodeNotFound(KgError):
    def __init__(self, node_id: str):
        self.node_id = node_id
        super().__init__(f"no node with id {node_id!r}")


class StoreUnavailable(KgError):
    """The store cannot be reached or opened."""


class StoreBusy(KgError):
    """Another process is writing to the store."""


class QueryError(KgError):
    """A query failed: bad syntax, unknown property, timeout."""


class QueryTimeout(QueryError):
    pass


class ReadOnlyViolation(QueryError):
    """An analyst query tried to change the graph or touch files."""
