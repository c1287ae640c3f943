"""Shared fixtures. Every test runs on the real embedded database in a temp folder;
store contract tests also run on Neo4j when DUALCHAIN_NEO4J_URI is set."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.settings import Settings
from graph.store import GraphStore
from loaders.pipeline import load_paths

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = FIXTURES / "sources"
BAD = FIXTURES / "bad"

NEO4J_SKIP = ("Neo4j contract tests skipped: DUALCHAIN_NEO4J_URI is not set. To run them, start a "
              "throwaway server (docker compose up -d neo4j) and set DUALCHAIN_NEO4J_URI, _USER and "
              "_PASSWORD; the tests clear that database.")


def neo4j_settings() -> Settings | None:
    if not os.environ.get("DUALCHAIN_NEO4J_URI"):
        return None
    return Settings.from_env(store="neo4j")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home")


@pytest.fixture
def embedded(settings: Settings):
    store = EmbeddedStore(settings)
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, settings: Settings) -> GraphStore:
    """An empty store of each kind (the contract)."""
    if request.param == "neo4j":
        neo = neo4j_settings()
        if neo is None:
            pytest.skip(NEO4J_SKIP)
        from graph.neo4j_store import Neo4jStore
        s = Neo4jStore(neo)
        s.clear()
    else:
        s = EmbeddedStore(settings)
    yield s
    s.close()


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load_paths(store, [SOURCES])
    return store
