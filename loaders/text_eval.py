"""Precision and recall of the text extractor against a gold annotation (tests/fixtures/gold/)."""
from __future__ import annotations

import re
from typing import Any


def norm(name: str) -> str:
    return re.sub(r"\s|\*", "", name.replace("（", "(").replace("）", ")"))


def prf(found: set, gold: set) -> dict[str, float]:
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "found": len(found), "gold": len(gold), "correct": tp}


def score(result: dict[str, Any], gold: dict[int, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """`result` is `as_json(extract(...))`; `gold` maps item index -> {orgs, relations, clusters}
    and covers the whole text: an item it does not list names nothing, so whatever the
    extractor finds there counts against precision."""
    items = {it["index"]: it for it in result["items"]}
    found = {"organisations": set(), "relations": set(), "clusters": set()}
    truth = {"organisations": set(), "relations": set(), "clusters": set()}
    empty = {"orgs": [], "relations": [], "clusters": []}
    for i in sorted(set(gold) | set(items)):
        g = gold.get(i, empty)
        it = items.get(i, {"organisations": [], "relations": [], "clusters": []})
        found["organisations"] |= {(i, norm(o["name"])) for o in it["organisations"]}
        truth["organisations"] |= {(i, norm(o)) for o in g["orgs"]}
        found["relations"] |= {(i, frozenset((norm(r["source"]["name"]), norm(r["target"]["name"]))), r["kind"])
                               for r in it["relations"] if r["source"] and r["target"]}
        truth["relations"] |= {(i, frozenset((norm(a), norm(b))), kind) for a, b, kind in g["relations"]}
        found["clusters"] |= {(i, c["id"]) for c in it["clusters"]}
        truth["clusters"] |= {(i, c) for c in g["clusters"]}
    return {k: prf(found[k], truth[k]) for k in found}
