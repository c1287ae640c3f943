"""Row models derived from the schema: one pydantic model per label and one for edge
rows, all forbidding unknown fields. A row is a dict read from YAML or CSV; validating
it gives records or `LoadError`s that name the file, line and field."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator

from graph import schema
from graph.errors import LoadError
from graph.records import EdgeRecord, NodeRecord, SourceRef, edge

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_\-]+)+$")
LIST_SEPARATOR = "|"  # between items of a list in a CSV cell
_PY = {schema.STRING: str, schema.INT: int, schema.FLOAT: float, schema.BOOL: bool, schema.STRINGS: list[str]}


def split_list(value: Any) -> Any:
    """A CSV cell or YAML scalar standing for a list: 'a|b' -> ['a', 'b']."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    return value


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=False)


def _choice_validator(name: str, choices: tuple[str, ...]):
    def check(cls, value):
        if value is not None and value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}, not {value!r}")
        return value
    return field_validator(name)(check)


def _list_validator(names: list[str]):
    def split(cls, value):
        return split_list(value)
    return field_validator(*names, mode="before")(split)


def _id_check(cls, value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"{value!r} is not a valid id: use lowercase ASCII <prefix>.<key>, e.g. univ.cqu")
    return value


@lru_cache(maxsize=None)
def node_model(label: str) -> type[BaseModel]:
    fields: dict[str, Any] = {"label": (Optional[str], None)}
    validators: dict[str, Any] = {"id_ok": field_validator("id")(_id_check)}
    for prop in schema.node_props(label):
        if prop.name in ("id", "name_zh"):
            fields[prop.name] = (str, Field(min_length=1))
        else:
            fields[prop.name] = (Optional[_PY[prop.type]], None)
        if prop.choices:
            validators[f"choice_{prop.name}"] = _choice_validator(prop.name, prop.choices)
    for link in schema.NODES[label].links:
        fields[link.field] = (Optional[list[str]], None)
    lists = [p.name for p in schema.node_props(label) if p.type == schema.STRINGS]
    lists += [link.field for link in schema.NODES[label].links]
    validators["split_lists"] = _list_validator(lists)
    return create_model(f"{label}Row", __base__=_Row, __validators__=validators, **fields)


@lru_cache(maxsize=None)
def edge_model() -> type[BaseModel]:
    fields: dict[str, Any] = {
        "type": (str, ...),
        "source": (str, Field(alias="from", min_length=1)),
        "target": (str, Field(alias="to", min_length=1)),
    }
    validators: dict[str, Any] = {}
    for prop in schema.EDGE_PROPS:
        fields[prop.name] = (Optional[_PY[prop.type]], None)
        if prop.choices:
            validators[f"choice_{prop.name}"] = _choice_validator(prop.name, prop.choices)
    validators["split_lists"] = _list_validator([p.name for p in schema.EDGE_PROPS if p.type == schema.STRINGS])

    def type_ok(cls, value):
        if value not in schema.RELS:
            raise ValueError(f"unknown relationship type {value!r}; known: {', '.join(schema.RELS)}")
        return value
    validators["type_ok"] = field_validator("type")(type_ok)
    model = create_model("EdgeRow", __base__=_Row, __validators__=validators, **fields)
    model.model_config["populate_by_name"] = False
    return model


def _errors(err: ValidationError, path: str, line: int, lines: dict[str, int], empty: set[str]) -> list[LoadError]:
    out = []
    for e in err.errors():
        name = str(e["loc"][0]) if e["loc"] else None
        where = lines.get(name, line) if name else line
        if e["type"] == "extra_forbidden":
            message = "unknown field (not in the schema)"
        elif e["type"] == "missing":
            message = "is empty" if name in empty else "is required"
        else:
            message = e["msg"].removeprefix("Value error, ")
        out.append(LoadError(path, where, name, message))
    return out


def node_from_row(row: dict[str, Any], label: str, path: str, line: int, stable: str,
                  lines: dict[str, int] | None = None, empty: set[str] | None = None
                  ) -> tuple[list[NodeRecord], list[EdgeRecord], list[LoadError]]:
    """Validate one node row; return its node, the edges its link fields stand for,
    and errors. `stable` is the file name recorded as provenance (file:line)."""
    label = row.get("label") or label
    if label not in schema.NODES:
        return [], [], [LoadError(path, line, "label", f"unknown label {label!r}; known: {', '.join(schema.NODES)}")]
    try:
        model = node_model(label).model_validate(row)
    except ValidationError as err:
        return [], [], _errors(err, path, line, lines or {}, empty or set())
    values = model.model_dump(exclude={"label"})
    ref = f"{stable}:{line}"
    links = {link.field: link for link in schema.NODES[label].links}
    props = {k: v for k, v in values.items() if k not in links}
    props["sources"] = list(dict.fromkeys([*(props.get("sources") or []), ref]))
    node = NodeRecord(label, props.pop("id"), props, SourceRef(path, line, None))
    edges = []
    for name, link in links.items():
        for target in values.get(name) or []:
            source, dest = (target, node.id) if link.incoming else (node.id, target)
            edge_props = {"sources": [ref], "basis": props.get("basis"), "confidence": props.get("confidence")}
            edges.append(edge(link.rel, source, dest, edge_props,
                              SourceRef(path, (lines or {}).get(name, line), name)))
    return [node], edges, []


def edge_from_row(row: dict[str, Any], path: str, line: int, stable: str,
                  lines: dict[str, int] | None = None, empty: set[str] | None = None
                  ) -> tuple[list[EdgeRecord], list[LoadError]]:
    try:
        model = edge_model().model_validate(row)
    except ValidationError as err:
        return [], _errors(err, path, line, lines or {}, empty or set())
    values = model.model_dump()
    kind, source, target = values.pop("type"), values.pop("source"), values.pop("target")
    values["sources"] = list(dict.fromkeys([*(values.get("sources") or []), f"{stable}:{line}"]))
    return [edge(kind, source, target, values, SourceRef(path, line, "from/to"))], []
