"""Loaders: files -> validated records -> store, all or nothing, idempotent."""
from __future__ import annotations

import hashlib

import pytest

from graph.errors import LoadErrors
from loaders.pipeline import check, collect_files, load_paths, read_paths, source_id
from loaders.tables import csv_kind, parse_csv, parse_yaml

from .conftest import BAD, SOURCES


# ------------------------------------------------------------------ parsing
def test_parse_csv_splits_lists_and_numbers_lines():
    text = "\ufeffid,name_zh,aliases,district\nuniv.a,甲大学,甲大|A大,district.d\n\nuniv.b,乙大学,,\n"
    parsed = parse_csv(text, "u.csv", "x/u.csv", "University")
    assert parsed.errors == []
    assert [(n.id, n.props["aliases"], n.origin.line) for n in parsed.nodes] == [
        ("univ.a", ["甲大", "A大"], 2), ("univ.b", None, 4)]
    assert [(e.type, e.source, e.target, e.props["sources"]) for e in parsed.edges] == [
        ("LOCATED_IN", "univ.a", "district.d", ["x/u.csv:2"])]


def test_parse_csv_line_numbers_survive_multiline_cells():
    text = 'id,name_zh,notes\nuniv.a,甲,"two\nlines"\nuniv.b,,\n'
    parsed = parse_csv(text, "u.csv", "x/u.csv", "University")
    assert [str(e) for e in parsed.errors] == ["u.csv:4: name_zh: is empty"]


def test_parse_yaml_reports_the_line_of_the_bad_field():
    text = "label: Cluster\nnodes:\n  - id: cluster.a\n    name_zh: 甲\n    tier_rank: high\n"
    parsed = parse_yaml(text, "c.yaml", "x/c.yaml")
    assert [(e.line, e.field) for e in parsed.errors] == [(5, "tier_rank")]


def test_parse_yaml_rejects_a_key_given_twice():
    text = "label: Cluster\nnodes:\n  - id: cluster.a\n    name_zh: 甲\n    name_zh: 乙\n"
    parsed = parse_yaml(text, "c.yaml", "x/c.yaml")
    assert [str(e) for e in parsed.errors] == ["c.yaml:5: name_zh: key given twice"]  # the repeat


def test_parse_yaml_rejects_unknown_top_level_keys_and_bad_ids():
    text = "label: Cluster\nrows: []\nnodes:\n  - {id: Cluster A, name_zh: 甲}\n"
    parsed = parse_yaml(text, "c.yaml", "x/c.yaml")
    assert [(e.line, e.field) for e in parsed.errors] == [(2, "rows"), (4, "id")]
    assert "not a valid id" in parsed.errors[1].message


@pytest.mark.parametrize("name, kind", [("universities.csv", "University"), ("tech_areas.csv", "TechArea"),
                                        ("TechArea.csv", "TechArea"), ("edges.csv", "edges"),
                                        ("edges_cooperation.csv", "edges"), ("notes.csv", None)])
def test_csv_kind_from_file_name(tmp_path, name, kind):
    assert csv_kind(tmp_path / name) == kind


def test_collect_files_names_provenance_from_the_folder_not_the_cwd():
    files = collect_files([SOURCES])
    assert [stable for _, stable in files] == [
        "sources/clusters.yaml", "sources/districts.yaml", "sources/edges.csv", "sources/enterprises.csv",
        "sources/platforms.yaml", "sources/universities.csv"]


# ------------------------------------------------------------------ loading
def test_load_fixtures_gives_exact_counts(embedded):
    report = load_paths(embedded, [SOURCES])
    assert (report.files, report.write.nodes_created, report.write.edges_created) == (6, 17, 12)
    counts = embedded.counts()
    assert {k: v for k, v in counts.nodes.items() if v} == {
        "University": 2, "District": 3, "Cluster": 2, "Segment": 1, "Enterprise": 2, "Platform": 1, "Source": 6}
    assert {k: v for k, v in counts.edges.items() if v} == {
        "LOCATED_IN": 4, "PART_OF": 1, "IN_CLUSTER": 3, "LEADS": 1, "HOSTED_BY": 1, "COOPERATES_WITH": 1,
        "PRIORITIZES": 1}


def test_loaded_values_are_typed_and_carry_their_file_and_line(embedded):
    load_paths(embedded, [SOURCES])
    cqu = embedded.get("univ.cqu").props
    assert (cqu["name_zh"], cqu["aliases"], cqu["tags"], cqu["level"]) == ("重庆大学", ["重大", "CQU"], ["985", "211"], "本科")
    assert cqu["sources"] == ["https://example.org/cqu", "sources/universities.csv:2"]
    changan = embedded.get("ent.changan").props
    assert changan["leading"] is True
    assert embedded.get("ent.battery_maker").props["leading"] is False
    assert embedded.get("cluster.nev").props["tier_rank"] == 1
    [located] = [n for n in embedded.neighbours("univ.cqu") if n.edge.type == "LOCATED_IN"]
    assert (located.node.id, located.edge.props["sources"]) == ("district.shapingba", ["sources/universities.csv:2"])


def test_every_node_and_edge_has_provenance(embedded):
    load_paths(embedded, [SOURCES])
    data = embedded.export()
    assert [n.id for n in data.nodes if not n.props["sources"]] == []
    assert [e.key for e in data.edges if not e.props["sources"]] == []


def test_each_file_is_a_source_node_with_its_hash(embedded):
    load_paths(embedded, [SOURCES])
    node = embedded.get(source_id("sources/universities.csv"))
    expected = hashlib.sha256((SOURCES / "universities.csv").read_bytes()).hexdigest()
    assert (node.label, node.props["path"], node.props["sha256"]) == ("Source", "sources/universities.csv", expected)
    assert node.props["loaded_at"].endswith("+00:00")


def test_reloading_the_same_files_changes_nothing(embedded):
    load_paths(embedded, [SOURCES])
    before = embedded.export()
    generation = embedded.generation()
    report = load_paths(embedded, [SOURCES])
    assert report.write.changed == 0
    after = embedded.export()
    assert [(n.id, n.props) for n in after.nodes] == [(n.id, n.props) for n in before.nodes]
    assert [(e.key, e.props) for e in after.edges] == [(e.key, e.props) for e in before.edges]
    assert embedded.generation() == generation


def test_bulk_and_incremental_paths_build_the_same_graph(settings, tmp_path):
    from graph.embedded_store import EmbeddedStore
    from graph.settings import Settings
    bulk = EmbeddedStore(settings, bulk_threshold=1)
    merge = EmbeddedStore(Settings(home=tmp_path / "other"), bulk_threshold=10**9)
    for store in (bulk, merge):
        store.write([], [])  # creates the empty file so the second store takes the MERGE path
        load_paths(store, [SOURCES / "districts.yaml", SOURCES / "clusters.yaml"])
        load_paths(store, [SOURCES])
    strip = lambda data: ([(n.id, {k: v for k, v in n.props.items() if k != "loaded_at"}) for n in data.nodes],
                          [(e.key, e.props) for e in data.edges])
    assert strip(bulk.export()) == strip(merge.export())


# -------------------------------------------------------------- bad input
BAD_CASES = [
    ("malformed.yaml", "bad/malformed.yaml:4: malformed YAML: expected ',' or '}', but got '{'"),
    ("universities.csv", "bad/universities.csv:3: name_zh: is empty"),
    ("clusters.yaml", "bad/clusters.yaml:5: tier_rank: Input should be a valid integer, unable to parse string as an integer"),
    ("enterprises.yaml", "bad/enterprises.yaml:5: district: unknown id 'district.nowhere'"),
    ("duplicate.yaml", "bad/duplicate.yaml:3: name_zh: 'univ.cqu' has name_zh '重庆理工大学' here but '重庆大学' "
                       "(first defined at sources/universities.csv:2)"),
    ("edges_forbidden.csv", "bad/edges_forbidden.csv:2: from/to: (District)-[LOCATED_IN]->(University) is not "
                            "allowed by the schema (district.nanan -> univ.cqu)"),
    ("unknown_field.yaml", "bad/unknown_field.yaml:5: website: unknown field (not in the schema)"),
]


@pytest.mark.parametrize("name, message", BAD_CASES)
def test_bad_input_names_file_line_and_field_and_writes_nothing(embedded, name, message):
    load_paths(embedded, [SOURCES])
    before = (embedded.counts().as_dict(), embedded.generation())
    with pytest.raises(LoadErrors) as caught:
        load_paths(embedded, [SOURCES, BAD / name])
    lines = [str(e).replace(str(BAD.parent) + "/", "") for e in caught.value.errors]
    assert lines == [message]
    assert str(caught.value) == "1 error; nothing was written."
    assert (embedded.counts().as_dict(), embedded.generation()) == before


def test_all_problems_are_reported_at_once(embedded):
    with pytest.raises(LoadErrors) as caught:
        load_paths(embedded, [SOURCES, BAD])
    assert len(caught.value.errors) == 7
    assert embedded.counts().total_nodes == 0


def test_unknown_id_suggests_the_id_for_a_name(embedded):
    batch = read_paths([SOURCES])
    batch.files[0].edges[0].target = "沙坪坝区"  # a name where an id belongs
    batch.files[0].edges[0].type = "LOCATED_IN"
    errors = check(batch, lambda ids: {})
    assert "did you mean 'district.shapingba' (沙坪坝区)?" in str(errors[0])


def test_missing_path_is_an_error(embedded, tmp_path):
    with pytest.raises(LoadErrors, match="1 error"):
        load_paths(embedded, [tmp_path / "nope"])
