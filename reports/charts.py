"""Report charts as PNG bytes (matplotlib, Agg). Chinese labels use a CJK font when the
machine has one (Noto CJK); otherwise ids are shown, so a chart is never tofu."""
from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

CJK = next((f.name for f in font_manager.fontManager.ttflist
            if "CJK SC" in f.name or "Noto Sans CJK" in f.name or "Noto Serif CJK" in f.name), None)
if CJK:
    plt.rcParams["font.family"] = [CJK, "DejaVu Sans"]
plt.rcParams["svg.hashsalt"] = "dualchain"


def _label(row_id: str, name: str | None) -> str:
    return (name or row_id) if CJK else row_id


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def coupling_bars(rows: list[dict[str, Any]], names: dict[str, str], lang: str) -> bytes:
    """Horizontal bars of D per cluster, coloured by the lagging side. Bars are placed by
    position, so two clusters with the same name are still two bars."""
    rows = sorted(rows, key=lambda r: (r["D"], r["id"]))
    colours = {"innovation": "#d62728", "industry": "#1f77b4", None: "#7f7f7f"}
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(rows) + 1.2))
    ax.barh(range(len(rows)), [r["D"] for r in rows], color=[colours[r["lagging"]] for r in rows])
    ax.set_yticks(range(len(rows)), [_label(r["id"], names.get(r["id"])) for r in rows])
    ax.set_xlim(0, 1)
    ax.set_xlabel("D")
    for x in (0.4, 0.6, 0.8):
        ax.axvline(x, color="#cccccc", linewidth=0.8, zorder=0)
    legend = {"zh": ("创新滞后", "产业滞后", "同步"), "en": ("innovation lags", "industry lags", "balanced")}[lang if CJK else "en"]
    from matplotlib.patches import Patch
    ax.legend(handles=[Patch(color=c, label=t) for c, t in zip(colours.values(), legend)], loc="lower right", fontsize=8)
    return _png(fig)


def coverage_heatmap(view, clusters: list[str], names: dict[str, str], lang: str) -> bytes:
    """Clusters × tech areas: how many universities, institutes and platforms research a tech
    area that supports the cluster (0 where the tech area does not support it)."""
    techs = view.of("TechArea")
    matrix = []
    for c in clusters:
        supporting = view.profile(c)["tech_areas"]
        matrix.append([len(view.linked(t, "RESEARCHES", "in")) if t in supporting else 0 for t in techs])
    fig, ax = plt.subplots(figsize=(0.45 * len(techs) + 3, 0.3 * len(clusters) + 1.5))
    im = ax.imshow(matrix or [[0]], cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(techs)), [_label(t, view.name(t)) for t in techs], rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(clusters)), [_label(c, names.get(c)) for c in clusters], fontsize=8)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=6,
                        color="white" if value > max(map(max, matrix)) / 2 else "black")
    fig.colorbar(im, ax=ax, shrink=0.6)
    return _png(fig)
