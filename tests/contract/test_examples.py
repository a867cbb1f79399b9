"""The example payloads in frontend_contract/examples/ match the contract.

examples/index.json names, for each file, the request that produced it; the file must be a
valid answer of that request's operation. Regenerate them with ``make contract-examples``.
"""

import json
import re

import pytest

from api.management.contract import EXAMPLES_DIR
from api.management.examples import EXAMPLES_HOST, INDEX_FILE
from api.serializers.pages.registry import PAGE_TYPE_NAMES
from tests.contract.validation import body_errors, describe_errors

URL_PATTERN = re.compile(r"https?://[^\s\"',]+")


def example_index() -> list[dict]:
    index_path = EXAMPLES_DIR / INDEX_FILE
    if not index_path.exists():
        return []
    return json.loads(index_path.read_text(encoding="utf-8"))


INDEX = example_index()


def test_every_example_file_is_listed_in_the_index():
    files = {
        path.relative_to(EXAMPLES_DIR).as_posix()
        for path in EXAMPLES_DIR.rglob("*.json")
        if path.name != INDEX_FILE
    }

    assert INDEX, "frontend_contract/examples/index.json is missing: run make contract-examples"
    assert files == {entry["file"] for entry in INDEX}


@pytest.mark.parametrize("entry", INDEX, ids=[entry["file"] for entry in INDEX])
def test_example_is_a_documented_answer_of_its_request(entry):
    body = (EXAMPLES_DIR / entry["file"]).read_bytes()

    errors = body_errors(
        method=entry["request"]["method"],
        url=entry["request"]["url"],
        status=entry["status"],
        content_type=entry["content_type"],
        body=body,
    )

    assert not errors, f"{entry['file']} does not match the contract:\n{describe_errors(errors)}"


@pytest.mark.parametrize("type_name", PAGE_TYPE_NAMES.values())
def test_every_page_type_has_a_german_example(type_name):
    path = EXAMPLES_DIR / "pages" / f"{type_name}.json"

    assert path.exists(), f"No example of {type_name} pages: run make contract-examples"
    page = json.loads(path.read_text(encoding="utf-8"))
    assert (page["type"], page["locale"]) == (type_name, "de")


def test_english_page_examples_are_english_pages():
    english = sorted((EXAMPLES_DIR / "pages").glob("*.en.json"))

    assert english, "No English page examples"
    for path in english:
        page = json.loads(path.read_text(encoding="utf-8"))
        assert page["type"] + ".en.json" == path.name
        assert page["locale"] == "en"
        assert page["path"].startswith("/en/")


def test_file_urls_in_examples_point_at_the_hub_as_make_run_serves_it():
    file_urls = []
    for path in EXAMPLES_DIR.rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert "testserver" not in text, f"{path.name} has URLs of the test client"
        file_urls += [
            url
            for url in URL_PATTERN.findall(text)
            if url.split("/", 3)[-1].startswith(("media/", "documents/"))
        ]

    assert file_urls, "The examples show no image or document"
    assert {url.split("/")[2] for url in file_urls} == {EXAMPLES_HOST}


def _news_example() -> tuple[dict, dict]:
    entry = next(entry for entry in INDEX if entry["file"] == "pages/news.json")
    return entry, json.loads((EXAMPLES_DIR / entry["file"]).read_text(encoding="utf-8"))


def _errors_of(entry: dict, body: dict, **changes) -> list:
    recorded = {
        "method": entry["request"]["method"],
        "url": entry["request"]["url"],
        "status": entry["status"],
        "content_type": entry["content_type"],
    }
    return body_errors(**(recorded | changes), body=json.dumps(body).encode())


def test_validation_accepts_a_documented_null_and_rejects_what_the_contract_does_not_say():
    entry, page = _news_example()
    undocumented_field = page | {"reading_time": 3}
    missing_field = {name: value for name, value in page.items() if name != "title"}
    wrong_type = page | {"id": str(page["id"])}

    assert _errors_of(entry, page | {"meta": page["meta"] | {"social_image": None}}) == []
    assert _errors_of(entry, undocumented_field)
    assert _errors_of(entry, missing_field)
    assert _errors_of(entry, wrong_type)
    assert _errors_of(entry, page, status=418)
    assert _errors_of(entry, page, content_type="text/html")
