"""Extraction results -> records for the store (pure).

Each item becomes an Event (id from the item's text, so a reload or a repost of the same item adds
nothing) with PARTICIPATED_IN, HELD_IN, CONCERNS and REPORTED_IN edges and COOPERATES_WITH between
its subject and each partner (the event as evidence). Organisations the dataset does not know are
created with `basis: extracted`; known ones get no node record, so nothing extracted overwrites a
curated fact. An office or school named without its body (科技处, 化材学院), and a body named by its
level alone (市人民政府, 区科技局, 省科协: which city's, only the text says), get one node per text (its
`notes` say so), not one for every 科技处 or 市人民政府 anywhere. Cooperation edges that already exist keep their basis
(`existing_pairs`).
"""
from __future__ import annotations

import hashlib
from typing import Any, Iterable

from graph import schema
from graph.records import EdgeRecord, NodeRecord, SourceRef, edge

from .text_names import bare_unit, level_only


def _hash(text: str, n: int = 16) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def new_org_id(name: str, type_: str) -> str:
    return f"{'ent' if type_ == 'enterprise' else 'org'}.x{_hash(name, 10)}"


def _key(org: dict[str, Any]) -> str:
    """An organisation's name in the graph: the full name where the text used a short one it defined."""
    return org.get("alias_of") or org["name"]


def text_records(result: dict[str, Any], shown: str, stable: str, sha256: str, known_clusters: set[str],
                 existing_pairs: Iterable[tuple[str, str]] = ()) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    existing = {tuple(sorted(p)) for p in existing_pairs}
    source_id = f"src.text.{sha256[:16]}"
    nodes = [NodeRecord(schema.SOURCE, source_id, {
        "name_zh": stable, "kind": "brief" if result.get("issue") else "text", "path": stable, "sha256": sha256,
        "published": result.get("date"), "sources": [stable]})]
    edges: list[EdgeRecord] = []
    for item in result["items"]:
        if not item["relations"] and not item["clusters"]:
            continue  # nothing between organisations and no industry: not a cooperation event
        where = f"{stable}:{item['line']}"
        origin = SourceRef(shown, item["line"], None)
        text = item["text"].replace("**", "")
        event_id = f"event.t{_hash(text)}"
        ids: dict[str, str] = {}
        subject_ref = [item["subject"]] if item["subject"] else []  # may come from the context, not this item
        ends = [x for r in item["relations"] for x in (r["source"], r["target"]) if x]
        for org in subject_ref + item["organisations"] + ends:
            key = _key(org)
            if org.get("id"):
                ids[key] = org["id"]
            elif key not in ids:
                why = _only_the_text_says(key)  # one node per text: whose office (or which city's) only it says
                ids[key] = new_org_id(f"{key}@{stable}" if why else key, org["type"])
                label = schema.ENTERPRISE if org["type"] == "enterprise" else schema.ORGANIZATION
                props = {"name_zh": key, "basis": "extracted", "confidence": "low", "sources": [where]}
                if label == schema.ORGANIZATION:
                    props["kind"] = org["type"]
                if why:
                    props["notes"] = f"{why}; one node for {stable} only"
                nodes.append(NodeRecord(label, ids[key], props, origin))
        kinds = [r["kind"] for r in item["relations"]]
        subject = _key(item["subject"]) if item["subject"] else None
        partners = "、".join(_key(r["target"]) for r in item["relations"])
        nodes.append(NodeRecord(schema.EVENT, event_id, {
            "name_zh": f"{subject or ''} — {partners}：{kinds[0] if kinds else 'other'}"[:120],
            "kind": kinds[0] if kinds else "other", "date": result.get("date"), "date_end": result.get("date_end"),
            "text": text, "topics": item["topics"], "basis": "extracted", "sources": [where]}, origin))
        props = {"basis": "extracted", "sources": [where]}
        participants = {ids[subject]: "subject"} if subject in ids else {}
        for r in item["relations"]:
            if r["source"]:
                participants.setdefault(ids[_key(r["source"])], "subject")
            participants.setdefault(ids[_key(r["target"])], "partner")
        for node_id, role in participants.items():
            edges.append(edge(schema.PARTICIPATED_IN, node_id, event_id, {**props, "role": role}, origin))
        if item["districts"]:
            edges.append(edge(schema.HELD_IN, event_id, item["districts"][0]["id"], props, origin))
        for c in item["clusters"]:
            if c["id"] in known_clusters:
                edges.append(edge(schema.CONCERNS, event_id, c["id"], {**props, "rationale": f"keyword {c['keyword']}"},
                                  origin))
        edges.append(edge(schema.REPORTED_IN, event_id, source_id, props, origin))
        for r in item["relations"]:
            if r["source"]:
                a, b = ids[_key(r["source"])], ids[_key(r["target"])]
                if a == b:
                    continue
                pair = tuple(sorted((a, b)))
                coop = {"evidence": [event_id], "sources": [where]}
                if pair not in existing:
                    coop["basis"] = "extracted"  # a new relation; an existing one keeps its own basis
                edges.append(edge(schema.COOPERATES_WITH, a, b, coop, origin))
    return nodes, edges


def _only_the_text_says(key: str) -> str | None:
    """Why a name found in a text stands for a body only that text can tell (so it gets a node of
    its own there), or None: an office or school without its body (科技处, 化材学院), or a body
    named by its level alone, with no place before 省 / 市 / 区 / 县 (市人民政府, 区科技局, 省科协)."""
    if bare_unit(key):
        return "an office or school named without its body"
    if level_only(key):
        return "a body named by its level alone, without its place"
    return None
