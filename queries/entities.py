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
