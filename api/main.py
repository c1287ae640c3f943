"""The HTTP API: `create_app(settings, store)`. Every endpoint is a thin layer over
`queries/` and answers in one shape:

    success  {"ok": true, "data": ..., "meta": {...}}
    error    {"ok": false, "status": N, "errors": [{"message": ..., "field": ...}]}

Unknown ids -> 404 with the id; bad parameters -> 400 with the field; store down -> 503.
With DUALCHAIN_API_KEY set, every /api/ request needs it (header `X-API-Key` or
`Authorization: Bearer <key>`).
"""
from __future__ import annotations

import hmac
import os
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import KgError, NodeNotFound, QueryError, ReadOnlyViolation, StoreBusy, StoreUnavailable
from graph.settings import Settings
from graph.store import GraphStore, open_store

ERROR_STATUS = ((NodeNotFound, 404), (StoreUnavailable, 503), (StoreBusy, 503), (ReadOnlyViolation, 400),
                (QueryError, 400))


class BadParameter(KgError):
    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def ok(data: Any, **meta: Any) -> dict[str, Any]:
    return {"ok": True, "data": data, "meta": meta}


def error_response(status: int, message: str, field: str | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "status": status, "errors": [{"message": message, "field": field}]},
                        status_code=status)


def _status(exc: Exception) -> int:
    from queries.paths import NoPath
    if isinstance(exc, NoPath):
        return 404
    return next((code for cls, code in ERROR_STATUS if isinstance(exc, cls)), 400)


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    api_key = os.environ.get("DUALCHAIN_API_KEY") or None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = store or open_store(settings)
        app.state.settings = settings
        yield
        app.state.store.close()

    app = FastAPI(title="dualchain", version="0.1.0", lifespan=lifespan,
                  description="Chongqing's innovation chain and industry chain as a knowledge graph: "
                              "entities, paths, centrality, gap metrics and read-only Cypher.")

    @app.middleware("http")
    async def require_key(request: Request, call_next):
        if api_key and request.url.path.startswith("/api/") and request.url.path != "/api/health":
            given = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix("Bearer ")
            if not hmac.compare_digest(given.encode(), api_key.encode()):
                return error_response(401, "an API key is required (header X-API-Key)")
        return await call_next(request)

    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> JSONResponse:
        return error_response(_status(exc), str(exc), getattr(exc, "field", None))

    @app.exception_handler(ValueError)
    async def value_error(request: Request, exc: ValueError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"message": e["msg"], "field": ".".join(str(x) for x in e["loc"][1:]) or None}
                  for e in exc.errors()]
        return JSONResponse({"ok": False, "status": 400, "errors": errors}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    from viz.pages import register as register_pages

    from .routes import register
    register(app)
    register_pages(app)
    return app
