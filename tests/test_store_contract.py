"""The store contract: the same behaviour on the embedded store and on Neo4j."""
from __future__ import annotations

import pytest

from graph.errors import QueryError, QueryTimeout, ReadOnlyViolation, SchemaViolation
from graph.records import NodeRecord, edge
from graph.store import GraphStore


def uni(node_id: str, name: str, **props) -> NodeRecord:
    return NodeRecord("University", node_id, {"name_zh": name, "sources": ["t:1"], **props})


def district(node_id: str, name: str) -> NodeRecord:
    return NodeRecord("District", node_id, {"name_zh": name, "sources": ["t:2"]})


def small(store: GraphStore):
    nodes = [uni("univ.a", "甲大学", aliases=["甲大"]), uni("univ.b", "乙大学"), district("district.d", "丁区")]
    edges = [edge("LOCATED_IN", "univ.a", "district.d", {"sources": ["t:3"]}),
             edge("COOPERATES_WITH", "univ.b", "univ.a", {"evidence": ["event.1"]})]
    return store.write(nodes, edges)


def test_write_then_get_returns_every_schema_property(store):
    small(store)
    node = store.get("univ.a")
    assert node.label == "University"
    assert node.props == {"id": "univ.a", "name_zh": "甲大学", "name_en": None, "aliases": ["甲大"],
                          "sources": ["t:1"], "basis": None, "confidence": None, "notes": None, "level": None,
                          "ownership": None, "supervisor": None, "strengths": None, "tags": None}


def test_get_unknown_id_is_none(store):
    small(store)
    assert store.get("univ.nope") is None


def test_counts_by_label_and_type(store):
    result = small(store)
    assert (result.nodes_created, result.edges_created) == (3, 2)
    counts = store.counts()
    assert {k: v for k, v in counts.nodes.items() if v} == {"University": 2, "District": 1}
    assert {k: v for k, v in counts.edges.items() if v} == {"LOCATED_IN": 1, "COOPERATES_WITH": 1}
    assert set(counts.nodes) == {"University", "Institute", "Platform", "Enterprise", "Organization", "Cluster",
                                 "Segment", "TechArea", "District", "Event", "Source"}


def test_writing_the_same_records_twice_changes_nothing(store):
    small(store)
    before = (store.counts().as_dict(), store.export())
    again = small(store)
    assert again.changed == 0
    after = (store.counts().as_dict(), store.export())
    assert after[0] == before[0]
    assert [n.props for n in after[1].nodes] == [n.props for n in before[1].nodes]
    assert [e.props for e in after[1].edges] == [e.props for e in before[1].edges]


def test_upsert_updates_given_values_keeps_others_and_unions_sources(store):
    small(store)
    result = store.write([uni("univ.a", "甲大学", name_en="University A", sources=["t:9"])], [])
    assert (result.nodes_created, result.nodes_updated) == (0, 1)
    props = store.get("univ.a").props
    assert props["name_en"] == "University A"
    assert props["aliases"] == ["甲大"]
    assert props["sources"] == ["t:1", "t:9"]


def test_symmetric_edge_is_stored_once_whichever_way_it_is_written(store):
    small(store)
    result = store.write([], [edge("COOPERATES_WITH", "univ.a", "univ.b", {"evidence": ["event.2"]})])
    assert (result.edges_created, result.edges_updated) == (0, 1)
    [e] = [e for e in store.export().edges if e.type == "COOPERATES_WITH"]
    assert (e.source, e.target, e.props["evidence"]) == ("univ.a", "univ.b", ["event.1", "event.2"])


def test_neighbours_give_both_directions_with_edge_properties(store):
    small(store)
    found = sorted((n.direction, n.edge.type, n.node.id, tuple(n.edge.props["sources"] or ()))
                   for n in store.neighbours("univ.a"))
    # symmetric types are stored with ordered ends: univ.a -> univ.b, whichever way written
    assert found == [("out", "COOPERATES_WITH", "univ.b", ()), ("out", "LOCATED_IN", "district.d", ("t:3",))]
    assert [(n.direction, n.node.id) for n in store.neighbours("district.d")] == [("in", "univ.a")]


def test_edges_between_two_nodes_either_way(store):
    small(store)
    found = store.edges_between("univ.b", "univ.a")
    assert [(e.type, e.source, e.target, e.props["evidence"]) for e in found] == [
        ("COOPERATES_WITH", "univ.a", "univ.b", ["event.1"])]
    assert [(e.type, e.props["sources"]) for e in store.edges_between("district.d", "univ.a")] == [
        ("LOCATED_IN", ["t:3"])]
    assert store.edges_between("univ.a", "nobody") == []


def test_edge_to_unknown_node_is_refused_and_nothing_is_written(store):
    small(store)
    before = store.counts().as_dict()
    with pytest.raises(SchemaViolation, match="unknown node 'district.zz'"):
        store.write([uni("univ.c", "丙大学")], [edge("LOCATED_IN", "univ.c", "district.zz")])
    assert store.counts().as_dict() == before


def test_edge_between_forbidden_labels_is_refused(store):
    small(store)
    before = store.counts().as_dict()
    with pytest.raises(SchemaViolation, match=r"\(District\)-\[LOCATED_IN\]->\(University\) is not allowed"):
        store.write([], [edge("LOCATED_IN", "district.d", "univ.a")])
    assert store.counts().as_dict() == before


def test_id_reused_with_another_label_is_refused(store):
    small(store)
    with pytest.raises(SchemaViolation, match="already a University"):
        store.write([district("univ.a", "冒名区")], [])


def test_unknown_property_is_refused(store):
    with pytest.raises(SchemaViolation, match="unknown property 'website'"):
        store.write([uni("univ.x", "X", website="https://x")], [])


def test_query_binds_parameters(store):
    small(store)
    result = store.query("MATCH (u:University) WHERE u.name_zh = $name RETURN u.id AS id", {"name": "乙大学"})
    assert result.columns == ["id"]
    assert result.rows == [["univ.b"]]
    assert result.truncated is False


def test_parameters_are_never_pasted_into_the_query(store):
    small(store)
    hostile = "乙大学' OR 1=1 //"
    result = store.query("MATCH (u:University) WHERE u.name_zh = $name RETURN u.id", {"name": hostile})
    assert result.rows == []


def test_row_cap_truncates_and_says_so(store):
    small(store)
    result = store.query("UNWIND range(1, 50) AS x RETURN x", max_rows=10)
    assert [r[0] for r in result.rows] == list(range(1, 11))
    assert result.truncated is True


def test_timeout_stops_a_long_query(store):
    with pytest.raises(QueryTimeout, match="timeout"):
        # streamed (a long range() is built in memory before the interrupt is seen)
        store.query("UNWIND range(1, 30000) AS a UNWIND range(1, 30000) AS b WITH a, b "
                    "WHERE (a * b) % 7 = 3 RETURN count(*)", timeout_s=0.3)


@pytest.mark.parametrize("cypher", [
    "CREATE (u:University {id: 'univ.x', name_zh: 'X'})",
    "MERGE (u:University {id: 'univ.x'}) RETURN u",
    "MATCH (u:University) DELETE u",
    "MATCH (u:University) DETACH DELETE u",
    "MATCH (u:University) SET u.name_zh = 'x'",
    "match (u:University) set u.name_zh = 'x'",
    "MATCH (u:University) REMOVE u.name_en",
    "DROP TABLE University",
    "CALL db.createLabel('X')",
    "CALL apoc.create.node(['X'], {}) YIELD node RETURN node",
    "COPY (MATCH (n) RETURN n.id) TO '/tmp/dualchain-leak.csv'",
    "LOAD FROM '/etc/passwd' RETURN *",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
])
def test_read_only_query_refuses_writes(store, cypher):
    small(store)
    before = store.counts().as_dict()
    with pytest.raises(ReadOnlyViolation, match="read-only"):
        store.query(cypher)
    assert store.counts().as_dict() == before


def test_keywords_inside_strings_and_property_names_are_fine(store):
    small(store)
    result = store.query("MATCH (u:University {id: 'univ.a'}) RETURN 'CREATE or DELETE' AS words, u.name_zh")
    assert result.rows == [["CREATE or DELETE", "甲大学"]]


def test_bad_cypher_is_a_query_error(store):
    with pytest.raises(QueryError):
        store.query("MATCH (u:University RETURN u")


def test_export_holds_every_node_and_edge(store):
    small(store)
    data = store.export()
    assert sorted(n.id for n in data.nodes) == ["district.d", "univ.a", "univ.b"]
    assert sorted(e.key for e in data.edges) == [("COOPERATES_WITH", "univ.a", "univ.b"),
                                               ("LOCATED_IN", "univ.a", "district.d")]


def test_generation_changes_when_the_graph_changes(store):
    small(store)
    first = store.generation()
    small(store)
    assert store.generation() == first  # nothing changed
    store.write([uni("univ.c", "丙大学")], [])
    assert store.generation() != first


def test_clear_empties_the_store(store):
    small(store)
    store.clear()
    assert store.counts().total_nodes == 0
    assert store.counts().total_edges == 0
