"""Experiment: does a learned pair scorer relate organisations better than the extractor's rules?

    python bench/learned_pairs.py BATCHES [--test BATCH_DIR] [--with-rules] [--threshold 0.4]

BATCHES is a folder of annotated batches (bNN/ folders, each holding its texts and a gold.yaml in the
shape docs/annotation.md gives); the annotated web texts are not in the repository. Every pair of
organisations the extractor finds in an item is a candidate, described by features that do not name
any body (types, the gap between the two, boundaries, connectives, activity and title words, the
nearest activity word's kind; with --with-rules also whether the rules relate the pair). A logistic
regression (numpy, L2) says which candidates are related; a related pair takes the rules' kind, else
the nearest activity word's, else `other`.

Without --test: leave-one-batch-out over BATCHES (train on all batches but one, score that one),
pooled document-level figures for the rules, for the scorer, and for the rules with the scorer's pairs in the
items where the rules relate nothing. With --test: train on all of
BATCHES, score the new batch. Prints figures only; the extractor does not use this (see
docs/extraction.md for what it measured).
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
import tempfile
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.embedded_store import EmbeddedStore  # noqa: E402
from graph.settings import Settings  # noqa: E402
from loaders.pipeline import load_paths, name_index  # noqa: E402
from loaders.text import Lexicons, as_json, extract  # noqa: E402
from loaders.text_eval import norm, prf  # noqa: E402
from loaders.text_relations import _nearest_kind  # noqa: E402

WORDS = ("签约 签署 签订 协议 共建 揭牌 授牌 调研 走访 考察 参观 来到 走进 赴 前往 座谈 会谈 交流 合作 对接 联合 攻关 培养 实习 "
         "就业 转化 成果 陪同 出席 参加 主持 带队 率 一行 分别 共同 携手 举行 召开 洽谈 见证 为 向 在 等 代表 院长 校长 书记 主任 "
         "董事长 局长 区长 市长 教授 院士 基地 平台 中心 研究院 实验室").split()
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
CLAUSE_END = re.compile(r"[。！？!?；;，,\n]")


def features(text: str, a: dict, b: dict, rule_kind: str | None, size: int, first: str | None,
             lex: Lexicons) -> dict[str, float]:
    """What is known about one candidate pair; no feature names a body."""
    if a["start"] > b["start"]:
        a, b = b, a
    f = {f"types={a['type']}>{b['type']}": 1.0, "types=" + "|".join(sorted((str(a["type"]), str(b["type"])))): 1.0}
    if rule_kind:
        f["rule"] = 1.0
        f[f"rule={rule_kind}"] = 1.0
    if a["start"] < 0 or b["start"] < 0:
        f["unplaced"] = 1.0  # a body the rules brought in (我校, 双方), not written here
        return f
    gap = text[a["end"]:b["start"]] if b["start"] >= a["end"] else ""
    f["gap=" + next(k for k, top in (("0", 0), ("1-2", 2), ("3-8", 8), ("9-20", 20), ("21-50", 50), ("51+", 10**9))
                    if len(gap) <= top)] = 1.0
    f["same_sentence"] = float(not SENTENCE_END.search(gap))
    f["same_clause"] = float(not CLAUSE_END.search(gap))
    if re.fullmatch(r"\s*[、和及]\s*", gap):
        f["listed"] = 1.0
    if re.fullmatch(r"\s*(?:与|同|和|跟)\s*", gap):
        f["with"] = 1.0
    s0 = max([0] + [m.end() for m in SENTENCE_END.finditer(text, 0, a["start"])])
    end = SENTENCE_END.search(text, b["end"])
    sentence = text[s0:end.start() if end else len(text)]
    for w in WORDS:
        if w in gap:
            f["gap:" + w] = 1.0
        if w in sentence:
            f["sentence:" + w] = 1.0
    if a["start"] > 0:
        f["before:" + text[a["start"] - 1]] = 1.0
    for w in ("签", "共", "合", "举", "等", "的", "一", "揭", "调", "座", "交", "、", "，"):
        if text.startswith(w, b["end"]):
            f["after:" + w] = 1.0
    if a["name"] in b["name"] or b["name"] in a["name"] or a["name"][:4] == b["name"][:4]:
        f["nested"] = 1.0
    if first in (a["name"], b["name"]):
        f["first"] = 1.0
    f["size=" + ("2" if size <= 2 else "3-4" if size <= 4 else "5-8" if size <= 8 else "9+")] = 1.0
    f[f"nearest={_nearest_kind(sentence, b['end'] - s0, lex)}"] = 1.0
    return f


def canonical(gold: dict):
    """A document's names as its gold writes them: each written form of one body (`same`) as the first."""
    canon = {norm(n): norm(group[0]) for group in gold.get("same", []) for n in group}
    return lambda n: canon.get(norm(n), norm(n))


def candidates(batch: Path, doc: str, gold: dict, index, lex: Lexicons) -> list[dict]:
    """Every pair of organisations in each item of one document, with its gold answer."""
    c = canonical(gold)
    answers = {frozenset((c(x), c(y))): k for x, y, k in gold["relations"]}
    rows = []
    for item in as_json(extract((batch / doc).read_text(encoding="utf-8"), index, lex))["items"]:
        bodies: dict[str, dict] = {}
        for o in item["organisations"]:
            bodies.setdefault(c(o["name"]), {"name": c(o["name"]), "start": o["start"], "end": o["end"], "type": o["type"]})
        rule = {}
        for r in item["relations"]:
            if r["source"] and r["target"]:
                for end in (r["source"], r["target"]):
                    bodies.setdefault(c(end["name"]), {"name": c(end["name"]), "start": -1, "end": -1, "type": end.get("type")})
                rule[frozenset((c(r["source"]["name"]), c(r["target"]["name"])))] = r["kind"]
        first = next(iter(bodies), None)
        for x, y in itertools.combinations(bodies.values(), 2):
            pair = frozenset((x["name"], y["name"]))
            rows.append({"batch": batch.name, "doc": doc, "item": item["index"], "pair": pair, "gold": answers.get(pair),
                         "rule": rule.get(pair),
                         "f": features(item["text"], x, y, rule.get(pair), len(bodies), first, lex)})
    return rows


def gold_set(batch: Path, doc: str, gold: dict) -> set:
    c = canonical(gold)
    return {(batch.name, doc, frozenset((c(x), c(y))), k) for x, y, k in gold["relations"]}


def matrix(rows: list[dict], columns: dict[str, int], with_rules: bool) -> np.ndarray:
    X = np.zeros((len(rows), len(columns) + 1))
    X[:, -1] = 1.0  # bias
    for i, r in enumerate(rows):
        for k, v in r["f"].items():
            if (with_rules or not k.startswith("rule")) and k in columns:
                X[i, columns[k]] = v
    return X


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 800, rate: float = 0.5) -> np.ndarray:
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) / len(y) + l2 * w / len(y)
        grad[-1] -= l2 * w[-1] / len(y)  # the bias is not shrunk
        w -= rate * grad
    return w


def kind_of(row: dict) -> str:
    if row["rule"]:
        return row["rule"]
    nearest = next((k.split("=", 1)[1] for k in row["f"] if k.startswith("nearest=")), "None")
    return "other" if nearest == "None" else nearest


def report(name: str, rows: list[dict], chosen: list[bool], truth: set) -> None:
    found = {(r["batch"], r["doc"], r["pair"], kind_of(r) if name != "rules" else r["rule"])
             for r, yes in zip(rows, chosen) if yes}
    pairs, rel = prf({x[:3] for x in found}, {x[:3] for x in truth}), prf(found, truth)
    print(f"{name:28} pairs P {pairs['precision']:.3f} R {pairs['recall']:.3f} F1 {pairs['f1']:.3f} | "
          f"relations P {rel['precision']:.3f} R {rel['recall']:.3f} F1 {rel['f1']:.3f}")


def filled(rows: list[dict], chosen: list[bool]) -> list[bool]:
    """The rules' pairs, and the scorer's in the items where the rules relate nothing."""
    ruled = {(r["batch"], r["doc"], r["item"]) for r in rows if r["rule"]}
    return [bool(r["rule"]) or (yes and (r["batch"], r["doc"], r["item"]) not in ruled) for r, yes in zip(rows, chosen)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("batches", type=Path)
    parser.add_argument("--test", type=Path)
    parser.add_argument("--with-rules", action="store_true")
    parser.add_argument("--threshold", type=float, default=0.4)
    args = parser.parse_args()
    lex = Lexicons.load()
    with tempfile.TemporaryDirectory() as home:
        store = EmbeddedStore(Settings(home=Path(home)))
        load_paths(store, [ROOT / "data" / "chongqing"])
        index = name_index(store)
        store.close()

    def read(batch: Path) -> tuple[list[dict], set]:
        rows, truth = [], set()
        for doc, gold in yaml.safe_load((batch / "gold.yaml").read_text(encoding="utf-8")).items():
            rows += candidates(batch, doc, gold, index, lex)
            truth |= gold_set(batch, doc, gold)
        return rows, truth

    batches = sorted((b for b in args.batches.glob("b*") if (b / "gold.yaml").exists()), key=lambda b: int(b.name[1:]))
    train, truth = [], set()
    for b in batches:
        rows, t = read(b)
        train += rows
        truth |= t
    columns = {k: i for i, k in enumerate(sorted({k for r in train for k in r["f"]}))}
    X, y = matrix(train, columns, args.with_rules), np.array([r["gold"] is not None for r in train], float)
    label = f"scorer{' with rules' if args.with_rules else ''} >= {args.threshold}"
    if args.test is None:
        scores = np.zeros(len(train))
        for b in batches:
            held = np.array([r["batch"] == b.name for r in train])
            scores[held] = 1 / (1 + np.exp(-X[held] @ fit(X[~held], y[~held])))
        print(f"leave one batch out over {len(batches)} batches, {len(train):,} candidate pairs")
        report("rules", train, [bool(r["rule"]) for r in train], truth)
        report(label, train, list(scores >= args.threshold), truth)
        report("rules, else scorer", train, filled(train, list(scores >= args.threshold)), truth)
        return 0
    w = fit(X, y)
    rows, t = read(args.test)
    scores = 1 / (1 + np.exp(-matrix(rows, columns, args.with_rules) @ w))
    print(f"trained on {len(batches)} batches ({len(train):,} pairs); {args.test.name}: {len(rows):,} candidate pairs")
    report("rules", rows, [bool(r["rule"]) for r in rows], t)
    report(label, rows, list(scores >= args.threshold), t)
    report("rules, else scorer", rows, filled(rows, list(scores >= args.threshold)), t)
    return 0


if __name__ == "__main__":
    sys.exit(main())
