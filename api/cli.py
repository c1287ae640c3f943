"""The `dualchain` command. JSON to stdout; logs, progress and errors to stderr.
Exit codes: 0 ok, 1 bad input (or a failed query / unavailable store), 2 bad usage."""
from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.errors import KgError, LoadError, LoadErrors
from graph.settings import Settings, SettingsError
from graph.store import GraphStore, open_store
from graph.projection import EXPORT_FORMATS, write_export
from loaders.pipeline import check, load_paths, read_paths

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dualchain: Chongqing's innovation chain and industry chain as a knowledge graph.")
err = Console(stderr=True)
logger = logging.getLogger("dualchain")

DATA_DIR_NAME = "chongqing"


def bundled_data() -> Path:
    """The bundled dataset: data/chongqing beside the code, or under the working directory."""
    for base in (Path(__file__).resolve().parents[1], Path.cwd()):
        candidate = base / "data" / DATA_DIR_NAME
        if candidate.is_dir():
            return candidate
    raise SettingsError("the bundled dataset data/chongqing was not found; give the paths to load")


class State:
    store_kind: Optional[str] = None


state = State()


@app.callback()
def _options(store: Annotated[Optional[str], typer.Option(
        "--store", help="embedded (default) or neo4j; overrides DUALCHAIN_STORE")] = None,
             verbose: Annotated[bool, typer.Option("--verbose", "-v", help="more log lines")] = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format="%(message)s",
                        stream=sys.stderr, force=True)
    state.store_kind = store


@contextmanager
def _store() -> Iterator[GraphStore]:
    settings = Settings.from_env(store=state.store_kind)
    store = open_store(settings)
    try:
        yield store
    finally:
        store.close()


def _emit(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=not err.is_terminal)


@app.command()
def load(paths: Annotated[Optional[list[Path]], typer.Argument(
        help="files or folders of .yaml/.csv; default: the bundled dataset")] = None,
         text: Annotated[bool, typer.Option("--text", help="the files are texts (briefs, news): load their "
                                                           "cooperation items as events")] = False,
         year: Annotated[Optional[int], typer.Option(help="with --text: year of a brief dated only month.day")] = None
         ) -> None:
    """Validate files, then load them into the store (all or nothing; a rerun changes nothing)."""
    if text:
        if not paths:
            raise typer.BadParameter("give the text files to load", param_hint="PATHS")
        from loaders.pipeline import load_texts
        with _store() as store:
            report = load_texts(store, paths, year)
            _emit_load(report, store.counts())
        return
    paths = paths or [bundled_data()]
    with _store() as store, _progress() as bar:
        read_task = bar.add_task("reading files", total=None)
        write_task = bar.add_task("writing", total=None, visible=False)

        def on_file(name, done, total):
            bar.update(read_task, completed=done, total=total, description=f"reading {name}")

        def on_write(step, done, total):
            bar.update(write_task, visible=True, completed=done, total=total, description=f"writing {step}")

        report = load_paths(store, paths, on_file, on_write)
        counts = store.counts()
    _emit_load(report, counts)


def _emit_load(report, counts) -> None:
    w = report.write
    _emit({"files": report.files, "nodes_created": w.nodes_created, "nodes_updated": w.nodes_updated,
           "edges_created": w.edges_created, "edges_updated": w.edges_updated, "method": w.method,
           "seconds": round(report.seconds, 2), "store": counts.as_dict()})


@app.command()
def extract(files: Annotated[list[Path], typer.Argument(help="plain text or Markdown files (UTF-8)")],
            as_json: Annotated[bool, typer.Option("--json", help="print JSON (docs/extraction.md)")] = False,
            year: Annotated[Optional[int], typer.Option(help="year of a brief whose header gives only month.day")] = None) -> None:
    """Find the cooperation items in texts: organisations, districts, activities, topics, clusters."""
    from loaders.pipeline import name_index
    from loaders.text import Lexicons
    from loaders.text import as_json as to_json
    from loaders.text import extract as run_extract
    for f in files:
        if not f.is_file():
            raise LoadErrors([LoadError(str(f), None, None, "no such file")])
    with _store() as store:
        index = name_index(store)
    lex = Lexicons.load()
    results = [{"file": str(f), **to_json(run_extract(f.read_text(encoding="utf-8-sig"), index, lex, year))}
               for f in files]
    if as_json:
        _emit(results)
        return
    for r in results:
        typer.echo(f"{r['file']}: issue {r['issue']}, {r['date'] or r['date_text'] or 'undated'}, {len(r['items'])} items")
        for it in r["items"]:
            partners = "、".join(f"{x['target']['name']}({x['kind']})" for x in it["relations"])
            typer.echo(f"  {it['index']:>3}. {(it['subject'] or {}).get('name', '?')} → {partners or '—'}"
                       f"  {' '.join(c['id'] for c in it['clusters'])}")


@app.command()
def validate(paths: Annotated[Optional[list[Path]], typer.Argument(help="files or folders; default: the bundled dataset")] = None,
             against_store: Annotated[bool, typer.Option(help="also resolve ids already in the store")] = False) -> None:
    """Check files as `load` would, and write nothing."""
    paths = paths or [bundled_data()]
    batch = read_paths(paths)
    if against_store:
        with _store() as store:
            errors = batch.errors + check(batch, store.labels_of)
    else:
        errors = batch.errors + check(batch, lambda ids: {})
    if errors:
        raise LoadErrors(errors)
    _emit({"files": len(batch.files), "nodes": len(batch.nodes), "edges": len(batch.edges), "errors": 0})


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Counts per label and relationship type."""
    with _store() as store:
        counts = store.counts().as_dict()
    if as_json:
        _emit(counts)
        return
    for title, table in (("nodes", counts["nodes"]), ("edges", counts["edges"])):
        typer.echo(f"{title}: {counts['total_' + title]}")
        for name, n in table.items():
            typer.echo(f"  {name:<16} {n:>8}")


def _param(raw: str) -> tuple[str, object]:
    if "=" not in raw:
        raise typer.BadParameter(f"expected key=value, got {raw!r}", param_hint="-p")
    key, value = raw.split("=", 1)
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = value
    return key.strip(), parsed


@app.command()
def query(cypher: Annotated[str, typer.Argument(help="read-only Cypher")],
          param: Annotated[Optional[list[str]], typer.Option(
              "-p", "--param", help="a parameter as key=value (value parsed as JSON when it is JSON)")] = None,
          as_json: Annotated[bool, typer.Option("--json", help="print JSON rows")] = False,
          timeout: Annotated[Optional[float], typer.Option(help="seconds; default DUALCHAIN_QUERY_TIMEOUT or 5")] = None,
          max_rows: Annotated[Optional[int], typer.Option(help="row cap; default DUALCHAIN_MAX_ROWS or 1000")] = None) -> None:
    """Run read-only Cypher with bound parameters, a timeout and a row cap."""
    params = dict(_param(p) for p in param or [])
    with _store() as store:
        result = store.query(cypher, params, timeout_s=timeout, max_rows=max_rows)
    if result.truncated:
        logger.warning("only the first %d rows are shown (row cap)", len(result.rows))
    if as_json:
        _emit({"columns": result.columns, "rows": result.records(), "truncated": result.truncated})
        return
    typer.echo("\t".join(result.columns))
    for row in result.rows:
        typer.echo("\t".join(json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v for v in row))


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help=f"one of {', '.join(EXPORT_FORMATS)}")],
           output: Annotated[Path, typer.Option("-o", "--output", help="file to write")]) -> None:
    """Write the whole graph as GraphML, GEXF (for Gephi) or node-link JSON."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    with _store() as store:
        data = store.export()
    write_export(data, fmt, output)
    _emit({"format": fmt, "file": str(output), "nodes": len(data.nodes), "edges": len(data.edges)})


@app.command()
def clear(yes: Annotated[bool, typer.Option("--yes", help="confirm: delete every node and edge")] = False) -> None:
    """Delete the whole graph from the store."""
    if not yes:
        raise typer.BadParameter("clearing deletes the whole graph; add --yes to confirm", param_hint="--yes")
    with _store() as store:
        store.clear()
        counts = store.counts()
    _emit({"cleared": True, "store": counts.as_dict()})


def _analysis_graph(store: GraphStore):
    """What whole-graph analysis runs on: the full projection, or the compact one for a
    store of DUALCHAIN_COMPACT_FROM nodes or more."""
    from graph.projection import analysis_graph
    return analysis_graph(store)


@app.command()
def paths(source: Annotated[str, typer.Argument(help="id or exact Chinese name (or alias)")],
          target: Annotated[str, typer.Argument(help="id or exact Chinese name (or alias)")],
          max_hops: Annotated[Optional[int], typer.Option(help="longest path allowed")] = None,
          k: Annotated[int, typer.Option(help="how many shortest paths (1-50)")] = 1,
          via: Annotated[Optional[list[str]], typer.Option(help="only through these labels, e.g. --via Platform")] = None,
          as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Shortest path(s) between two entities, each hop with its relationship and sources."""
    from queries.paths import store_paths
    if not 1 <= k <= 50:
        raise typer.BadParameter("must be between 1 and 50", param_hint="--k")
    with _store() as store:
        _, _, found = store_paths(store, source, target, k=k, max_hops=max_hops, via_labels=via)
    if as_json:
        _emit(found)
        return
    for i, p in enumerate(found, 1):
        names = [n["name_zh"] or n["id"] for n in p["nodes"]]
        typer.echo(f"{i}. ({p['hops']} hops) " + " → ".join(names))
        for e in p["edges"]:
            typer.echo(f"     {e['source']} -[{e['type']}]-> {e['target']}   {'; '.join(e['sources'][:2])}")


@app.command()
def centrality(metric: Annotated[Optional[list[str]], typer.Option(
                   help="degree, betweenness, pagerank, harmonic, cross_chain_betweenness (default: all)")] = None,
               label: Annotated[Optional[str], typer.Option(help="only nodes with this label")] = None,
               top: Annotated[int, typer.Option(help="how many per metric")] = 10,
               engine: Annotated[str, typer.Option(help="auto, networkx or igraph")] = "auto",
               seed: Annotated[int, typer.Option(help="seed for sampling and Louvain")] = 1,
               as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Centrality report: top nodes per metric (exact or sampled, as stated), and communities."""
    from graph import schema
    from queries.centrality import METRICS, centrality_report
    metrics = tuple(metric or METRICS)
    bad = [m for m in metrics if m not in METRICS]
    if bad:
        raise typer.BadParameter(f"unknown {', '.join(bad)}; known: {', '.join(METRICS)}", param_hint="--metric")
    if label is not None and label not in schema.NODES:
        raise typer.BadParameter(f"unknown label; known: {', '.join(schema.NODES)}", param_hint="--label")
    with _store() as store:
        report = centrality_report(_analysis_graph(store), metrics, label=label, top_n=top, engine=engine, seed=seed,
                                   with_communities=metric is None)
    if as_json:
        _emit(report)
        return
    for name, m in report["metrics"].items():
        how = m["method"] + (f", {m['sample']} sources, seed {m['seed']}" if m["method"] == "sampled" else "")
        typer.echo(f"{name} ({how}, {m['seconds']} s)")
        for row in m["top"]:
            typer.echo(f"  {row['score']:>10.4f}  {row['name_zh'] or row['id']}  [{row['label']}]")


@app.command()
def gaps(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
         lang: Annotated[str, typer.Option(help="zh or en level names")] = "zh") -> None:
    """Every gap metric: cluster supply, absorption, coupling coordination, single points of
    failure and brokers, reach, district mismatch, partner recommendations."""
    from queries.gaps import all_gaps
    with _store() as store:
        result = all_gaps(_analysis_graph(store), lang=lang)
    if as_json:
        _emit(result)
        return
    typer.echo("cluster supply gap (largest first):")
    for r in result["cluster_supply_gap"][:10]:
        typer.echo(f"  {r['gap']:>7.3f}  {r['name_zh']}  supply {r['supply']} / base {r['base']}"
                   + (f"  [{r['flag']}]" if r["flag"] else ""))
    typer.echo("coupling coordination by cluster:")
    for r in result["coupling_coordination"]["cluster"]["rows"]:
        typer.echo(f"  D={r['D']:.3f} {r['level']}  U1={r['U1']:.3f} U2={r['U2']:.3f}  {r['name_zh']}"
                   + (f"  ({r['lagging']} lags)" if r["lagging"] else ""))
    typer.echo("district mismatches:")
    for r in [r for r in result["district_mismatch"] if r["mismatch"]][:15]:
        typer.echo(f"  {r['district_name']} prioritises {r['cluster_name']}: no local research or activity")
    typer.echo("(--json for every metric with its evidence)")


@app.command()
def recommend(entity: Annotated[str, typer.Argument(help="id or exact Chinese name (or alias)")],
              top: Annotated[int, typer.Option(help="how many")] = 10,
              as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Partners an innovation actor or enterprise is not yet linked to, with the reasons."""
    from queries.entities import resolve
    from queries.gaps import partner_recommendations
    with _store() as store:
        g = _analysis_graph(store)
        result = partner_recommendations(g, entity=resolve(g, entity), top=top)
    if as_json:
        _emit(result)
        return
    for r in result["rows"]:
        why = "、".join(x["name_zh"] or x["id"] for x in r["shared"])
        typer.echo(f"  {r['score']:.3f}  {r['innovation_name']} × {r['enterprise_name']}   shared: {why}")


@app.command()
def report(scope: Annotated[str, typer.Option(help="all, cluster:ID or district:ID")] = "all",
           fmt: Annotated[str, typer.Option("--format", help="docx, html or md")] = "docx",
           lang: Annotated[str, typer.Option(help="zh or en")] = "zh",
           output: Annotated[Optional[Path], typer.Option("-o", "--output", help="file to write")] = None) -> None:
    """A gap report for proposal drafters: findings with figures, names and sources, tables,
    charts and the method (Word, HTML or Markdown)."""
    from reports import render
    from reports.content import build_report, data_date_of
    if fmt not in render.FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(render.FORMATS)}", param_hint="--format")
    if lang not in ("zh", "en"):
        raise typer.BadParameter("must be zh or en", param_hint="--lang")
    output = output or Path(f"dualchain-report.{fmt}")
    with _store() as store:
        result = build_report(_analysis_graph(store), scope, lang, data_date=data_date_of(store))
    files = render.write(result, fmt, output)
    _emit({"report": str(output), "files": [str(f) for f in files], "scope": scope, "format": fmt, "lang": lang})


@app.command()
def synth(nodes: Annotated[int, typer.Option("--nodes", help="about how many nodes")],
          out: Annotated[Path, typer.Option("--out", help="folder to write the CSV files into")],
          seed: Annotated[int, typer.Option(help="random seed: the same seed gives the same files")] = 1) -> None:
    """Write a synthetic ecosystem (made-up names) in the loaders' CSV formats, for benchmarks."""
    from loaders.synth import write_synthetic
    if nodes < 200:
        raise typer.BadParameter("at least 200", param_hint="--nodes")
    counts = write_synthetic(nodes, seed, out)
    _emit({"out": str(out), "rows": counts, "seed": seed})


@app.command()
def serve(host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="port")] = 8000) -> None:
    """Serve the HTTP API, loading the bundled dataset first if the store is empty."""
    import uvicorn

    from api.main import create_app

    settings = Settings.from_env(store=state.store_kind)
    store = open_store(settings)
    if store.counts().total_nodes == 0:
        logger.info("the store is empty: loading the bundled dataset first")
        load_paths(store, [bundled_data()])
    uvicorn.run(create_app(settings, store), host=host, port=port, log_level="info")


def main() -> None:
    """Entry point: usage errors exit 2 (typer's standalone mode); our own errors become
    one message and an exit code, never a traceback."""
    try:
        app()
    except LoadErrors as e:
        print(e.report(), file=sys.stderr)
        sys.exit(1)
    except SettingsError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
    except KgError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
