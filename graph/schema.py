"""The one schema: node labels, their typed properties, relationship types and the
(from, to) label pairs each type allows.

This is the only module where a label or relationship type is spelled. Both stores
derive their DDL (ladybug tables, Neo4j constraints and indexes) from it, and the
loaders derive their row models from it.
"""
from __future__ import annotations

from dataclasses import dataclass

# Property types, named as ladybug names them; Neo4j is schemaless and takes the same values.
STRING, INT, FLOAT, BOOL, STRINGS = "STRING", "INT64", "DOUBLE", "BOOLEAN", "STRING[]"
PROPERTY_TYPES = (STRING, INT, FLOAT, BOOL, STRINGS)

# How a fact is known. A plain stated fact may leave `basis` empty.
BASIS_VALUES = ("stated", "curated", "extracted")
CONFIDENCE_VALUES = ("high", "medium", "low")

INNOVATION, INDUSTRY, CONTEXT = "innovation", "industry", "context"


@dataclass(frozen=True)
class Prop:
    name: str
    type: str = STRING
    doc: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """A node-row field that stands for edges: `district: district.yubei` on a
    University row means (University)-[LOCATED_IN]->(District {id: 'district.yubei'}).
    `incoming` links point at the row's node instead (Event.participants)."""

    field: str
    rel: str
    incoming: bool = False


@dataclass(frozen=True)
class NodeType:
    label: str
    side: str
    doc: str
    props: tuple[Prop, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class RelType:
    type: str
    doc: str
    pairs: tuple[tuple[str, str], ...]
    symmetric: bool = False


# Properties every node has. `sources` holds source ids, URLs or file:line references.
NODE_COMMON = (
    Prop("id", doc="readable, deterministic ASCII id, e.g. univ.cqu"),
    Prop("name_zh", doc="Chinese name as written by the source"),
    Prop("name_en"),
    Prop("aliases", STRINGS, "other names and short forms (重大, 重邮)"),
    Prop("sources", STRINGS, "where this came from: URLs, seed files, file:line"),
    Prop("basis", doc="how it is known", choices=BASIS_VALUES),
    Prop("confidence", choices=CONFIDENCE_VALUES),
    Prop("notes"),
)

# Properties every relationship has.
EDGE_PROPS = (
    Prop("sources", STRINGS, "where this came from: URLs, seed files, file:line"),
    Prop("basis", doc="how it is known", choices=BASIS_VALUES),
    Prop("confidence", choices=CONFIDENCE_VALUES),
    Prop("rationale", doc="one line: why a curated relation holds"),
    Prop("role", doc="e.g. the part an actor played in an event"),
    Prop("evidence", STRINGS, "ids of the events behind a derived relation"),
)

UNIVERSITY, INSTITUTE, PLATFORM, ENTERPRISE, ORGANIZATION = (
    "University", "Institute", "Platform", "Enterprise", "Organization")
CLUSTER, SEGMENT, TECH_AREA, DISTRICT, EVENT, SOURCE = (
    "Cluster", "Segment", "TechArea", "District", "Event", "Source")

LOCATED_IN, HOSTED_BY, RESEARCHES, SUPPORTS, IN_CLUSTER, PART_OF = (
    "LOCATED_IN", "HOSTED_BY", "RESEARCHES", "SUPPORTS", "IN_CLUSTER", "PART_OF")
LEADS, PRIORITIZES, PARTICIPATED_IN, CONCERNS, HELD_IN, REPORTED_IN, COOPERATES_WITH = (
    "LEADS", "PRIORITIZES", "PARTICIPATED_IN", "CONCERNS", "HELD_IN", "REPORTED_IN",
    "COOPERATES_WITH")

_ACTOR_LINKS = (Link("district", LOCATED_IN),)
_RESEARCH_LINKS = (Link("researches", RESEARCHES),)

NODE_TYPES: tuple[NodeType, ...] = (
    NodeType(UNIVERSITY, INNOVATION, "a university or college (本科 or 高职)", (
        Prop("level", doc="本科 / 职业本科 / 高职"),
        Prop("ownership", doc="公办 / 民办"),
        Prop("supervisor", doc="主管部门"),
        Prop("strengths", STRINGS),
        Prop("tags", STRINGS, "985, 211, 双一流 …"),
    ), _ACTOR_LINKS + _RESEARCH_LINKS + (Link("parent", PART_OF),)),
    NodeType(INSTITUTE, INNOVATION, "a research institute or new-type R&D body", (
        Prop("kind"),
        Prop("level", doc="national / municipal / district"),
        Prop("strengths", STRINGS),
    ), _ACTOR_LINKS + _RESEARCH_LINKS + (Link("parent", PART_OF), Link("hosts", HOSTED_BY))),
    NodeType(PLATFORM, INNOVATION, "a lab, engineering centre, pilot or proof-of-concept platform", (
        Prop("kind", doc="national_key_lab, chongqing_lab, pilot_platform, …"),
        Prop("level", doc="national / municipal / district"),
        Prop("fields", STRINGS),
    ), _ACTOR_LINKS + _RESEARCH_LINKS + (Link("hosts", HOSTED_BY),)),
    NodeType(ENTERPRISE, INDUSTRY, "an enterprise or brand operating in Chongqing", (
        Prop("industry"),
        Prop("tags", STRINGS),
        Prop("leading", BOOL, "named as 龙头 / 链主 / leading firm by a source"),
        Prop("credit_code", doc="unified social credit code, when known"),
    ), _ACTOR_LINKS + (Link("clusters", IN_CLUSTER), Link("leads", LEADS),
                       Link("parent", PART_OF))),
    NodeType(ORGANIZATION, CONTEXT, "a government body, association, hospital or other organisation", (
        Prop("kind", doc="government / association / hospital / party / other"),
    ), _ACTOR_LINKS),
    NodeType(CLUSTER, INDUSTRY, "a cluster of the 33618 system (or a future industry)", (
        Prop("tier", doc="trillion / five_hundred_billion / hundred_billion / rising_star / future"),
        Prop("tier_rank", INT, "1 = trillion … 4 = rising star, 5 = future industry"),
    )),
    NodeType(SEGMENT, INDUSTRY, "a chain segment or sub-industry of a cluster", (
        Prop("position", doc="upstream / midstream / downstream / service"),
    ), (Link("cluster", PART_OF),)),
    NodeType(TECH_AREA, INNOVATION, "a field or direction of the 416 layout", (
        Prop("level", doc="field / direction", choices=("field", "direction")),
        Prop("verified", BOOL, "false where no source ties a direction to the 16"),
    ), (Link("field", PART_OF), Link("supports", SUPPORTS))),
    NodeType(DISTRICT, CONTEXT, "a district-level unit (区县 or functional zone)", (
        Prop("kind", doc="district / county / autonomous_county / functional_zone"),
        Prop("region"),
    ), (Link("priorities", PRIORITIZES),)),
    NodeType(EVENT, CONTEXT, "a dated cooperation activity", (
        Prop("kind", doc="签约 / 共建 / 合作交流 / 调研 / 联合攻关 / 人才培养 / 成果转化 / other"),
        Prop("date", doc="ISO date or the first day of its range"),
        Prop("date_end"),
        Prop("text", doc="the sentence or paragraph that states it"),
        Prop("topics", STRINGS),
    ), (Link("participants", PARTICIPATED_IN, incoming=True), Link("district", HELD_IN),
        Link("concerns", CONCERNS), Link("reported_in", REPORTED_IN))),
    NodeType(SOURCE, CONTEXT, "a document: a loaded file, a seed text or a web page", (
        Prop("kind", doc="file / seed / web / brief"),
        Prop("path"),
        Prop("url"),
        Prop("sha256"),
        Prop("loaded_at", doc="UTC time of the first load of this content"),
        Prop("published", doc="date the document gives itself"),
    )),
)

ACTORS = (UNIVERSITY, INSTITUTE, PLATFORM, ENTERPRISE, ORGANIZATION)
INNOVATION_ACTORS = (UNIVERSITY, INSTITUTE, PLATFORM)
_COOPERATORS = ACTORS + (DISTRICT,)


def _pairs(froms, tos) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a in froms for b in tos)


REL_TYPES: tuple[RelType, ...] = (
    RelType(LOCATED_IN, "an actor's (main) site is in a district", _pairs(ACTORS, [DISTRICT])),
    RelType(HOSTED_BY, "a platform or institute is run by or relies on (依托) a host",
            _pairs([PLATFORM, INSTITUTE], ACTORS)),
    RelType(RESEARCHES, "an innovation actor works in a 416 field or direction",
            _pairs(INNOVATION_ACTORS, [TECH_AREA])),
    RelType(SUPPORTS, "a tech area supplies a cluster or segment (curated map)",
            _pairs([TECH_AREA], [CLUSTER, SEGMENT])),
    RelType(IN_CLUSTER, "an enterprise operates in a cluster or segment",
            _pairs([ENTERPRISE], [CLUSTER, SEGMENT])),
    RelType(PART_OF, "structure: a segment of a cluster, a direction of a field, a subsidiary, …",
            ((SEGMENT, CLUSTER), (TECH_AREA, TECH_AREA), (ENTERPRISE, ENTERPRISE),
             (INSTITUTE, UNIVERSITY), (UNIVERSITY, UNIVERSITY), (INSTITUTE, INSTITUTE))),
    RelType(LEADS, "an enterprise is a leading firm (龙头 / 链主) of a cluster or segment",
            _pairs([ENTERPRISE], [CLUSTER, SEGMENT])),
    RelType(PRIORITIZES, "a district names a cluster or segment among its priority industries",
            _pairs([DISTRICT], [CLUSTER, SEGMENT])),
    RelType(PARTICIPATED_IN, "an actor or district took part in an event",
            _pairs(_COOPERATORS, [EVENT])),
    RelType(CONCERNS, "an event serves a cluster, segment or tech area",
            _pairs([EVENT], [CLUSTER, SEGMENT, TECH_AREA])),
    RelType(HELD_IN, "an event took place in a district", _pairs([EVENT], [DISTRICT])),
    RelType(REPORTED_IN, "an event is stated by a source document", _pairs([EVENT], [SOURCE])),
    RelType(COOPERATES_WITH, "two actors cooperated (derived from events, with their ids)",
            _pairs(_COOPERATORS, _COOPERATORS), symmetric=True),
)

NODES: dict[str, NodeType] = {n.label: n for n in NODE_TYPES}
RELS: dict[str, RelType] = {r.type: r for r in REL_TYPES}
SIDES: dict[str, str] = {n.label: n.side for n in NODE_TYPES}
INDEXED_PROPS = ("name_zh",)  # secondary indexes where the store supports them (Neo4j)


def node_props(label: str) -> tuple[Prop, ...]:
    """Every property of a label, common ones first."""
    return NODE_COMMON + NODES[label].props


def node_prop_types(label: str) -> dict[str, str]:
    return {p.name: p.type for p in node_props(label)}


EDGE_PROP_TYPES: dict[str, str] = {p.name: p.type for p in EDGE_PROPS}


def allowed(rel: str, source_label: str, target_label: str) -> bool:
    return (source_label, target_label) in RELS[rel].pairs


def link_targets(link: Link, label: str) -> tuple[str, ...]:
    """Labels a link field on `label` may point at (or come from, if incoming)."""
    pairs = RELS[link.rel].pairs
    if link.incoming:
        return tuple(a for a, b in pairs if b == label)
    return tuple(b for a, b in pairs if a == label)


def _check() -> None:
    """Guard the schema against its own typos at import time."""
    for n in NODE_TYPES:
        names = [p.name for p in node_props(n.label)]
        assert len(names) == len(set(names)), f"duplicate property on {n.label}"
        assert all(p.type in PROPERTY_TYPES for p in n.props), n.label
        for link in n.links:
            assert link.rel in RELS and link_targets(link, n.label), (n.label, link)
            assert link.field not in names, (n.label, link.field)
    for r in REL_TYPES:
        assert all(a in NODES and b in NODES for a, b in r.pairs), r.type


_check()
