"""Find an entity by id, exact Chinese name or alias."""
from __future__ import annotations

import difflib

import networkx as nx

from graph.errors import KgError, NodeNotFound


class AmbiguousName(KgError):
    pass


def resolve(g: nx.MultiDiGraph, text: str) -> str:
    """The id of the node whose id, name_zh or alias is `text`.

    >>> g = nx.MultiDiGraph(); g.add_node("univ.cqu", name_zh="重庆大学", aliases=["重大"])
    >>> resolve(g, "重大")
    'univ.cqu'
    """
    text = text.strip()
    if text in g:
        return text
    by_name = sorted(n for n, d in g.nodes(data=True) if d.get("name_zh") == text)
    if not by_name:
        by_name = sorted(n for n, d in g.nodes(data=True) if text in (d.get("aliases") or []))
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        raise AmbiguousName(f"{text!r} names {len(by_name)} entities: {', '.join(by_name)}; give an id")
    names = {d.get("name_zh"): n for n, d in g.nodes(data=True) if d.get("name_zh")}
    close = difflib.get_close_matches(text, list(names), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(f'{c} = {names[c]}' for c in close)}?)" if close else ""
    err = NodeNotFound(text)
    err.args = (f"no entity with id, name or alias {text!r}{hint}",)
    raise err


def _rows(g):
    """(id, label, name_zh, aliases, name_en) of every node; straight from the arrays of a
    compact projection (a million nodes: no per-node attribute objects)."""
    from graph.compact import CompactGraph
    if isinstance(g, CompactGraph):
        names = g.label_names
        return zip(g.ids, (names[c] for c in g.codes.tolist()), g.props["name_zh"], g.props["aliases"],
                   g.props["name_en"])
    return ((n, d.get("label"), d.get("name_zh"), d.get("aliases"), d.get("name_en")) for n, d in g.nodes(data=True))


def _incoming(g, node: str) -> list[tuple[str, str]]:
    """(other end, relationship type) of every edge into `node`, on either projection."""
    from graph.compact import CompactGraph
    if isinstance(g, CompactGraph):
        return [(other, key) for key, way, other in g.typed(node) if way == "in"]
    return [(u, k) for u, _, k in g.in_edges(node, keys=True)]


_CLUSTER_LINKS = ("IN_CLUSTER", "LEADS", "SUPPORTS", "PRIORITIZES", "CONCERNS", "PART_OF")


def search(g: nx.MultiDiGraph, q: str, label: str | None = None, district: str | None = None,
           cluster: str | None = None) -> list[str]:
    """Ids matching `q` (id, Chinese name, alias or English name; substring), best first:
    exact matches, then names that start with `q`, then the rest, shorter names first.
    Source documents are found only when `label` asks for them. `district` keeps entities
    located or held there; `cluster` keeps entities linked to the cluster or its segments.

    >>> g = nx.MultiDiGraph(); g.add_node("univ.cqu", label="University", name_zh="重庆大学", aliases=["重大"])
    >>> g.add_node("univ.cqut", label="University", name_zh="重庆理工大学")
    >>> search(g, "重庆"), search(g, "重大")
    (['univ.cqu', 'univ.cqut'], ['univ.cqu'])
    """
    q = q.strip()
    scope = None
    if district is not None:
        scope = {u for u, k in _incoming(g, district) if k in ("LOCATED_IN", "HELD_IN")} | {district}
    if cluster is not None:
        parts = {cluster} | {u for u, k in _incoming(g, cluster) if k == "PART_OF"}
        linked = {u for p in parts for u, k in _incoming(g, p) if k in _CLUSTER_LINKS} | parts
        scope = linked if scope is None else scope & linked
    ranked = []
    for n, node_label, name, aliases, name_en in _rows(g):
        if (label and node_label != label) or (not label and node_label == "Source"):
            continue
        if scope is not None and n not in scope:
            continue
        name = name or ""
        aliases = aliases or []
        if not q:
            rank = 2
        elif q in (n, name) or q in aliases:
            rank = 0
        elif name.startswith(q) or n.startswith(q):
            rank = 1
        elif q in name or any(q in a for a in aliases) or q.lower() in (name_en or "").lower():
            rank = 2
        else:
            continue
        ranked.append((rank, len(name), n))
    return [n for _, _, n in sorted(ranked)]
