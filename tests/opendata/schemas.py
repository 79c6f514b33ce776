"""Validation against the official HSDS 3.0 schemas, copied into tests/opendata/hsds/."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HSDS = Path(__file__).parent / "hsds"
SCHEMAS = HSDS / "schema"
EXAMPLES = HSDS / "examples"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """``name`` as in schema/: organization, organization_list, service, taxonomy_term, ..."""
    registry: Registry = Registry().with_resources(
        (f"{ref}.json", Resource.from_contents(load(SCHEMAS / f"{ref}.json"), DRAFT202012))
        for ref in ("taxonomy", "taxonomy_term", "metadata")
    )
    return Draft202012Validator(
        load(SCHEMAS / f"{name}.json"),
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@cache
def page_validator() -> Draft202012Validator:
    page = load(SCHEMAS / "openapi.json")["components"]["schemas"]["Page"]
    schema = {
        **page,
        "required": [*page["properties"], "contents"],
        "properties": {**page["properties"], "contents": {"type": "array"}},
    }
    return Draft202012Validator(schema)


def errors(name: str, document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]


def assert_valid(name: str, document: Any) -> None:
    problems = errors(name, document)
    assert problems == [], "\n".join(problems)


def assert_valid_page(item_schema: str, page: Any) -> None:
    """The paging envelope of the OpenAPI description, and every item against its schema."""
    problems = [error.message for error in page_validator().iter_errors(page)]
    for index, item in enumerate(page["contents"]):
        problems += [f"contents[{index}]/{problem}" for problem in errors(item_schema, item)]
    assert problems == [], "\n".join(problems)
