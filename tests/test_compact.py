"""The compact projection gives the same answers as the networkx projection.

Whole-graph analysis switches to `CompactGraph` above `Settings.compact_from` nodes; these
tests run both projections of the same store and compare every result, on the bundled
dataset and on a synthetic ecosystem.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import networkx as nx
import pytest

from api import cli
from graph.compact import CompactGraph
from graph.embedded_store import EmbeddedStore
from graph.projection import analysis_graph, project, project_compact
from graph.settings import Settings
from graph.store import Topology
from loaders.pipeline import load_paths
from loaders.synth import write_synthetic
from queries import centrality as cen
from queries.gaps import all_gaps, partner_recommendations
from queries.paths import NoPath, k_shortest_paths, shortest_path, simple_graph, store_paths

from .conftest import FIXTURES

DATASET = Path(__file__).resolve().parents[1] / "data" / "chongqing"


def _same(a, b) -> bool:
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    store = EmbeddedStore(Settings(home=tmp_path_factory.mktemp("bundled")))
    load_paths(store, [DATASET])
    yield store
    store.close()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synth")
    write_synthetic(3000, 7, root / "data")
    store = EmbeddedStore(Settings(home=root / "home"))
    load_paths(store, [root / "data"])
    yield store
    store.close()


def test_topology_export_matches_the_full_export(bundled):
    top = bundled.export_topology()
    full = Topology.of(bundled.export())
    node = lambda t: sorted(zip(t.ids, t.labels, *(t.props[p] for p in sorted(t.props))))  # noqa: E731
    edge = lambda t: sorted(zip(t.sources, t.targets, t.types))  # noqa: E731
    assert node(top) == node(full)
    assert edge(top) == edge(full)


def test_compact_graph_is_the_analysis_graph_of_the_projection(bundled):
    s, c = simple_graph(project(bundled)), project_compact(bundled)
    assert sorted(c) == sorted(s)  # Source nodes left out of both
    assert "src.seed.001" not in c
    assert c.number_of_edges() == s.number_of_edges()
    assert sorted(map(sorted, c.edges())) == sorted(map(sorted, s.edges()))
    for n in ("univ.cqu", "cluster.nev", "district.liangjiang"):
        assert sorted(c[n]) == sorted(s[n])
        assert c.degree(n) == s.degree(n)
        assert c.nodes[n].get("label") == s.nodes[n]["label"]
        assert c.nodes[n].get("name_zh") == s.nodes[n]["name_zh"]
        stored = sorted((key, "out" if u == n else "in", v if u == n else u)
                        for other in s[n] for key, u, v, _ in s[n][other]["stored"])
        assert sorted(c.typed(n)) == stored


@pytest.mark.parametrize("graph", ["bundled", "synthetic"])
def test_every_gap_metric_is_the_same_on_both_projections(graph, request):
    store = request.getfixturevalue(graph)
    assert _same(all_gaps(project(store)), all_gaps(project_compact(store)))


def test_recommendations_for_one_entity_are_the_same(bundled):
    for entity in ("univ.cqu", "ent.changan"):
        assert _same(partner_recommendations(project(bundled), entity=entity),
                     partner_recommendations(project_compact(bundled), entity=entity))


@pytest.mark.parametrize("graph", ["bundled", "synthetic"])
def test_centrality_report_is_the_same_on_both_projections(graph, request):
    store = request.getfixturevalue(graph)
    full = cen.centrality_report(project(store), engine="igraph", top_n=15)
    compact = cen.centrality_report(project_compact(store), top_n=15)
    assert compact["engine"] == "igraph"
    for metric in cen.METRICS:
        assert full["metrics"][metric]["top"] == compact["metrics"][metric]["top"], metric
    assert full["communities"]["largest"] == compact["communities"]["largest"]


def test_compact_graph_refuses_the_networkx_engine(bundled):
    with pytest.raises(ValueError, match="igraph only"):
        cen.betweenness(project_compact(bundled), engine="networkx")


@pytest.mark.parametrize("graph", ["bundled", "synthetic"])
def test_shortest_paths_have_the_same_length_and_are_real_paths(graph, request):
    store = request.getfixturevalue(graph)
    g, c = project(store), project_compact(store)
    rng = random.Random(5)
    ids = sorted(c)
    for i in range(150):
        a, b = rng.sample(ids, 2)
        via = ["University", "Platform"] if i % 3 == 0 else None
        try:
            expected = shortest_path(g, a, b, via_labels=via)["hops"]
        except NoPath:
            expected = None
        try:
            found = shortest_path(c, a, b, via_labels=via)
        except NoPath:
            assert expected is None
            continue
        nodes = [n["id"] for n in found["nodes"]]
        assert found["hops"] == expected == len(nodes) - 1
        assert all(y in c[x] for x, y in zip(nodes, nodes[1:]))
        if via:
            assert all(c.label(n) in via for n in nodes[1:-1])
        # every hop names a stored edge between its two ends
        for x, y in zip(nodes, nodes[1:]):
            assert any({e["source"], e["target"]} == {x, y} for e in found["edges"])


def test_compact_path_evidence_stays_in_the_store(bundled):
    found = shortest_path(project_compact(bundled), "univ.cqu", "cluster.nev")
    assert found["edges"] and all(e["sources"] is None for e in found["edges"])
    with pytest.raises(ValueError, match="full projection"):
        k_shortest_paths(project_compact(bundled), "univ.cqu", "cluster.nev", k=2)


def test_analysis_graph_switches_at_the_threshold(bundled):
    assert isinstance(analysis_graph(bundled, compact_from=10**9), nx.MultiDiGraph)
    assert isinstance(analysis_graph(bundled, compact_from=100), CompactGraph)


def test_cli_gaps_give_the_same_json_on_either_projection(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DUALCHAIN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DUALCHAIN_STORE", raising=False)

    def run(*args: str) -> str:
        monkeypatch.setattr(sys, "argv", ["dualchain", *args])
        try:
            cli.main()
        except SystemExit as exit_:
            assert not exit_.code
        return capsys.readouterr().out

    run("load", str(FIXTURES / "mini_chain"))
    monkeypatch.setenv("DUALCHAIN_COMPACT_FROM", "1000000")
    full = json.loads(run("gaps", "--json"))
    monkeypatch.setenv("DUALCHAIN_COMPACT_FROM", "1")
    compact = json.loads(run("gaps", "--json"))
    assert full == compact
    assert full["single_points_of_failure"][0]["cut_nodes"] == ["district.d"]


def test_paths_of_a_large_store_carry_the_evidence_read_from_the_store(tmp_path):
    small = EmbeddedStore(Settings(home=tmp_path / "full"))
    large = EmbeddedStore(Settings(home=tmp_path / "compact", compact_from=1))  # every store counts as large
    for s in (small, large):
        load_paths(s, [DATASET])
    a, b, [full] = store_paths(small, "重庆大学", "cluster.nev")
    a2, b2, [compact] = store_paths(large, "重庆大学", "cluster.nev")
    assert (a, b) == (a2, b2) == ("univ.cqu", "cluster.nev")
    assert isinstance(analysis_graph(large), CompactGraph)
    assert compact["hops"] == full["hops"]
    if compact["nodes"] == full["nodes"]:  # the same route: the same edges, with the same evidence
        assert compact["edges"] == full["edges"]
    assert all(e["sources"] for e in compact["edges"])
    with pytest.raises(Exception, match="k=1"):
        store_paths(large, "univ.cqu", "cluster.nev", k=3)
    small.close()
    large.close()


def test_explorer_views_are_the_same_on_a_large_store(tmp_path):
    from fastapi.testclient import TestClient

    from api.main import create_app
    views = {}
    for name, limit in (("full", 10**9), ("compact", 1)):
        settings = Settings(home=tmp_path / name, compact_from=limit)
        store = EmbeddedStore(settings)
        load_paths(store, [DATASET])
        with TestClient(create_app(settings, store)) as client:
            get = lambda path, **params: client.get(path, params=params).json()  # noqa: E731
            views[name] = {
                "search": get("/api/entities", q="重大"),
                "search_in": get("/api/entities", q="大学", district="district.shapingba"),
                "near": get("/api/graph/neighbourhood", id="重庆大学", hops=2, limit=60),
                "near_cluster": get("/api/graph/neighbourhood", id="univ.cqu", hops=2, cluster="cluster.nev"),
                "path": get("/api/graph/path", **{"from": "univ.cqu", "to": "cluster.nev"}),
            }
        store.close()
    full, compact = views["full"], views["compact"]
    assert compact["search"]["data"] == full["search"]["data"] and full["search"]["data"][0]["id"] == "univ.cqu"
    assert compact["search_in"]["data"] == full["search_in"]["data"]
    for view in ("near", "near_cluster"):
        assert compact[view]["data"]["nodes"] == full[view]["data"]["nodes"], view  # same nodes, sizes, positions
        pairs = lambda v: sorted((x["source"], x["target"], x["type"]) for x in v["data"]["links"])  # noqa: E731
        assert pairs(compact[view]) == pairs(full[view])
    assert "evidence" in compact["near"]["meta"]  # says where the links' sources are
    assert compact["path"]["meta"]["edges"] == full["path"]["meta"]["edges"] or \
        [n["id"] for n in compact["path"]["data"]["nodes"]] != [n["id"] for n in full["path"]["data"]["nodes"]]
