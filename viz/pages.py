"""The explorer's pages and assets, all served locally (no CDN): our page and script from
viz/static, vis-network from the copy the pyvis package ships."""
from __future__ import annotations

from pathlib import Path

import pyvis
from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
PAGES = ("network", "path", "gaps", "console")


def register(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/vendor/vis-network.min.js", include_in_schema=False)
    def vis_js():
        return FileResponse(VIS / "vis-network.min.js", media_type="text/javascript")

    @app.get("/vendor/vis-network.css", include_in_schema=False)
    def vis_css():
        return FileResponse(VIS / "vis-network.css", media_type="text/css")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def explorer():
        return (STATIC / "index.html").read_text(encoding="utf-8")
