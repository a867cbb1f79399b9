"""frontend_contract/openapi.json is what the code generates, and it types every answer.

Generating the document needs no database: the contract must not depend on content, so
these tests run without database access on purpose.
"""

from openapi_spec_validator import validate

from api.management.commands.export_contract import contract_diff
from api.management.contract import (
    OPENAPI_PATH,
    generate_openapi,
    generate_openapi_reporting,
    openapi_json,
)
from tests.contract.validation import load_contract

SCHEMA_KEYWORDS = ("type", "$ref", "oneOf", "anyOf", "allOf", "enum")
STREAM_ITEM_PROPERTIES = {"type", "id", "value"}


def test_committed_openapi_json_matches_the_code():
    generated = openapi_json(generate_openapi())
    committed = OPENAPI_PATH.read_text(encoding="utf-8") if OPENAPI_PATH.exists() else ""

    assert committed == generated, (
        "frontend_contract/openapi.json is out of date: run `make contract` and commit "
        "openapi.json and types/api.d.ts.\n" + contract_diff(committed, generated)
    )


def test_schema_generation_reports_no_problems():
    _schema, problems = generate_openapi_reporting()

    assert problems == [], "drf-spectacular had to guess types:\n" + "\n".join(problems)


def test_contract_is_a_valid_openapi_document_of_the_public_api_only():
    spec = load_contract()

    validate(spec)
    assert spec["info"]["version"].startswith("1.")
    assert all(path.startswith("/api/v1/") for path in spec["paths"]), list(spec["paths"])


def untyped_schema_problems(schema: dict, where: str) -> list[str]:
    """Places in ``schema`` (recursively) that leave a value's type open."""
    if "$ref" in schema:
        return []  # checked where the component is defined
    problems = []
    for keyword in ("oneOf", "anyOf", "allOf"):
        for index, member in enumerate(schema.get(keyword, [])):
            problems += untyped_schema_problems(member, f"{where}/{keyword}/{index}")
    if not any(keyword in schema for keyword in SCHEMA_KEYWORDS):
        return [*problems, f"{where}: no type"]

    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties") or {}
        for name, property_schema in properties.items():
            problems += untyped_schema_problems(property_schema, f"{where}/properties/{name}")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            problems += untyped_schema_problems(extra, f"{where}/additionalProperties")
        elif extra not in (None, False):
            problems.append(f"{where}: additionalProperties without a type")
        elif not properties and not any(k in schema for k in ("oneOf", "anyOf", "allOf")):
            problems.append(f"{where}: free-form object (no properties)")
    elif kind == "array":
        if not schema.get("items"):
            problems.append(f"{where}: array without items")
        else:
            problems += untyped_schema_problems(schema["items"], f"{where}/items")
    return problems


def response_schemas(spec: dict):
    """(location, schema) of every component and every inline response schema."""
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        yield f"#/components/schemas/{name}", schema
    for url_path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation.get("responses", {}).items():
                for media_type, content in response.get("content", {}).items():
                    if "schema" in content:
                        where = f"{method.upper()} {url_path} {status} {media_type}"
                        yield where, content["schema"]


def test_no_response_schema_leaves_a_type_open():
    problems = []
    for where, schema in response_schemas(load_contract()):
        problems += untyped_schema_problems(schema, where)

    assert problems == [], "Untyped schemas in the contract:\n" + "\n".join(problems)


def test_the_free_form_check_finds_untyped_objects():
    loose = {
        "type": "object",
        "properties": {
            "anything": {},
            "mapping": {"type": "object", "additionalProperties": {}},
            "bag": {"type": "object"},
            "list": {"type": "array"},
            "typed_mapping": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }

    problems = untyped_schema_problems(loose, "Loose")

    assert problems == [
        "Loose/properties/anything: no type",
        "Loose/properties/mapping: additionalProperties without a type",
        "Loose/properties/bag: free-form object (no properties)",
        "Loose/properties/list: array without items",
    ]


def _resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _enum_values(spec: dict, schema: dict) -> list:
    """The enum of ``schema``, through a $ref or a single-member allOf (nullable refs)."""
    schema = _resolve(spec, schema)
    if "enum" not in schema and len(schema.get("allOf", [])) == 1:
        schema = _resolve(spec, schema["allOf"][0])
    return schema.get("enum", [])


def _is_stream_item(spec: dict, schema: dict) -> bool:
    schema = _resolve(spec, schema)
    return set(schema.get("properties", {})) == STREAM_ITEM_PROPERTIES


def streamfield_arrays(spec: dict):
    """(location, items schema) of every array of ``{type, id, value}`` items."""
    for where, schema in response_schemas(spec):
        for name, property_schema in schema.get("properties", {}).items():
            if property_schema.get("type") != "array" or "items" not in property_schema:
                continue
            items = _resolve(spec, property_schema["items"])
            members = items.get("oneOf", [items])
            if any(_is_stream_item(spec, member) for member in members):
                yield f"{where}/properties/{name}", items


def test_every_streamfield_is_a_union_of_block_schemas_discriminated_by_type():
    spec = load_contract()
    arrays = list(streamfield_arrays(spec))

    assert arrays, "The contract has no StreamField (arrays of {type, id, value} items)."
    for where, items in arrays:
        assert "oneOf" in items, f"{where}: items are not a oneOf of block schemas"
        assert items.get("discriminator", {}).get("propertyName") == "type", where
        mapping = items["discriminator"].get("mapping", {})
        for member in items["oneOf"]:
            block = _resolve(spec, member)
            assert set(block.get("properties", {})) == STREAM_ITEM_PROPERTIES, (where, member)
            type_names = _enum_values(spec, block["properties"]["type"])
            assert len(type_names) == 1, f"{where}: {member} has no single type"
            assert mapping.get(type_names[0]) == member.get("$ref"), (where, type_names[0])


def nodes_with_pointers(node, pointer: str):
    """Every object in ``node`` with its JSON pointer."""
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            yield from nodes_with_pointers(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from nodes_with_pointers(value, f"{pointer}/{index}")


def test_discriminated_unions_are_referenced_directly():
    # openapi-typescript reads `allOf: [$ref to a union with a discriminator]` as inheritance
    # and drops the discriminator property from the generated type (`Omit<PageDetail,
    # "type">`), so frontends could no longer switch on `type`. drf-spectacular writes that
    # wrapper for nested fields marked read_only: output-only serializers need no such flag.
    spec = load_contract()
    schemas = spec.get("components", {}).get("schemas", {})
    unions = {name for name, schema in schemas.items() if "discriminator" in schema}
    wrapped = [
        f"{where} wraps {part['$ref']}"
        for where, node in nodes_with_pointers(spec, "#")
        for part in node.get("allOf", [])
        if part.get("$ref", "").rsplit("/", 1)[-1] in unions
    ]

    assert wrapped == [], "\n".join(wrapped)
