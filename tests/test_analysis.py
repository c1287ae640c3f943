"""Analysis: projection, paths, centrality (both engines), gap metrics, saved Cypher."""
from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graph.errors import NodeNotFound
from graph.projection import project
from loaders.pipeline import load_paths
from queries import centrality as cen
from queries import gaps, named
from queries.entities import resolve
from queries.paths import NoPath, k_shortest_paths, routes_to_cluster, shortest_path, simple_graph

from .conftest import FIXTURES, SOURCES

MINI = FIXTURES / "mini_chain"


@pytest.fixture
def mini(embedded):
    load_paths(embedded, [MINI])
    return project(embedded)


@pytest.fixture
def fixture_graph(embedded):
    load_paths(embedded, [SOURCES])
    return embedded


# ------------------------------------------------------------------ projection
def test_projection_is_cached_until_the_store_changes(fixture_graph):
    first = project(fixture_graph)
    assert project(fixture_graph) is first
    from graph.records import NodeRecord
    fixture_graph.write([NodeRecord("District", "district.new", {"name_zh": "新区", "sources": ["t"]})], [])
    second = project(fixture_graph)
    assert second is not first
    assert "district.new" in second and "district.new" not in first


def test_filtered_projection_does_not_reuse_the_full_graphs_caches(fixture_graph):
    full = project(fixture_graph)
    shortest_path(full, "univ.cqu", "cluster.nev")  # builds the full graph's analysis cache
    near = project(fixture_graph, district="district.shapingba")
    assert sorted(simple_graph(near)) == ["cluster.biomedicine", "district.shapingba", "ent.changan", "univ.cqu"]
    with pytest.raises(NodeNotFound, match="cluster.nev"):  # not in the narrowed graph at all
        shortest_path(near, "univ.cqu", "cluster.nev")


def test_projection_filters(fixture_graph):
    only = project(fixture_graph, labels={"University", "District"})
    assert {d["label"] for _, d in only.nodes(data=True)} == {"University", "District"}
    assert sorted(only.edges(keys=True)) == [("univ.cqjtu", "district.nanan", "LOCATED_IN"),
                                             ("univ.cqu", "district.shapingba", "LOCATED_IN")]
    near = project(fixture_graph, cluster="cluster.biomedicine")
    assert sorted(near) == ["cluster.biomedicine", "district.shapingba", "univ.cqu"]
    typed = project(fixture_graph, types={"LEADS"})
    assert [(u, v) for u, v, _ in typed.edges(keys=True)] == [("ent.changan", "cluster.nev")]
    with pytest.raises(NodeNotFound):
        project(fixture_graph, district="district.nowhere")


# ------------------------------------------------------------------ paths
def test_shortest_path_returns_each_hop_with_its_evidence(fixture_graph):
    p = shortest_path(project(fixture_graph), "univ.cqu", "cluster.nev")
    assert [n["id"] for n in p["nodes"]] == ["univ.cqu", "ent.changan", "cluster.nev"]
    assert [(e["type"], e["source"], e["target"], e["sources"]) for e in p["edges"]] == [
        ("COOPERATES_WITH", "ent.changan", "univ.cqu", ["sources/edges.csv:2"]),
        ("IN_CLUSTER", "ent.changan", "cluster.nev", ["sources/enterprises.csv:2"]),
        ("LEADS", "ent.changan", "cluster.nev", ["sources/enterprises.csv:2"])]
    with pytest.raises(NoPath):
        shortest_path(project(fixture_graph), "univ.cqjtu", "cluster.nev")  # its component stops at 南岸区


def test_paths_in_the_mini_chain(mini):
    p = shortest_path(mini, "plat.p", "cluster.a")
    assert [n["id"] for n in p["nodes"]] == ["plat.p", "tech.x", "cluster.a"]
    assert [(e["type"], e["source"], e["target"]) for e in p["edges"]] == [
        ("RESEARCHES", "plat.p", "tech.x"), ("SUPPORTS", "tech.x", "cluster.a")]
    assert p["edges"][0]["sources"] == ["mini_chain/mini_chain.yaml:4"]
    found = k_shortest_paths(mini, "plat.p", "cluster.a", k=3)
    assert [[n["id"] for n in q["nodes"]] for q in found] == [
        ["plat.p", "tech.x", "cluster.a"], ["plat.p", "univ.u", "district.d", "cluster.a"],
        ["plat.p", "univ.u", "ent.f1", "cluster.a"]]  # 3-hop ties in id order (tech.x comes next)


def test_path_only_through_given_labels(mini):
    p = shortest_path(mini, "cluster.b", "univ.u", via_labels={"District"})
    assert [n["id"] for n in p["nodes"]] == ["cluster.b", "district.d", "univ.u"]
    with pytest.raises(NoPath, match="only through Platform"):
        shortest_path(mini, "cluster.b", "univ.u", via_labels={"Platform"})


def test_max_hops_and_unknown_ids(mini):
    with pytest.raises(NoPath, match="within 1 hops"):
        shortest_path(mini, "cluster.b", "univ.u", max_hops=1)
    with pytest.raises(NodeNotFound, match="univ.zz"):
        shortest_path(mini, "univ.zz", "univ.u")


def test_routes_from_the_innovation_side_to_a_cluster(mini):
    routes = routes_to_cluster(mini, "cluster.b", max_hops=3)
    assert [(r["nodes"][0]["id"], r["hops"]) for r in routes] == [
        ("univ.u", 2), ("plat.p", 3), ("tech.x", 3), ("tech.y", 3)]
    assert routes[0]["nodes"][-1]["id"] == "cluster.b"


def test_entities_resolve_by_id_name_or_alias(fixture_graph):
    g = project(fixture_graph)
    assert [resolve(g, t) for t in ("univ.cqu", "重庆大学", "重大", "CQU")] == ["univ.cqu"] * 4
    with pytest.raises(NodeNotFound, match="did you mean"):
        resolve(g, "重庆大")


# ------------------------------------------------------------------ centrality
def random_chain(n: int, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.barabasi_albert_graph(n, 2, seed=seed)
    labels = ["University", "Platform", "TechArea", "Enterprise", "Cluster", "District"]
    nx.set_node_attributes(g, {v: rng.choice(labels) for v in g}, "label")
    return nx.relabel_nodes(g, {v: f"n.{v}" for v in g})


@pytest.mark.parametrize("metric", ["betweenness", "pagerank", "harmonic", "cross_chain_betweenness", "degree"])
def test_both_engines_give_the_same_scores(metric):
    s = random_chain(150, seed=7)
    a, _ = cen.FUNCTIONS[metric](s, engine="networkx")
    b, _ = cen.FUNCTIONS[metric](s, engine="igraph")
    assert a.keys() == b.keys()
    assert max(abs(a[v] - b[v]) for v in a) < 1e-7


def test_large_graphs_are_sampled_and_say_so():
    s = random_chain(400, seed=3)
    scores, meta = cen.betweenness(s, engine="igraph", exact_limit=100, sample=50, seed=5)
    assert meta == {"method": "sampled", "sample": 50, "seed": 5}
    exact, _ = cen.betweenness(s, engine="igraph")
    top_exact = sorted(exact, key=exact.get, reverse=True)[:5]
    top_sampled = sorted(scores, key=scores.get, reverse=True)[:10]
    assert len(set(top_exact) & set(top_sampled)) >= 3  # a 50-source sample keeps the leading hubs
    again, _ = cen.betweenness(s, engine="igraph", exact_limit=100, sample=50, seed=5)
    assert again == scores


def test_cross_chain_betweenness_by_hand():
    # innovation u - broker b - industry e; and u - e2 directly
    s = nx.Graph([("u", "b"), ("b", "e"), ("u", "e2")])
    nx.set_node_attributes(s, {"u": "University", "b": "District", "e": "Enterprise", "e2": "Enterprise"}, "label")
    scores, meta = cen.cross_chain_betweenness(s, engine="networkx")
    # pairs (u,e) and (u,e2): b lies on 1 of 2 pairs' shortest paths
    assert scores["b"] == pytest.approx(0.5)
    assert meta["sources"] == 1 and meta["targets"] == 2


def test_communities_are_seeded_and_measure_mixing():
    s = random_chain(120, seed=11)
    first, meta = cen.communities(s, seed=4, engine="networkx")
    second, _ = cen.communities(s, seed=4, engine="networkx")
    assert first == second
    assert sum(c["size"] for c in first) == 120
    for c in first:
        chain = c["innovation"] + c["industry"]
        assert c["innovation_share"] == (round(c["innovation"] / chain, 4) if chain else None)


def test_igraph_communities_and_layouts_are_the_same_on_any_thread():
    # python-igraph draws from Python's random module only on the thread that imported it; API
    # requests run on worker threads, where unseeded numbers gave other communities and layouts
    from concurrent.futures import ThreadPoolExecutor

    from viz.layout import neighbourhood
    s = random_chain(400, seed=5)
    g = nx.MultiDiGraph()
    g.add_nodes_from(s.nodes(data=True))
    g.add_edges_from((u, v, "COOPERATES_WITH", {"type": "COOPERATES_WITH"}) for u, v in s.edges())
    center = sorted(s)[0]
    here = (cen.communities(s, seed=3, engine="igraph")[0], neighbourhood(g, center, hops=2))
    with ThreadPoolExecutor(1) as pool:
        there = pool.submit(lambda: (cen.communities(s, seed=3, engine="igraph")[0],
                                     neighbourhood(g, center, hops=2))).result()
    assert here == there


def test_report_ranks_by_label(fixture_graph):
    report = cen.centrality_report(project(fixture_graph), label="University", top_n=2)
    assert [(r["id"], r["score"]) for r in report["metrics"]["degree"]["top"]] == [
        ("univ.cqjtu", 2.0), ("univ.cqu", 2.0)]  # equal degree: ties by id
    assert all(r["label"] == "University" for m in report["metrics"].values() for r in m["top"])


# ------------------------------------------------------------------ gaps (mini chain through the real store)
def test_cluster_supply_gap_by_hand(mini):
    rows = {r["id"]: r for r in gaps.cluster_supply_gap(mini)}
    assert (rows["cluster.a"]["supply"], rows["cluster.a"]["base"], rows["cluster.a"]["gap"]) == (3, 4, 0.0)
    assert (rows["cluster.b"]["supply"], rows["cluster.b"]["base"], rows["cluster.b"]["gap"]) == (0, 3, 0.75)
    assert rows["cluster.b"]["flag"] == "no_supply"
    assert rows["cluster.a"]["evidence"]["universities"] == ["univ.u"]
    assert rows["cluster.a"]["evidence"]["platforms_national"] == ["plat.p"]


def test_absorption_gap_by_hand(mini):
    assert [(r["id"], r["researchers"], r["enterprises"], r["ratio"], r["flag"]) for r in gaps.absorption_gap(mini)] \
        == [("tech.y", 1, 0, 1.0, "no_industry"), ("tech.x", 2, 2, 0.6667, None)]


def test_coupling_coordination_by_hand(mini):
    result = gaps.coupling_coordination(mini)
    assert result["weights"]["innovation"] == {"universities": 0.3333, "platforms_national": 0.3333,
                                               "platforms_municipal": 0.0, "platforms_other": 0.0,
                                               "tech_areas": 0.3333, "events": 0.0}
    assert result["weights"]["industry"] == {"enterprises": 0.0, "leading": 1.0, "districts": 0.0}
    assert [(r["id"], r["U1"], r["U2"], r["C"], r["D"], r["level"]) for r in result["rows"]] == [
        ("cluster.a", 1.0, 1.0, 1.0, 1.0, "优质协调"), ("cluster.b", 0.0, 0.0, 0.0, 0.0, "极度失调")]


def test_coupling_formulas():
    assert gaps.coupling(0.2, 0.8) == pytest.approx(0.8)                    # 2·sqrt(0.16)/1.0
    assert gaps.coupling(0.2, 0.8, corrected=True) == pytest.approx(math.sqrt(0.4 * 0.25))
    assert gaps.coupling(0.5, 0.5) == 1.0 and gaps.coupling(0.5, 0.5, corrected=True) == 1.0
    assert gaps.coupling(0.3, 0.3, corrected=True) == 1.0                   # equal weak systems: C = 1 …
    assert math.sqrt(gaps.coupling(0.3, 0.3) * 0.3) == pytest.approx(0.5477, abs=1e-4)  # … but D stays low
    assert gaps.coupling(0, 0) == 0.0 and gaps.coupling(0, 0.7, corrected=True) == 0.0


def test_level_bands_are_upper_inclusive():
    assert [gaps.level_of(d) for d in (0.0, 0.1, 0.1001, 0.5, 0.5001, 0.9, 1.0)] == [
        "极度失调", "极度失调", "严重失调", "濒临失调", "勉强协调", "良好协调", "优质协调"]
    assert gaps.level_of(0.65, "en") == "primary coordination"


def test_entropy_weights_by_hand():
    weights, scaled = gaps.entropy_weights([[0, 0], [1, 0], [2, 4]])
    e1 = -((1 / 3) * math.log(1 / 3) + (2 / 3) * math.log(2 / 3)) / math.log(3)
    d1, d2 = 1 - e1, 1.0
    assert weights == pytest.approx([d1 / (d1 + d2), d2 / (d1 + d2)])
    assert scaled == [[0.0, 0.0], [0.5, 0.0], [1.0, 1.0]]


def test_single_points_of_failure_and_brokers_by_hand(mini):
    rows = {r["id"]: r for r in gaps.single_points_of_failure(mini)}
    assert (rows["cluster.a"]["routes"], rows["cluster.a"]["cut_nodes"]) == (2, [])
    assert (rows["cluster.b"]["routes"], rows["cluster.b"]["cut_nodes"], rows["cluster.b"]["cut_edges"]) == \
        (1, ["district.d"], [["cluster.b", "district.d"]])
    assert [(r["id"], r["clusters"]) for r in gaps.brokers(mini)] == [("district.d", ["cluster.b"])]


def test_reach_by_hand(mini):
    assert [(r["id"], r["hops_national_platform"], r["hops_university"]) for r in gaps.reach(mini)] == [
        ("cluster.b", 3, 2), ("cluster.a", 2, 2)]


def test_district_mismatch_by_hand(mini):
    rows = gaps.district_mismatch(mini)
    assert [(r["cluster"], r["local_supply"], r["mismatch"]) for r in rows] == [
        ("cluster.b", [], True), ("cluster.a", ["univ.u"], False)]


def test_partner_recommendations_by_hand(mini):
    result = gaps.partner_recommendations(mini)
    assert [(r["innovation"], r["enterprise"], r["score"]) for r in result["rows"]] == [
        ("plat.p", "ent.f1", 0.5), ("plat.p", "ent.f2", 0.5), ("univ.u", "ent.f2", 0.5)]
    assert [x["id"] for x in result["rows"][2]["shared"]] == ["cluster.a", "tech.x"]
    only = gaps.partner_recommendations(mini, entity="ent.f2")
    assert [r["innovation"] for r in only["rows"]] == ["plat.p", "univ.u"]


def test_all_gaps_run_on_the_bundled_dataset_with_evidence(embedded):
    from pathlib import Path
    load_paths(embedded, [Path(__file__).resolve().parents[1] / "data" / "chongqing"])
    result = gaps.all_gaps(project(embedded))
    supply = {r["id"]: r for r in result["cluster_supply_gap"]}
    assert supply["cluster.motorcycle"]["flag"] == "no_supply"  # no tech area supports it in the curated map
    assert supply["cluster.nev"]["counts"]["enterprises"] > 10
    rows = result["coupling_coordination"]["cluster"]["rows"]
    assert all(0 <= r["D"] <= 1 for r in rows)
    assert sum(result["coupling_coordination"]["cluster"]["weights"]["innovation"].values()) == pytest.approx(1, abs=1e-3)


# ------------------------------------------------------------------ saved Cypher
def test_every_saved_query_has_a_header_and_returns_rows(embedded):
    from pathlib import Path
    load_paths(embedded, [Path(__file__).resolve().parents[1] / "data" / "chongqing"])
    queries = named.list_queries()
    assert len(queries) >= 7
    for q in queries:
        assert q.question and q.parameters and q.columns, q.name
        result = named.run(embedded, q.name, {k: v["example"] for k, v in q.parameters.items()})
        assert result.columns == q.columns, q.name
        assert result.rows, f"{q.name} returned nothing for its example parameters"


def test_saved_query_needs_exactly_its_parameters(embedded):
    from graph.errors import KgError
    with pytest.raises(KgError, match=r"missing district"):
        named.run(embedded, "universities_in_district", {})
    with pytest.raises(KgError, match="no saved query named 'nope'"):
        named.run(embedded, "nope", {})


def test_sampled_harmonic_is_the_same_on_both_engines():
    s = random_chain(600, seed=5)
    a, meta = cen.harmonic(s, engine="networkx", exact_limit=100, sample=40, seed=3)
    b, _ = cen.harmonic(s, engine="igraph", exact_limit=100, sample=40, seed=3)
    assert meta == {"method": "sampled", "sample": 40, "seed": 3}
    assert max(abs(a[v] - b[v]) for v in a) < 1e-12


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_route_counter_equals_vertex_connectivity_capped(seed):
    import igraph as ig
    rng = random.Random(seed)
    a = ig.Graph(n=60, edges=list({tuple(sorted(rng.sample(range(60), 2))) for _ in range(110)}))
    side = 59
    count = gaps._route_counter(a, side, 5)
    for start in range(0, 50, 7):
        if a.are_adjacent(start, side):
            continue
        expected = a.vertex_connectivity(source=start, target=side, neighbors="ignore") \
            if a.get_shortest_path(start, side) else 0
        assert count(start) == min(5, expected), start
