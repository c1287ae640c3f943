"""Check candidate texts for an unseen batch: has the project seen them before?

    python bench/seen_before.py CANDIDATE.txt [...] [--window=5]

The texts of batches 3 to 63 were lost (bench/unseen/README.md), but their sentences live on in the
tests (with the names changed), in docs/extraction.md's examples and in the lexicons' comments. A
text picked again from the search tool's pages would be measured as unseen when the rules were
written from it. This prints, per candidate, the runs of `--window` Chinese characters (traditional
read as simplified) that occur in docs/, tests/, data/lexicons/ and the kept golds, longest shared
stretch first. Common phrases (科技成果转化, 进行了深入交流) show up for any text; a person's name with a
title (院长曹驰), a firm's name or a stretch of ten characters or more means the text was seen: drop it
before annotating. Prints figures only; decides nothing.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.text import to_simplified  # noqa: E402

CORPUS = ("docs/*.md", "tests/*.py", "data/lexicons/*.yaml", "bench/unseen/*/gold*.yaml")


def corpus(root: Path = ROOT) -> str:
    """Everything the project has written about texts it has read, simplified."""
    return "\n".join(to_simplified(p.read_text(encoding="utf-8")) for pattern in CORPUS for p in sorted(root.glob(pattern)))


def shared_stretches(text: str, known: str, window: int = 5) -> list[str]:
    """The longest stretches of `text`'s Chinese runs whose every `window` characters occur in `known`."""
    out = []
    for run in re.findall(r"[\u4e00-\u9fff]+", to_simplified(text)):
        i = 0
        while i + window <= len(run):
            if run[i:i + window] not in known:
                i += 1
                continue
            j = i + window
            while j < len(run) and run[j - window + 1:j + 1] in known:
                j += 1
            out.append(run[i:j])
            i = j
    return sorted(set(out), key=lambda s: (-len(s), s))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", nargs="+", type=Path)
    ap.add_argument("--window", type=int, default=5)
    args = ap.parse_args(argv)
    known = corpus()
    for path in args.texts:
        stretches = shared_stretches(path.read_text(encoding="utf-8"), known, args.window)
        longest = len(stretches[0]) if stretches else 0
        print(f"{path.name}: {len(stretches)} shared stretches, longest {longest}: {' '.join(stretches[:12])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
