"""Settings from DUALCHAIN_* environment variables. Defaults run the embedded store locally."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import KgError

STORE_KINDS = ("embedded", "neo4j")


class SettingsError(KgError):
    """A setting is missing or has a value we cannot use."""


@dataclass(frozen=True)
class Settings:
    store: str = "embedded"
    home: Path = Path(".dualchain")
    neo4j_uri: str | None = None
    neo4j_user: str | None = None
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    query_timeout_s: float = 5.0
    max_rows: int = 1000
    compact_from: int = 200_000  # nodes from which whole-graph analysis uses the compact projection

    @property
    def graph_dir(self) -> Path:
        return self.home / "graph"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> "Settings":
        env = dict(os.environ if env is None else env)
        s = cls(
            store=env.get("DUALCHAIN_STORE", "embedded"),
            home=Path(env.get("DUALCHAIN_HOME", ".dualchain")),
            neo4j_uri=env.get("DUALCHAIN_NEO4J_URI") or None,
            neo4j_user=env.get("DUALCHAIN_NEO4J_USER") or None,
            neo4j_password=env.get("DUALCHAIN_NEO4J_PASSWORD") or None,
            neo4j_database=env.get("DUALCHAIN_NEO4J_DATABASE", "neo4j"),
            query_timeout_s=_number(env, "DUALCHAIN_QUERY_TIMEOUT", 5.0),
            max_rows=int(_number(env, "DUALCHAIN_MAX_ROWS", 1000)),
            compact_from=int(_number(env, "DUALCHAIN_COMPACT_FROM", 200_000)),
        )
        s = replace(s, **{k: v for k, v in overrides.items() if v is not None})
        s.check()
        return s

    def check(self) -> None:
        if self.store not in STORE_KINDS:
            raise SettingsError(f"DUALCHAIN_STORE must be one of {', '.join(STORE_KINDS)}, not {self.store!r}")
        if self.store == "neo4j":
            for name, value in (("DUALCHAIN_NEO4J_URI", self.neo4j_uri),
                                ("DUALCHAIN_NEO4J_USER", self.neo4j_user),
                                ("DUALCHAIN_NEO4J_PASSWORD", self.neo4j_password)):
                if not value:
                    raise SettingsError(f"{name} is not set; it is required when the store is neo4j")


def _number(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, not {raw!r}")
    return value
