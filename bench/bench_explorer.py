"""Explorer page-load time in a real headless Chromium (Debian's), at growing node limits.

    python bench/bench_explorer.py [--limits 500 2000] [--nodes 20000]

Serves a synthetic ecosystem, opens the explorer on its biggest hub with 2-3 hops and the
given node limit, and times navigation -> network drawn (the page's `data-drawn` flag),
split into the API call (server-side layout) and the rest. Prints figures only.
"""
from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limits", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--nodes", type=int, default=20000)
    args = parser.parse_args()
    import httpx
    import uvicorn
    from playwright.sync_api import sync_playwright

    from api.main import create_app
    from graph.embedded_store import EmbeddedStore
    from graph.projection import project
    from graph.settings import Settings
    from loaders.pipeline import load_paths
    from loaders.synth import write_synthetic

    tmp = Path(tempfile.mkdtemp())
    write_synthetic(args.nodes, 1, tmp / "data")
    settings = Settings(home=tmp / "home")
    store = EmbeddedStore(settings)
    load_paths(store, [tmp / "data"])
    g = project(store)
    hub = max((n for n, d in g.nodes(data=True) if d["label"] == "University"), key=g.degree)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    print(f"synthetic graph: {g.number_of_nodes():,} nodes; hub {hub} (degree {g.degree(hub)})")
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--no-first-run", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        for limit in args.limits:
            url = f"/api/graph/neighbourhood?id={hub}&hops=3&limit={limit}"
            started = time.perf_counter()
            shown = len(httpx.get(base + url, timeout=120).json()["data"]["nodes"])
            api_s = time.perf_counter() - started
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(f"{base}/?id={hub}")
            page.wait_for_selector("#network[data-drawn='1']", timeout=120000)
            page.select_option("#hops", "3")
            page.fill("#limit", str(limit))
            started = time.perf_counter()
            page.dispatch_event("#limit", "change")
            page.wait_for_function(f"document.getElementById('network').dataset.nodes == '{shown}' && "
                                   "document.getElementById('network').dataset.drawn == '1'", timeout=120000)
            total = time.perf_counter() - started
            heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1")
            print(f"limit {limit}: {shown} nodes drawn in {total:.2f} s "
                  f"(API with server-side layout alone {api_s:.2f} s); JS heap {heap:.0f} MB")
            page.close()
        browser.close()
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
