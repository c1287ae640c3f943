"""Text extraction speed: 10,000 items in under a minute on one core is the target.

    python bench/bench_extract.py [--items 10000] [--texts 2000]

Builds a brief of N items by cycling the 25 items of seed 001 (numbered so each is distinct),
with the bundled dataset's name index, and times `extract` over it. Then times news prose the
way `load --text` meets it, one short text per file: M texts, each a paragraph of seeds 003 and
004 (cycled, numbered), each extracted on its own (so each pays for reading its whole text once).
Prints figures only.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.embedded_store import EmbeddedStore  # noqa: E402
from graph.settings import Settings  # noqa: E402
from loaders.pipeline import load_paths, name_index  # noqa: E402
from loaders.text import Lexicons, extract  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "001_e7a2e3c515fcd3ca.txt"
PROSE = sorted((ROOT.parent / "shared" / "seeds").glob("00[34]_*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=2_000)
    args = parser.parse_args()
    items = [m.group(0).strip() for m in re.finditer(r"◆[^◆]+", SEED.read_text(encoding="utf-8").split("---")[0])]
    brief = "\n\n".join(f"{item} （第{i}条）" for i, item in zip(range(args.items), _cycle(items)))
    store = EmbeddedStore(Settings(home=Path(tempfile.mkdtemp())))
    load_paths(store, [ROOT / "data" / "chongqing"])
    started = time.perf_counter()
    index = name_index(store)
    built = time.perf_counter() - started
    lex = Lexicons.load()
    started = time.perf_counter()
    result = extract(brief, index, lex, year=2025)
    seconds = time.perf_counter() - started
    relations = sum(len(it.relations) for it in result["items"])
    print(f"name index: {len(index.names):,} names in {built:.2f} s")
    print(f"extract: {len(result['items']):,} items ({len(brief):,} characters), {relations:,} relations "
          f"in {seconds:.1f} s = {len(result['items']) / seconds:,.0f} items/s (one process, one core)")
    paragraphs = [p.strip() for f in PROSE for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) >= 40]
    texts = [f"{p}（{i}）" for i, p in zip(range(args.texts), _cycle(paragraphs))]
    started = time.perf_counter()
    found = [extract(t, index, lex) for t in texts]
    seconds = time.perf_counter() - started
    relations = sum(len(it.relations) for r in found for it in r["items"])
    print(f"extract prose: {len(texts):,} one-paragraph texts ({sum(map(len, texts)):,} characters, from "
          f"{len(paragraphs)} paragraphs of seeds 003 and 004), {relations:,} relations in {seconds:.1f} s = "
          f"{len(texts) / seconds:,.0f} texts/s")
    return 0


def _cycle(items):
    while True:
        yield from items


if __name__ == "__main__":
    sys.exit(main())
