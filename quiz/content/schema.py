"""JSON Schemas of the files a teacher writes, for editors (`quiz schema`).

pydantic writes a discriminated union as `oneOf` with OpenAPI's
`discriminator`, which JSON Schema validators ignore: one misspelt key in a
question then fails all six branches, and an editor shows six errors, or a
guess. Here every union on `type` becomes `if`/`then` branches on its `const`,
so a validator checks a question against its own type only and names the one
key that is wrong. pydantic's non-standard bounds (`ge` on a union) become
`minimum`, and `feedback` is left out of the types that take none, so the
schema refuses what `quiz check` refuses wherever it can say so.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quiz.content.models import FEEDBACK_TYPES

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of a file whose top level is `model`."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    for name, definition in defs.items():
        kind = definition.get("properties", {}).get("type", {}).get("const")
        if name.endswith("Question") and kind is not None and kind not in FEEDBACK_TYPES:
            definition["properties"].pop("feedback", None)
    return {"$schema": DIALECT, **_standard(schema)}


def _standard(node: Any) -> Any:
    """`node` with unions on `type` as if/then branches and bounds as standard keywords."""
    if isinstance(node, list):
        return [_standard(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "discriminator" in node and "oneOf" in node:
        return _branches(node)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _BOUNDS and isinstance(value, int | float) and "anyOf" in node:
            # On a union pydantic writes the bound beside it; each branch gets it instead.
            continue
        out[key] = _standard(value)
    bounds = {_BOUNDS[k]: v for k, v in node.items() if k in _BOUNDS and "anyOf" in node}
    if "enum" in out and "type" in out:
        del out["type"]  # the enum says it all, and a wrong value gets one error, not two
    if out.get("anyOf") == [{"type": "integer"}, {"type": "number"}]:
        # `int | float`: every integer is a number, and one branch gives one error.
        del out["anyOf"]
        out["type"] = "number"
        out.update(bounds)
    elif bounds and isinstance(out.get("anyOf"), list):
        out["anyOf"] = [{**branch, **bounds} for branch in out["anyOf"]]
    return out


def _branches(node: dict[str, Any]) -> dict[str, Any]:
    discriminator = node["discriminator"]
    field = discriminator["propertyName"]
    mapping: dict[str, str] = discriminator["mapping"]
    return {
        "type": "object",
        "required": [field],
        "properties": {field: {"enum": list(mapping)}},
        "allOf": [
            {
                "if": {"properties": {field: {"const": value}}, "required": [field]},
                "then": {"$ref": ref},
            }
            for value, ref in mapping.items()
        ],
    }
