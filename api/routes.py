"""JSON endpoints under /api/. Each is a few lines over `queries/`; errors are raised as
our exceptions and shaped in api/main.py."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, FastAPI, Query, Request

from graph import schema
from graph.compact import CompactGraph
from graph.errors import NodeNotFound
from graph.projection import analysis_graph, project
from graph.store import GraphStore

MAX_PAGE = 200


def _store(request: Request) -> GraphStore:
    return request.app.state.store


def _cached(request: Request, key: tuple, compute):
    """Results that depend only on the graph, kept until the store changes."""
    store = _store(request)
    cache = request.app.state.__dict__.setdefault("results", {})
    generation = store.generation()
    if cache.get("generation") != generation:
        cache.clear()
        cache["generation"] = generation
    if key not in cache:
        cache[key] = compute(analysis_graph(store))
    return cache[key]


def _label(value: str | None, field: str = "label") -> str | None:
    from .main import BadParameter
    if value is not None and value not in schema.NODES:
        raise BadParameter(field, f"unknown label {value!r}; known: {', '.join(schema.NODES)}")
    return value


def brief(g, n: str) -> dict[str, Any]:
    d = g.nodes[n]
    return {"id": n, "label": d.get("label"), "name_zh": d.get("name_zh"), "name_en": d.get("name_en"),
            "aliases": d.get("aliases") or []}


def register(app: FastAPI) -> None:
    from .main import BadParameter, ok
    r = APIRouter(prefix="/api")

    @r.get("/health", summary="Is the store reachable?")
    def health(request: Request):
        store = _store(request)
        counts = store.counts()
        return ok({"status": "ok", "store": store.kind, "nodes": counts.total_nodes, "edges": counts.total_edges})

    @r.get("/stats", summary="Counts per label and type, loaded files")
    def stats(request: Request):
        store = _store(request)
        files = store.query("MATCH (s:Source) WHERE s.kind = $kind RETURN s.path AS path, s.sha256 AS sha256, "
                            "s.loaded_at AS loaded_at ORDER BY path", {"kind": "file"}, max_rows=10000)
        return ok(store.counts().as_dict(), store=store.kind, generation=store.generation(), files=files.records())

    @r.get("/entities", summary="Search entities by Chinese name, alias or id")
    def entities(request: Request, q: str = "", label: str | None = None, district: str | None = None,
                 cluster: str | None = None, page: Annotated[int, Query(ge=1)] = 1,
                 page_size: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50):
        from queries.entities import search
        g = analysis_graph(_store(request))
        for field, value in (("district", district), ("cluster", cluster)):
            if value is not None and value not in g:
                raise BadParameter(field, f"unknown {field} {value!r}")
        found = search(g, q, label=_label(label), district=district, cluster=cluster)
        start = (page - 1) * page_size
        return ok([brief(g, n) for n in found[start:start + page_size]], total=len(found), page=page,
                  page_size=page_size, pages=(len(found) + page_size - 1) // page_size)

    @r.get("/entities/{entity_id}", summary="One entity with its neighbours and the evidence for each link")
    def entity(request: Request, entity_id: str, limit: Annotated[int, Query(ge=1, le=2000)] = 500):
        store = _store(request)
        node = store.get(entity_id)
        if node is None:
            raise NodeNotFound(entity_id)
        links = store.neighbours(entity_id, limit=limit)
        return ok({"id": node.id, "label": node.label, "properties": node.props,
                   "neighbours": [{"direction": n.direction, "type": n.edge.type, "edge": n.edge.props,
                                   "node": {"id": n.node.id, "label": n.node.label,
                                            "name_zh": n.node.props.get("name_zh")}} for n in links]},
                  neighbours=len(links), limit=limit, truncated=len(links) >= limit)

    @r.get("/paths", summary="Shortest path(s) between two entities (id, Chinese name or alias)")
    def paths(request: Request, source: Annotated[str, Query(alias="from")], to: str,
              max_hops: Annotated[int | None, Query(ge=1, le=12)] = None,
              k: Annotated[int, Query(ge=1, le=20)] = 1, via: Annotated[list[str] | None, Query()] = None):
        from queries.paths import store_paths
        for v in via or []:
            _label(v, "via")
        a, b, found = store_paths(_store(request), source, to, k=k, max_hops=max_hops, via_labels=via)
        return ok(found, source=a, target=b)

    @r.get("/centrality", summary="Top nodes by a centrality metric (or all metrics)")
    def centrality(request: Request, metric: str | None = None, label: str | None = None,
                   top: Annotated[int, Query(ge=1, le=100)] = 10):
        from queries.centrality import METRICS, centrality_report
        if metric is not None and metric not in METRICS:
            raise BadParameter("metric", f"unknown metric {metric!r}; known: {', '.join(METRICS)}")
        metrics = (metric,) if metric else METRICS
        report = _cached(request, ("centrality", metrics, _label(label), top),
                         lambda g: centrality_report(g, metrics, label=label, top_n=top,
                                                     with_communities=metric is None))
        return ok(report)

    @r.get("/gaps", summary="Every gap metric with its evidence")
    def gaps_all(request: Request, lang: str = "zh"):
        from queries.gaps import all_gaps
        return ok(_cached(request, ("gaps", lang), lambda g: all_gaps(g, lang=lang)))

    @r.get("/gaps/{metric}", summary="One gap metric")
    def gaps_one(request: Request, metric: str, lang: str = "zh"):
        from queries.gaps import all_gaps
        result = _cached(request, ("gaps", lang), lambda g: all_gaps(g, lang=lang))
        if metric not in result:
            from .main import error_response
            return error_response(404, f"no gap metric {metric!r}; metrics: {', '.join(result)}", "metric")
        return ok(result[metric], metric=metric)

    @r.get("/recommendations", summary="Partners an entity is not yet linked to, with reasons")
    def recommendations(request: Request, entity: str, top: Annotated[int, Query(ge=1, le=100)] = 10):
        from queries.entities import resolve
        from queries.gaps import partner_recommendations
        g = analysis_graph(_store(request))
        result = partner_recommendations(g, entity=resolve(g, entity), top=top)
        return ok(result["rows"], **result["meta"])

    @r.get("/queries", summary="Saved analyst queries with their parameters and columns")
    def queries_list(request: Request):
        from queries import named
        return ok([{"name": q.name, "question": q.question, "parameters": q.parameters, "columns": q.columns,
                    "cypher": q.cypher} for q in named.list_queries(_store(request).kind)])

    @r.post("/queries/{name}", summary="Run a saved query with parameters")
    def queries_run(request: Request, name: str, body: Annotated[dict[str, Any], Body()] | None = None):
        from queries import named
        params = (body or {}).get("params", {})
        if not isinstance(params, dict):
            raise BadParameter("params", "params must be an object")
        try:
            result = named.run(_store(request), name, params)
        except named.UnknownQuery as err:
            from .main import error_response
            return error_response(404, str(err), "name")
        return ok({"columns": result.columns, "rows": result.records()}, truncated=result.truncated)

    @r.post("/cypher", summary="Read-only Cypher with bound parameters, a timeout and a row cap")
    def cypher(request: Request, query: Annotated[str, Body(embed=True, min_length=1)],
               params: Annotated[dict[str, Any] | None, Body(embed=True)] = None):
        settings = request.app.state.settings
        result = _store(request).query(query, params or {})
        return ok({"columns": result.columns, "rows": result.records()}, truncated=result.truncated,
                  max_rows=settings.max_rows, timeout_s=settings.query_timeout_s)

    @r.get("/legend", summary="Colour and Chinese name of every label (as the explorer shows them)")
    def legend():
        from viz.style import COLOURS, LABELS_ZH
        return ok({label: {"color": COLOURS[label], "zh": LABELS_ZH[label]} for label in COLOURS})

    @r.get("/graph/neighbourhood", summary="An entity's neighbourhood as node-link JSON, laid out")
    def graph_neighbourhood(request: Request, id: str, hops: Annotated[int, Query(ge=1, le=3)] = 1,
                            limit: Annotated[int, Query(ge=1, le=2000)] = 300,
                            labels: Annotated[list[str] | None, Query()] = None, size_by: str = "degree",
                            district: str | None = None, cluster: str | None = None):
        from queries.entities import resolve
        from viz.layout import neighbourhood
        for lb in labels or []:
            _label(lb, "labels")
        if size_by not in ("degree", "pagerank"):
            raise BadParameter("size_by", "size_by must be degree or pagerank")
        store = _store(request)
        g = analysis_graph(store)
        center = resolve(g, id)
        for field, value, label in (("district", district, "District"), ("cluster", cluster, "Cluster")):
            if value is not None and (value not in g or g.nodes[value].get("label") != label):
                raise BadParameter(field, f"unknown {field} {value!r}")
        allowed = None
        if district or cluster:  # keep what lies within two hops of the district / cluster, plus the center
            if isinstance(g, CompactGraph):
                for c in (district, cluster):
                    if c is not None:
                        near = set(g.within(c, 2))
                        allowed = near if allowed is None else allowed & near
            else:
                allowed = set(project(store, district=district, cluster=cluster))
        view = neighbourhood(g, center, hops=hops, limit=limit, labels=labels, size_by=size_by, allowed=allowed)
        return ok(view, **view.pop("meta"))

    @r.get("/graph/path", summary="The shortest path between two entities as node-link JSON, laid out")
    def graph_path(request: Request, source: Annotated[str, Query(alias="from")], to: str,
                   max_hops: Annotated[int | None, Query(ge=1, le=12)] = None):
        from queries.entities import resolve
        from queries.paths import shortest_path, with_evidence
        from viz.layout import path_view
        store = _store(request)
        g = analysis_graph(store)
        p = shortest_path(g, resolve(g, source), resolve(g, to), max_hops=max_hops)
        if isinstance(g, CompactGraph):
            p = with_evidence(p, store)
        view = path_view(g, [n["id"] for n in p["nodes"]])
        return ok(view, **view.pop("meta"), edges=p["edges"])

    app.include_router(r)

    from fastapi.responses import Response

    @app.get("/reports/gaps", summary="Download a gap report (docx, html or md)", tags=["reports"])
    def report(request: Request, scope: str = "all", format: str = "docx", lang: str = "zh"):
        from reports import render
        from reports.content import ReportError, build_report, data_date_of
        if format not in render.FORMATS:
            raise BadParameter("format", f"format must be one of {', '.join(render.FORMATS)}")
        if lang not in ("zh", "en"):
            raise BadParameter("lang", "lang must be zh or en")
        store = _store(request)
        try:
            result = build_report(analysis_graph(store), scope, lang, data_date=data_date_of(store))
        except ReportError as err:
            raise BadParameter("scope", str(err)) from err
        if format == "md":  # one file: charts inline as data URIs
            import base64
            text, images = render.to_markdown(result, "report_files")
            for name, png in images.items():
                text = text.replace(f"report_files/{name}", "data:image/png;base64," + base64.b64encode(png).decode())
            body, media = text.encode("utf-8"), "text/markdown; charset=utf-8"
        elif format == "html":
            body, media = render.to_html(result).encode("utf-8"), "text/html; charset=utf-8"
        else:
            body = render.to_docx(result)
            media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        name = f"dualchain-gaps-{scope.replace(':', '-')}.{format}"
        return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
