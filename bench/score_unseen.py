"""Score the text extractor on annotated batches of web texts, per document.

    python bench/score_unseen.py bench/unseen/b64 [bench/unseen/b65 ...] [-v] [--gold=gold_orig.yaml]

Each batch folder holds `gold.yaml` (docs/annotation.md gives its shape and conventions) and
`sources.yaml` (where each text came from, with its length and SHA-256). The texts themselves are
not ours to copy and stay out of the repository: put each one back into its folder under its file
name before scoring (bench/unseen/README.md says how). A text that is missing, or that is not the
one annotated (another SHA-256), is reported and left out, so the figures never mix texts.

Per document, as docs/extraction.md reports them: organisations by written form, relations as
(unordered pair, kind) with each body written as its `same` group's first form, pairs without the
kind, clusters; pooled over all documents of all batches given. `-v` lists what was found and not
annotated (+) and annotated and not found (-). Prints figures only.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.embedded_store import EmbeddedStore  # noqa: E402
from graph.settings import Settings  # noqa: E402
from loaders.pipeline import load_paths, name_index  # noqa: E402
from loaders.text import Lexicons, as_json, extract  # noqa: E402
from loaders.text_eval import norm, prf  # noqa: E402

KINDS = ("organisations", "relations", "pairs", "clusters")


def dataset_index():
    """The name index of the bundled dataset, as `dualchain extract` builds it."""
    with tempfile.TemporaryDirectory() as home:
        store = EmbeddedStore(Settings(home=Path(home)))
        load_paths(store, [ROOT / "data" / "chongqing"])
        index = name_index(store)
        store.close()
    return index


def score_batch(batch: Path, index, lex: Lexicons, gold_name: str, verbose: bool) -> tuple[dict, dict, list[str]]:
    """Found and annotated sets of one batch, and the documents left out (with why)."""
    gold = yaml.safe_load((batch / gold_name).read_text(encoding="utf-8"))
    sources = yaml.safe_load((batch / "sources.yaml").read_text(encoding="utf-8"))["texts"] \
        if (batch / "sources.yaml").exists() else {}
    found = {k: set() for k in KINDS}
    truth = {k: set() for k in KINDS}
    left_out = []
    for doc, g in gold.items():
        path = batch / doc
        if not path.exists():
            left_out.append(f"{batch.name}/{doc}: text missing (source: {sources.get(doc, {}).get('source', '?')})")
            continue
        data = path.read_bytes()
        want = sources.get(doc, {}).get("sha256")
        if want and hashlib.sha256(data).hexdigest() != want:
            left_out.append(f"{batch.name}/{doc}: not the text annotated (SHA-256 differs)")
            continue
        canon = {norm(n): norm(group[0]) for group in g.get("same") or [] for n in group}

        def c(name: str) -> str:
            return canon.get(norm(name), norm(name))

        result = as_json(extract(data.decode("utf-8"), index, lex))
        fo, fr, fc = set(), set(), set()
        for item in result["items"]:
            fo |= {norm(o["name"]) for o in item["organisations"]}
            fr |= {(frozenset((c(r["source"]["name"]), c(r["target"]["name"]))), r["kind"])
                   for r in item["relations"] if r["source"] and r["target"]}
            fc |= {cl["id"] for cl in item["clusters"]}
        go = {norm(o) for o in g.get("orgs") or []}
        gr = {(frozenset((c(a), c(b))), k) for a, b, k in g.get("relations") or []}
        gc = set(g.get("clusters") or [])
        key = (batch.name, doc)
        for kind, f, t in (("organisations", fo, go), ("relations", fr, gr),
                           ("pairs", {p for p, _ in fr}, {p for p, _ in gr}), ("clusters", fc, gc)):
            found[kind] |= {key + (x,) for x in f}
            truth[kind] |= {key + (x,) for x in t}
        if verbose:
            print(f"== {batch.name}/{doc}")

            def show(r) -> str:
                return "|".join(sorted(r[0])) + " " + r[1]
            for sign, names in (("+org", fo - go), ("-org", go - fo)):
                for n in sorted(names):
                    print(f"  {sign} {n}")
            for sign, rels in (("+rel", fr - gr), ("-rel", gr - fr)):
                for r in sorted(rels, key=show):
                    print(f"  {sign} {show(r)}")
            for sign, ids in (("+cl", fc - gc), ("-cl", gc - fc)):
                for x in sorted(ids):
                    print(f"  {sign} {x}")
    return found, truth, left_out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("batches", type=Path, nargs="+")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--gold", default="gold.yaml", help="the gold file's name in each batch (gold_orig.yaml: as first annotated)")
    args = parser.parse_args()
    index, lex = dataset_index(), Lexicons.load()
    found = {k: set() for k in KINDS}
    truth = {k: set() for k in KINDS}
    missing = []
    for batch in args.batches:
        f, t, left_out = score_batch(batch, index, lex, args.gold, args.verbose)
        for k in KINDS:
            found[k] |= f[k]
            truth[k] |= t[k]
        missing += left_out
    for line in missing:
        print("left out:", line, file=sys.stderr)
    if not truth["organisations"] and not found["organisations"]:
        print("nothing scored: put the texts back first (bench/unseen/README.md)", file=sys.stderr)
        return 1
    figures = {k: prf(found[k], truth[k]) for k in KINDS}
    print("  ".join(f"{k} {v['f1']:.3f} (p {v['precision']:.3f} r {v['recall']:.3f}, {v['gold']} annotated)"
                    for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
