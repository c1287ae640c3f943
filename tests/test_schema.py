"""The schema is the one source of labels, types and patterns; both stores derive from it."""
from __future__ import annotations

import pytest

from graph import ladybug_ddl, schema
from graph.neo4j_store import schema_statements
from loaders.rows import node_model


def test_issue_labels_and_types_are_all_there():
    assert set(schema.NODES) >= {"University", "Institute", "Platform", "Enterprise", "Cluster", "Segment",
                                 "TechArea", "District", "Event", "Source"}
    assert set(schema.RELS) >= {"LOCATED_IN", "HOSTED_BY", "RESEARCHES", "SUPPORTS", "IN_CLUSTER", "PART_OF",
                                "LEADS", "PRIORITIZES", "PARTICIPATED_IN", "CONCERNS", "HELD_IN",
                                "REPORTED_IN", "COOPERATES_WITH"}


def test_every_node_and_edge_has_provenance_properties():
    for label in schema.NODES:
        assert {"id", "name_zh", "sources", "basis", "confidence"} <= set(schema.node_prop_types(label))
    assert {"sources", "basis", "confidence"} <= set(schema.EDGE_PROP_TYPES)


def test_ladybug_tables_have_exactly_the_schema_columns():
    ddl = ladybug_ddl.node_table_ddl("Cluster")
    assert ddl == ("CREATE NODE TABLE Cluster(id STRING PRIMARY KEY, name_zh STRING, name_en STRING, "
                   "aliases STRING[], sources STRING[], basis STRING, confidence STRING, notes STRING, "
                   "tier STRING, tier_rank INT64)")
    rel = ladybug_ddl.rel_table_ddl(schema.RELS["HELD_IN"])
    assert rel.startswith("CREATE REL TABLE HELD_IN(FROM Event TO District, sources STRING[]")


def test_neo4j_gets_a_unique_id_constraint_per_label():
    statements = schema_statements()
    for label in schema.NODES:
        assert (f"CREATE CONSTRAINT dualchain_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) "
                f"REQUIRE n.id IS UNIQUE") in statements


@pytest.mark.parametrize("rel, a, b, ok", [("LOCATED_IN", "University", "District", True),
                                           ("LOCATED_IN", "District", "University", False),
                                           ("SUPPORTS", "TechArea", "Cluster", True),
                                           ("SUPPORTS", "Enterprise", "Cluster", False),
                                           ("COOPERATES_WITH", "Enterprise", "District", True)])
def test_allowed_patterns(rel, a, b, ok):
    assert schema.allowed(rel, a, b) is ok


def test_row_models_forbid_unknown_fields_and_know_link_fields():
    fields = node_model("Platform").model_fields
    assert {"hosts", "district", "researches", "fields", "level"} <= set(fields)
    assert node_model("Platform").model_config["extra"] == "forbid"
