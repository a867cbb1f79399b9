"""Every GET operation of the contract, called on the demo content, answers as documented.

The operations come from frontend_contract/openapi.json, not from a list kept here, so a new
endpoint is covered as soon as it is in the contract. For each operation the walker fills:

- ``site`` with every demo hostname and ``locale`` with ``de`` and ``en``;
- ``path`` with every page path of the site (sitemap and page list) and a redirect's old path;
- ``q`` with a few words that occur in the demo (and left out where it is optional);
- path parameters (``{id}``, ``{series_id}``) with the ids of the list at the path before them
  (``/pages/{id}/`` takes its ids from ``/pages/``);
- each value of an optional parameter with an enum (``type``, ``kind``, ``when``, ...), one
  request per value;
- ``token`` (the preview) with tokens that the admin's preview issues for a draft of a
  CKnews issue and of an organisation.

Operations that require credentials (the member API's bearer token) are called once without
them, with placeholder path parameters: they must answer the documented 401 problem.

List answers are followed through ``next``. Every answer must validate against the contract
and, unless EXPECTED_STATUSES says otherwise, be a 200. An operation with a required
parameter the walker cannot fill fails with a message instead of being skipped.
"""

import itertools
import json
import re
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from api.management.examples import INDEX_FILE, export_examples
from api.serializers.pages.registry import PAGE_TYPE_NAMES
from pages.models import NewsletterIssuePage
from snippets.models import Organisation
from tests.contract.validation import (
    assert_response_matches_schema,
    body_errors,
    describe_errors,
    load_contract,
)
from tests.hub.demo_loading import DEMO_HOSTNAMES, demo_loaded

pytestmark = pytest.mark.django_db

CONTRACT = load_contract()
GET_OPERATIONS = sorted(path for path, item in CONTRACT["paths"].items() if "get" in item)
PATH_PARAMETER = re.compile(r"\{([^}]+)\}")

LOCALES = ("de", "en")
SEARCH_TERMS = ("Chemie", "Recycling", "Netzwerk", "cluster")
# Added to each demo site for the walk: the demo itself has no redirects.
REDIRECT_OLD_PATH = "/frueher-hier/"
# Parameters the walker fills itself, besides enums; pagination is followed through `next`.
FILLED_PARAMETERS = {"site", "locale", "path", "q", "token"}
PAGINATION_PARAMETERS = {"page", "page_size"}

# Statuses other than 200, by operation and kind of `path` value: the redirect lookup knows
# nothing of page paths.
EXPECTED_STATUSES = {"/api/v1/redirects/": {"page": 404, "redirect": 200}}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content (and a redirect per site); yields the folder of its images."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with demo_loaded(django_db_blocker, media_root):
        for site in Site.objects.filter(hostname__in=DEMO_HOSTNAMES):
            target = site.root_page.get_children().live().public().first()
            Redirect.add_redirect(
                old_path=REDIRECT_OLD_PATH, redirect_to=target, is_permanent=True, site=site
            )
        yield media_root


@pytest.fixture
def demo_media(settings, demo):
    """Each test gets a fresh MEDIA_ROOT (tests/conftest.py); renditions of the demo images
    need the folder their originals were loaded into."""
    settings.MEDIA_ROOT = demo


class Walker:
    """Fills an operation's parameters from the demo and checks every answer."""

    def __init__(self, spec: dict):
        self.spec = spec
        self.client = Client()
        # Answers already validated, by URL: lists serve several operations' walks.
        self.bodies: dict[str, object] = {}
        self.validated: dict[str, int] = {}
        self.site_paths: dict[str, list[str]] = {}

    # Requests --------------------------------------------------------------------------

    def get(self, url: str, *, expected_status: int = 200):
        """The JSON body (None for other media types) of ``url``, checked against the contract."""
        if url not in self.bodies:
            response = self.client.get(url)
            assert_response_matches_schema(response, spec=self.spec)
            assert response.status_code == expected_status, (
                f"GET {url} answered {response.status_code}, expected {expected_status}: "
                f"{response.content[:300]!r}"
            )
            is_json = response["Content-Type"].split(";")[0].endswith("json")
            self.bodies[url] = response.json() if is_json else None
        template = self.template_of(urlsplit(url).path)
        self.validated[template] = self.validated.get(template, 0) + 1
        return self.bodies[url]

    def get_all_pages(self, url_path: str, query: dict) -> Iterator[object]:
        """The answers of a list, following ``next``; for other answers, the one body."""
        body = self.get(url_path + (f"?{urlencode(query)}" if query else ""))
        yield body
        while isinstance(body, dict) and body.get("next"):
            next_url = urlsplit(body["next"])
            body = self.get(f"{next_url.path}?{next_url.query}")
            yield body

    # Parameter values ------------------------------------------------------------------

    def resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            kind, name = schema["$ref"].split("/")[-2:]
            schema = self.spec["components"][kind][name]
        return schema

    def query_parameters(self, template: str) -> dict[str, dict]:
        parameters = self.spec["paths"][template]["get"].get("parameters", [])
        resolved = (self.resolve(parameter) for parameter in parameters)
        return {p["name"]: p for p in resolved if p.get("in") == "query"}

    def enum_values(self, parameter: dict) -> list:
        schema = self.resolve(parameter.get("schema", {}))
        if "enum" not in schema and len(schema.get("allOf", [])) == 1:
            schema = self.resolve(schema["allOf"][0])
        return [value for value in schema.get("enum", []) if value not in ("", None)]

    def template_of(self, url_path: str) -> str | None:
        """The contract's path template that ``url_path`` is an instance of."""
        for template in self.spec["paths"]:
            parts = PATH_PARAMETER.split(template)[::2]
            if re.fullmatch("[^/]+".join(re.escape(part) for part in parts), url_path):
                return template
        return None

    def page_paths(self, hostname: str) -> list[str]:
        """Every page path of a site: its sitemap and its page list in each locale."""
        if hostname not in self.site_paths:
            sources = [
                ("/api/v1/sitemap/", [{"site": hostname}]),
                ("/api/v1/pages/", [{"site": hostname, "locale": code} for code in LOCALES]),
            ]
            paths = set()
            for url_path, queries in sources:
                if url_path not in self.spec["paths"]:
                    continue
                for query in queries:
                    for body in self.get_all_pages(url_path, query):
                        paths.update(item["path"] for item in body["results"])
            assert paths, f"No page paths for {hostname}: the contract has no sitemap or list"
            self.site_paths[hostname] = sorted(paths)
        return self.site_paths[hostname]

    def preview_tokens(self) -> list[str]:
        """Tokens for drafts of a CKnews issue and of an organisation, issued by their
        ``serve_preview`` as the admin's preview calls it (a redirect to the frontend's
        preview route with the token)."""
        issue = NewsletterIssuePage.objects.live().order_by("path").first()
        organisation = Organisation.objects.filter(live=True).order_by("pk").first()
        assert issue and organisation, "The demo has no CKnews issue or organisation to preview"
        issue.title = f"{issue.title} (Entwurf)"
        organisation.summary = f"{organisation.summary} (Entwurf)"
        tokens = []
        for draft in (issue, organisation):
            response = draft.make_preview_request()
            assert response.status_code == 302, f"No preview redirect for {draft!r}"
            tokens += parse_qs(urlsplit(response["Location"]).query)["token"]
        return tokens

    def ids_of_list(self, url_path: str) -> list:
        """The ids in the list at ``url_path``, called with each site and locale it takes."""
        template = self.template_of(url_path)
        assert template, f"No list operation at {url_path} to take ids from"
        ids = []
        for request in self.requests(template):
            for body in self.get_all_pages(url_path, request["query"]):
                items = body["results"] if isinstance(body, dict) else body
                ids += [item["id"] for item in items if item["id"] not in ids]
        return ids

    def concrete_paths(self, template: str) -> list[str]:
        """``template`` with its path parameters filled, one path per id."""
        match = PATH_PARAMETER.search(template)
        if match is None:
            return [template]
        head, tail = template[: match.start()], template[match.end() :]
        ids = self.ids_of_list(head)
        assert ids, f"Cannot fill {{{match.group(1)}}} of {template}: the list {head} is empty"
        return [path for id_ in ids for path in self.concrete_paths(f"{head}{id_}{tail}")]

    def requests(self, template: str) -> list[dict]:
        """The query strings to call ``template`` with, each with its expected status."""
        by_name = self.query_parameters(template)
        unfillable = [
            name
            for name, parameter in by_name.items()
            if parameter.get("required")
            and name not in FILLED_PARAMETERS
            and not self.enum_values(parameter)
        ]
        assert not unfillable, (
            f"The contract walker cannot fill the required parameters {unfillable} of "
            f"GET {template}: teach tests/contract/test_demo_responses.py a source for them."
        )
        required_enums = {
            name: self.enum_values(parameter)[0]
            for name, parameter in by_name.items()
            if parameter.get("required") and name not in FILLED_PARAMETERS
        }
        expected = EXPECTED_STATUSES.get(template, {})
        sites = sorted(DEMO_HOSTNAMES) if "site" in by_name else [None]
        locales = list(LOCALES) if "locale" in by_name else [None]

        requests = []
        for site, locale in itertools.product(sites, locales):
            base = {"site": site, "locale": locale} | required_enums
            base = {name: value for name, value in base.items() if value is not None}
            if "token" in by_name:
                requests += [
                    {"query": base | {"token": token}, "status": 200}
                    for token in self.preview_tokens()
                ]
                continue
            if "path" in by_name:
                assert site, f"GET {template} takes a path but no site to take it from"
                requests += [
                    {"query": base | {"path": path}, "status": expected.get("page", 200)}
                    for path in self.page_paths(site)
                ]
                requests.append(
                    {
                        "query": base | {"path": REDIRECT_OLD_PATH},
                        "status": expected.get("redirect", 200),
                    }
                )
                continue
            if not by_name.get("q", {}).get("required"):
                requests.append({"query": base, "status": 200})
            if "q" in by_name:
                requests += [{"query": base | {"q": term}, "status": 200} for term in SEARCH_TERMS]

        # Each value of an optional enum parameter once, on top of the first request.
        first = requests[0]["query"]
        for name, parameter in by_name.items():
            if name in FILLED_PARAMETERS | PAGINATION_PARAMETERS or parameter.get("required"):
                continue
            requests += [
                {"query": first | {name: value}, "status": 200}
                for value in self.enum_values(parameter)
            ]
        return requests

    def requires_credentials(self, template: str) -> bool:
        """Whether the operation declares a security requirement (public ones declare ``{}``)."""
        return any(self.spec["paths"][template]["get"].get("security", []))

    def placeholder_path(self, template: str) -> str:
        """``template`` with each path parameter filled by a value of its type."""
        parameters = self.spec["paths"][template]["get"].get("parameters", [])
        formats = {
            parameter["name"]: self.resolve(parameter.get("schema", {})).get("format")
            for parameter in map(self.resolve, parameters)
            if parameter.get("in") == "path"
        }
        return PATH_PARAMETER.sub(
            lambda match: str(uuid.UUID(int=1)) if formats.get(match.group(1)) == "uuid" else "1",
            template,
        )

    def walk(self, template: str) -> None:
        if self.requires_credentials(template):
            self.get(self.placeholder_path(template), expected_status=401)
            return
        for url_path in self.concrete_paths(template):
            for request in self.requests(template):
                if request["status"] == 200:
                    for _body in self.get_all_pages(url_path, request["query"]):
                        pass
                else:
                    url = f"{url_path}?{urlencode(request['query'])}"
                    self.get(url, expected_status=request["status"])


@pytest.fixture(scope="module")
def walker(demo):
    return Walker(CONTRACT)


def test_the_contract_has_operations_to_walk():
    assert GET_OPERATIONS, "frontend_contract/openapi.json documents no GET operation"


@pytest.mark.parametrize("template", GET_OPERATIONS)
def test_operation_answers_the_demo_content_as_documented(walker, demo_media, template):
    walker.walk(template)

    assert walker.validated.get(template), f"GET {template} was never called"


def test_export_contract_writes_valid_examples_of_every_page_type(demo_media, tmp_path):
    exported = export_examples(tmp_path)

    index = json.loads((tmp_path / INDEX_FILE).read_text(encoding="utf-8"))
    assert {entry["file"] for entry in index} | {INDEX_FILE} == set(exported.files)
    assert exported.missing_page_types == []
    assert {f"pages/{name}.json" for name in PAGE_TYPE_NAMES.values()} <= set(exported.files)
    for entry in index:
        errors = body_errors(
            method=entry["request"]["method"],
            url=entry["request"]["url"],
            status=entry["status"],
            content_type=entry["content_type"],
            body=(tmp_path / entry["file"]).read_bytes(),
            spec=CONTRACT,
        )
        assert not errors, f"{entry['file']}:\n{describe_errors(errors)}"
    redirect = json.loads((tmp_path / "resolve" / "redirect.json").read_text(encoding="utf-8"))
    assert redirect["kind"] == "redirect"
    assert not Redirect.objects.filter(old_path__startswith="/alte-adresse").exists()
