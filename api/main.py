"""The HTTP API: `create_app(settings)`. For now health and stats; the API issue adds the rest.

One success shape `{"ok": true, "data": ..., "meta": {...}}` and one error shape
`{"ok": false, "status": N, "errors": [{"message": ...}]}` for every endpoint.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from graph.errors import KgError, NodeNotFound, QueryError, StoreBusy, StoreUnavailable
from graph.settings import Settings
from graph.store import GraphStore, open_store


ERROR_STATUS = ((NodeNotFound, 404), (StoreUnavailable, 503), (StoreBusy, 503), (QueryError, 400))  # NoPath: 404 via name


def ok(data: Any, **meta: Any) -> dict[str, Any]:
    return {"ok": True, "data": data, "meta": meta}


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "status": status, "errors": [{"message": message}]}, status_code=status)


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = store or open_store(settings)
        yield
        app.state.store.close()

    app = FastAPI(title="dualchain", version="0.1.0", lifespan=lifespan,
                  description="Chongqing's innovation chain and industry chain as a knowledge graph.")

    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> JSONResponse:
        status = next((code for cls, code in ERROR_STATUS if isinstance(exc, cls)), 400)
        return error_response(status, str(exc))

    @app.get("/api/health", summary="Is the store reachable?")
    def health(request: Request) -> dict[str, Any]:
        store: GraphStore = request.app.state.store
        counts = store.counts()
        return ok({"status": "ok", "store": store.kind, "nodes": counts.total_nodes, "edges": counts.total_edges})

    @app.get("/api/stats", summary="Counts per label and relationship type")
    def stats(request: Request) -> dict[str, Any]:
        store: GraphStore = request.app.state.store
        return ok(store.counts().as_dict(), store=store.kind, generation=store.generation())

    return app
