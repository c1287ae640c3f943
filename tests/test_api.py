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
