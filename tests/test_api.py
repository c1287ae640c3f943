"""The HTTP API over the real embedded store (TestClient, no server): values and shapes."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from loaders.pipeline import load_paths

from .conftest import SOURCES


@pytest.fixture
def client(settings, embedded):
    load_paths(embedded, [SOURCES])
    with TestClient(create_app(settings, embedded)) as c:
        yield c


def assert_error(response, status: int, field: str | None = None, contains: str = "") -> dict:
    body = response.json()
    assert response.status_code == status, body
    assert (body["ok"], body["status"]) == (False, status)
    assert body["errors"][0]["field"] == field
    assert contains in body["errors"][0]["message"]
    return body


def test_health_and_stats_report_the_loaded_graph(client, embedded):
    assert client.get("/api/health").json() == {
        "ok": True, "data": {"status": "ok", "store": "embedded", "nodes": 17, "edges": 12}, "meta": {}}
    stats = client.get("/api/stats").json()
    assert (stats["data"]["nodes"]["University"], stats["data"]["edges"]["LOCATED_IN"]) == (2, 4)
    assert stats["meta"]["generation"] == embedded.generation()
    assert [f["path"] for f in stats["meta"]["files"]][:2] == ["sources/clusters.yaml", "sources/districts.yaml"]


def test_entity_search_by_name_alias_and_id_with_paging(client):
    by_alias = client.get("/api/entities", params={"q": "重大"}).json()
    assert [e["id"] for e in by_alias["data"]] == ["univ.cqu"]
    page = client.get("/api/entities", params={"q": "重庆", "page_size": 1, "page": 2}).json()
    assert page["meta"] == {"total": 3, "page": 2, "page_size": 1, "pages": 3}
    assert [e["id"] for e in page["data"]] == ["univ.cqjtu"]
    labelled = client.get("/api/entities", params={"label": "Cluster"}).json()
    assert [e["id"] for e in labelled["data"]] == ["cluster.biomedicine", "cluster.nev"]  # shorter names first
    in_district = client.get("/api/entities", params={"district": "district.nanan"}).json()
    assert sorted(e["id"] for e in in_district["data"]) == ["district.nanan", "plat.bridge_skl", "univ.cqjtu"]


def test_paging_has_a_hard_cap(client):
    assert_error(client.get("/api/entities", params={"page_size": 5000}), 400, "page_size")


def test_entity_with_neighbours_and_evidence(client):
    body = client.get("/api/entities/univ.cqu").json()
    assert body["data"]["properties"]["name_zh"] == "重庆大学"
    links = {(n["direction"], n["type"], n["node"]["id"]): n["edge"]["sources"] for n in body["data"]["neighbours"]}
    assert links == {("out", "LOCATED_IN", "district.shapingba"): ["sources/universities.csv:2"],
                     ("in", "COOPERATES_WITH", "ent.changan"): ["sources/edges.csv:2"]}


def test_unknown_id_is_404_with_the_id(client):
    assert_error(client.get("/api/entities/univ.nowhere"), 404, contains="univ.nowhere")


def test_paths_by_name(client):
    body = client.get("/api/paths", params={"from": "重庆大学", "to": "cluster.nev"}).json()
    assert [n["id"] for n in body["data"][0]["nodes"]] == ["univ.cqu", "ent.changan", "cluster.nev"]
    assert body["meta"] == {"source": "univ.cqu", "target": "cluster.nev"}
    assert_error(client.get("/api/paths", params={"from": "univ.cqjtu", "to": "cluster.nev"}), 404,
                 contains="no path")
    assert_error(client.get("/api/paths", params={"from": "univ.cqu", "to": "cluster.nev", "k": 0}), 400, "k")
    assert_error(client.get("/api/paths", params={"from": "univ.cqu"}), 400, "to")


def test_centrality_one_metric_and_bad_metric(client):
    body = client.get("/api/centrality", params={"metric": "degree", "label": "Enterprise", "top": 1}).json()
    assert body["data"]["metrics"]["degree"]["top"] == [
        {"id": "ent.changan", "label": "Enterprise", "name_zh": "重庆长安汽车股份有限公司", "score": 3.0}]
    assert_error(client.get("/api/centrality", params={"metric": "fame"}), 400, "metric", "unknown metric")
    assert_error(client.get("/api/centrality", params={"label": "Person"}), 400, "label")


def test_gaps_all_and_one(client):
    everything = client.get("/api/gaps").json()["data"]
    one = client.get("/api/gaps/cluster_supply_gap").json()
    assert one["data"] == everything["cluster_supply_gap"]
    bio = {r["id"]: r for r in one["data"]}["cluster.biomedicine"]
    assert (bio["supply"], bio["flag"]) == (0, "no_supply")
    assert_error(client.get("/api/gaps/happiness"), 404, "metric")


def test_recommendations(settings, embedded):
    load_paths(embedded, [SOURCES.parent / "mini_chain"])
    with TestClient(create_app(settings, embedded)) as client:
        body = client.get("/api/recommendations", params={"entity": "plat.p"}).json()
        assert [(r["enterprise"], r["score"]) for r in body["data"]] == [("ent.f1", 0.5), ("ent.f2", 0.5)]
        assert_error(client.get("/api/recommendations", params={"entity": "nobody"}), 404)


def test_saved_queries_list_and_run(client):
    listed = client.get("/api/queries").json()["data"]
    assert "universities_in_district" in [q["name"] for q in listed]
    run = client.post("/api/queries/universities_in_district", json={"params": {"district": "district.nanan"}}).json()
    assert run["data"] == {"columns": ["id", "name_zh", "level"],
                           "rows": [{"id": "univ.cqjtu", "name_zh": "重庆交通大学", "level": "本科"}]}
    assert_error(client.post("/api/queries/universities_in_district", json={"params": {}}), 400,
                 contains="missing district")
    assert_error(client.post("/api/queries/nope", json={}), 404, "name")


def test_cypher_console_binds_parameters_and_refuses_writes(client):
    body = client.post("/api/cypher", json={"query": "MATCH (u:University) WHERE u.id = $id RETURN u.name_zh AS n",
                                            "params": {"id": "univ.cqu"}}).json()
    assert body["data"] == {"columns": ["n"], "rows": [{"n": "重庆大学"}]}
    assert body["meta"]["truncated"] is False
    assert_error(client.post("/api/cypher", json={"query": "MATCH (n) DETACH DELETE n"}), 400,
                 contains="read-only")
    assert client.get("/api/health").json()["data"]["nodes"] == 17
    assert_error(client.post("/api/cypher", json={}), 400, "query")


def test_api_key_is_required_when_set(settings, embedded, monkeypatch):
    monkeypatch.setenv("DUALCHAIN_API_KEY", "s3cret")
    with TestClient(create_app(settings, embedded)) as c:
        assert_error(c.get("/api/stats"), 401, contains="API key")
        assert c.get("/api/stats", headers={"X-API-Key": "s3cret"}).status_code == 200
        assert c.get("/api/stats", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/api/health").status_code == 200  # for the compose healthcheck


def test_store_down_is_a_503_with_the_error_shape():
    from graph.neo4j_store import Neo4jStore
    from graph.settings import Settings
    down = Settings(store="neo4j", neo4j_uri="bolt://127.0.0.1:1", neo4j_user="neo4j", neo4j_password="x")
    with TestClient(create_app(down, Neo4jStore(down))) as client:
        body = assert_error(client.get("/api/health"), 503)
    assert body["errors"][0]["message"].startswith("Neo4j at bolt://127.0.0.1:1 is not available")


def test_api_sees_a_load_made_by_another_process_without_restart(settings, embedded):
    from graph.embedded_store import EmbeddedStore
    with TestClient(create_app(settings, embedded)) as client:
        assert client.get("/api/health").json()["data"]["nodes"] == 0
        loader = EmbeddedStore(settings)  # as `dualchain load` would, beside the running server
        load_paths(loader, [SOURCES])
        loader.close()
        assert client.get("/api/health").json()["data"]["nodes"] == 17
        assert client.get("/api/gaps/reach").json()["data"]  # cached results follow the new generation


def test_neighbourhood_view_with_filters_and_limit(client):
    body = client.get("/api/graph/neighbourhood", params={"id": "重庆大学", "hops": 2}).json()
    assert body["meta"]["center"] == "univ.cqu"
    ids = {n["id"] for n in body["data"]["nodes"]}
    assert ids == {"univ.cqu", "district.shapingba", "ent.changan", "cluster.biomedicine", "cluster.nev",
                   "district.liangjiang"}
    assert all({"x", "y", "color", "size"} <= set(n) for n in body["data"]["nodes"])
    limited = client.get("/api/graph/neighbourhood", params={"id": "univ.cqu", "hops": 2, "limit": 2}).json()
    assert (len(limited["data"]["nodes"]), limited["meta"]["truncated"], limited["meta"]["found"]) == (2, True, 6)
    only_sp = client.get("/api/graph/neighbourhood", params={"id": "univ.cqu", "hops": 2,
                                                             "district": "district.shapingba"}).json()
    assert {n["id"] for n in only_sp["data"]["nodes"]} == {"univ.cqu", "district.shapingba", "cluster.biomedicine",
                                                           "ent.changan"}
    assert_error(client.get("/api/graph/neighbourhood", params={"id": "univ.cqu", "cluster": "univ.cqu"}), 400,
                 "cluster")


def test_legend_is_the_one_source_of_label_colours_and_names(client):
    from viz.style import COLOURS, LABELS_ZH
    legend = client.get("/api/legend").json()["data"]
    assert legend["University"] == {"color": COLOURS["University"], "zh": "高校"}
    assert set(legend) == set(LABELS_ZH)
