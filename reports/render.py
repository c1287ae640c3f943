"""Render a `Report` as Markdown (images beside it), self-contained HTML (images inline, no
outside requests) or DOCX (python-docx). Formatting only."""
from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import Any

from .content import TEXT, Report

FORMATS = ("md", "html", "docx")


def _meta_lines(r: Report) -> list[str]:
    T = TEXT[r.lang]
    lines = [f"{T['scope']}: {r.scope_name}", f"{T['generated']}: {r.generated}"]
    if r.data_date:
        lines.insert(1, f"{T['data_date']}: {r.data_date}")
    return lines


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


# ------------------------------------------------------------------ Markdown
def to_markdown(r: Report, image_prefix: str = "report_files") -> tuple[str, dict[str, bytes]]:
    T = TEXT[r.lang]
    out = [f"# {r.title}", "", *[f"- {line}" for line in _meta_lines(r)], "", f"## {T['summary']}", ""]
    out += [f"- {f.sentence}" for f in r.summary] + [""]
    for title, findings in r.sections:
        out += [f"## {title}", ""]
        for f in findings:
            out += [f.sentence, ""]
            if f.sources:
                out += [f"> {T['sources']}: " + "; ".join(f.sources), ""]
    images = {}
    for i, chart in enumerate(r.charts, 1):
        name = f"chart{i}.png"
        images[name] = chart.png
        out += [f"**{chart.title}**", "", f"![{chart.alt}]({image_prefix}/{name})", ""]
    for t in r.tables:
        out += [f"**{t.title}**", "", "| " + " | ".join(t.columns) + " |", "|" + " --- |" * len(t.columns)]
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in t.rows] + [""]
    out += [f"## {T['appendix']}", ""]
    for title, lines in r.appendix:
        out += [f"### {title}", ""] + [f"- {line}" for line in lines] + [""]
    out += [f"### {T['data_gaps']}", ""] + [f"- {line}" for line in r.data_gaps] + [""]
    return "\n".join(out), images


# ------------------------------------------------------------------ HTML
_CSS = """body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:60em;margin:2em auto;line-height:1.6}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.2em .5em;font-size:90%}
th{background:#eee}.src{color:#666;font-size:85%}img{max-width:100%}"""


def to_html(r: Report) -> str:
    T = TEXT[r.lang]
    e = html.escape
    parts = [f"<!doctype html><html lang=\"{'zh-CN' if r.lang == 'zh' else 'en'}\"><head><meta charset=\"utf-8\">"
             f"<title>{e(r.title)}</title><style>{_CSS}</style></head><body>", f"<h1>{e(r.title)}</h1>",
             "<p>" + "<br>".join(e(x) for x in _meta_lines(r)) + "</p>", f"<h2>{e(T['summary'])}</h2><ul>"]
    parts += [f"<li>{e(f.sentence)}</li>" for f in r.summary] + ["</ul>"]
    for title, findings in r.sections:
        parts.append(f"<h2>{e(title)}</h2>")
        for f in findings:
            parts.append(f"<p>{e(f.sentence)}</p>")
            if f.sources:
                parts.append(f"<p class=\"src\">{e(T['sources'])}: " + "; ".join(e(s) for s in f.sources) + "</p>")
    for chart in r.charts:
        data = base64.b64encode(chart.png).decode()
        parts.append(f"<figure><img alt=\"{e(chart.alt)}\" src=\"data:image/png;base64,{data}\">"
                     f"<figcaption>{e(chart.title)}</figcaption></figure>")
    for t in r.tables:
        parts.append(f"<h3>{e(t.title)}</h3><table><tr>" + "".join(f"<th>{e(c)}</th>" for c in t.columns) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>" for row in t.rows]
        parts.append("</table>")
    parts.append(f"<h2>{e(T['appendix'])}</h2>")
    for title, lines in r.appendix:
        parts.append(f"<h3>{e(title)}</h3><ul>" + "".join(f"<li>{e(x)}</li>" for x in lines) + "</ul>")
    parts.append(f"<h3>{e(T['data_gaps'])}</h3><ul>" + "".join(f"<li>{e(x)}</li>" for x in r.data_gaps) + "</ul>")
    return "\n".join(parts + ["</body></html>"])


# ------------------------------------------------------------------ DOCX
def to_docx(r: Report) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    T = TEXT[r.lang]
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Microsoft YaHei"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Microsoft YaHei")  # Chinese text in Word
    doc.core_properties.title = r.title
    doc.add_heading(r.title, level=0)
    for line in _meta_lines(r):
        doc.add_paragraph(line)
    doc.add_heading(T["summary"], level=1)
    for f in r.summary:
        doc.add_paragraph(f.sentence, style="List Bullet")
    for title, findings in r.sections:
        doc.add_heading(title, level=1)
        for f in findings:
            doc.add_paragraph(f.sentence)
            if f.sources:
                p = doc.add_paragraph(f"{T['sources']}: " + "; ".join(f.sources))
                p.runs[0].font.size = Pt(8)
    for chart in r.charts:
        doc.add_paragraph(chart.title).runs[0].bold = True
        doc.add_picture(io.BytesIO(chart.png), width=Inches(6))
    for t in r.tables:
        doc.add_paragraph(t.title).runs[0].bold = True
        table = doc.add_table(rows=1, cols=len(t.columns))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, t.columns):
            cell.text = str(text)
        for row in t.rows:
            for cell, value in zip(table.add_row().cells, row):
                cell.text = str(value)
    doc.add_heading(T["appendix"], level=1)
    for title, lines in r.appendix:
        doc.add_heading(title, level=2)
        for line in lines:
            doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(T["data_gaps"], level=2)
    for line in r.data_gaps:
        doc.add_paragraph(line, style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write(r: Report, fmt: str, path: Path) -> list[Path]:
    """Write the report; return every file written (Markdown writes its images beside it)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        path.write_text(to_html(r), encoding="utf-8")
        return [path]
    if fmt == "docx":
        path.write_bytes(to_docx(r))
        return [path]
    folder = path.with_name(path.stem + "_files")
    text, images = to_markdown(r, folder.name)
    path.write_text(text, encoding="utf-8")
    folder.mkdir(exist_ok=True)
    for name, png in images.items():
        (folder / name).write_bytes(png)
    return [path, *(folder / n for n in images)]
