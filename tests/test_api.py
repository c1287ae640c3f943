"""The HTTP API over the real embedded store (TestClient, no server)."""
from __future__ import annotations

from fastapi.testclient import TestClient

from api.main import create_app
from loaders.pipeline import load_paths

from .conftest import SOURCES


def test_health_and_stats_report_the_loaded_graph(settings, embedded):
    load_paths(embedded, [SOURCES])
    with TestClient(create_app(settings, embedded)) as client:
        health = client.get("/api/health").json()
        stats = client.get("/api/stats").json()
    assert health == {"ok": True, "data": {"status": "ok", "store": "embedded", "nodes": 17, "edges": 12}, "meta": {}}
    assert stats["data"]["nodes"]["University"] == 2
    assert stats["data"]["edges"]["LOCATED_IN"] == 4
    assert stats["meta"]["generation"] == embedded.generation()


def test_store_down_is_a_503_with_the_error_shape():
    from graph.neo4j_store import Neo4jStore
    from graph.settings import Settings
    down = Settings(store="neo4j", neo4j_uri="bolt://127.0.0.1:1", neo4j_user="neo4j", neo4j_password="x")
    with TestClient(create_app(down, Neo4jStore(down))) as client:
        response = client.get("/api/health")
    assert response.status_code == 503
    body = response.json()
    assert (body["ok"], body["status"]) == (False, 503)
    assert body["errors"][0]["message"].startswith("Neo4j at bolt://127.0.0.1:1 is not available")


def test_api_sees_a_load_made_by_another_process_without_restart(settings, embedded):
    from graph.embedded_store import EmbeddedStore
    with TestClient(create_app(settings, embedded)) as client:
        assert client.get("/api/health").json()["data"]["nodes"] == 0
        loader = EmbeddedStore(settings)  # as `dualchain load` would, beside the running server
        load_paths(loader, [SOURCES])
        loader.close()
        assert client.get("/api/health").json()["data"]["nodes"] == 17
