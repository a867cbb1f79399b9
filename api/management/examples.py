"""Example payloads for frontend_contract/examples/, taken from real API answers on the demo.

Every example is the body of a request made with Django's test client against the loaded
demo content, so it is exactly what the API answers. ``examples/index.json`` lists each file
with the request that produced it and its status and content type; the contract tests
validate every listed body against openapi.json through that request's operation.

Examples are regenerated deliberately (``make contract-examples``), not checked for drift:
dates of publication and StreamField block ids come from the moment the demo was loaded.
Everything else is stable: ids, paths, and file URLs (a fresh media folder each time).
"""

import logging
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from api.management.contract import to_json
from api.serializers.pages.registry import PAGE_TYPE_NAMES
from hub.demo.content import SITES

# Image and document URLs in the examples point at the hub as `make run` serves it.
EXAMPLES_HOST = "127.0.0.1:8000"
INDEX_FILE = "index.json"
# Kept short: an example shows the shape, not the whole demo.
LIST_PAGE_SIZE = 3


@dataclass(frozen=True)
class Example:
    """One example file: the request whose answer it holds."""

    file: str
    url: str
    status: int = 200

    def as_index_entry(self, content_type: str) -> dict:
        return {
            "file": self.file,
            "request": {"method": "GET", "url": self.url},
            "status": self.status,
            "content_type": content_type,
        }


def api_url(endpoint: str, **params) -> str:
    """``/api/v1/<endpoint>`` with ``params`` as its query string."""
    query = urlencode(params)
    return f"/api/v1/{endpoint}" + (f"?{query}" if query else "")


def _live_pages(model, locale: Locale):
    return (
        Page.objects.live()
        .public()
        .filter(alias_of__isnull=True, locale=locale)
        .exact_type(model)
        .order_by("path")
    )


def page_examples() -> tuple[list[Example], list[str]]:
    """One German demo page of every page type, and its English translation where live;
    and the page types the demo has no live German page of."""
    german = Locale.objects.get(language_code="de")
    english = Locale.objects.filter(language_code="en").first()
    examples = []
    missing = []
    for model, type_name in PAGE_TYPE_NAMES.items():
        page = _live_pages(model, german).first()
        if page is None:
            missing.append(type_name)
            continue
        examples.append(Example(f"pages/{type_name}.json", api_url(f"pages/{page.pk}/")))
        if english is None:
            continue
        translation = (
            _live_pages(model, english).filter(translation_key=page.translation_key).first()
            or _live_pages(model, english).first()
        )
        if translation is not None:
            examples.append(
                Example(f"pages/{type_name}.en.json", api_url(f"pages/{translation.pk}/"))
            )
    return examples, missing


def structure_examples(site: Site) -> list[Example]:
    """Resolve, lists, navigation and problems on the demo's first site."""
    hostname = site.hostname
    english_home = (
        site.root_page.get_translations().filter(locale__language_code="en", live=True).first()
    )
    deep_page = (
        site.root_page.get_descendants()
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .order_by("-depth", "path")
        .first()
    )
    if deep_page is None or english_home is None:
        raise CommandError(f"The demo site {hostname} has no subpages or no English home page.")
    deep_path = deep_page.get_url_parts()[2]
    return [
        Example("resolve/page.json", api_url("pages/resolve/", site=hostname, path=deep_path)),
        Example(
            "resolve/page.en.json",
            api_url("pages/resolve/", site=hostname, path=english_home.get_url_parts()[2]),
        ),
        Example(
            "pages-list.json",
            api_url("pages/", site=hostname, locale="de", page_size=LIST_PAGE_SIZE),
        ),
        Example("navigation.json", api_url("navigation/", site=hostname, locale="de")),
        Example("navigation.en.json", api_url("navigation/", site=hostname, locale="en")),
        Example("sitemap.json", api_url("sitemap/", site=hostname, page_size=LIST_PAGE_SIZE)),
        Example("organisations.json", api_url("organisations/", page_size=LIST_PAGE_SIZE)),
        Example("events.json", api_url("events/", site=hostname, page_size=LIST_PAGE_SIZE)),
        Example(
            "problems/not-found.json",
            api_url("pages/resolve/", site=hostname, path="/gibt-es-nicht/"),
            status=404,
        ),
        Example(
            "problems/invalid-parameters.json",
            api_url("pages/", site=hostname, colour="blue"),
            status=400,
        ),
    ]


# A redirect the demo does not have: made for the example and rolled back afterwards.
EXAMPLE_REDIRECT_PATH = "/alte-adresse/"


def redirect_example(site: Site) -> tuple[Example, Page]:
    target = site.root_page.get_children().live().public().order_by("path").first()
    if target is None:
        raise CommandError(f"The demo site {site.hostname} has no page to redirect to.")
    example = Example(
        "resolve/redirect.json",
        api_url("pages/resolve/", site=site.hostname, path=EXAMPLE_REDIRECT_PATH),
    )
    return example, target


@contextmanager
def _quiet_requests():
    """Silences what the expected 4xx answers and the missing collected static files log."""
    request_logger = logging.getLogger("django.request")
    level = request_logger.level
    request_logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
            yield
    finally:
        request_logger.setLevel(level)


def fetch(client: Client, example: Example):
    with _quiet_requests():
        response = client.get(example.url)
    if response.status_code != example.status:
        raise CommandError(
            f"GET {example.url} answered {response.status_code}, expected {example.status}: "
            f"{response.content[:500]!r}"
        )
    return response


@dataclass(frozen=True)
class ExportedExamples:
    files: list[str]
    # Page types without an example: the demo has no live German page of them.
    missing_page_types: list[str]


def export_examples(directory: Path) -> ExportedExamples:
    """Writes every example and index.json into ``directory`` (replacing older files)."""
    demo_site = Site.objects.filter(hostname=SITES[0].SITE.hostname).first()
    if demo_site is None:
        raise CommandError("Load the demo content first: manage.py load_demo.")

    client = Client(HTTP_HOST=EXAMPLES_HOST)
    pages, missing_page_types = page_examples()
    answers = [(example, fetch(client, example)) for example in pages]
    answers += [(example, fetch(client, example)) for example in structure_examples(demo_site)]

    redirect, target = redirect_example(demo_site)
    with transaction.atomic():
        Redirect.add_redirect(
            old_path=EXAMPLE_REDIRECT_PATH, redirect_to=target, is_permanent=True, site=demo_site
        )
        answers.append((redirect, fetch(client, redirect)))
        transaction.set_rollback(True)

    for stale in directory.rglob("*.json"):
        stale.unlink()
    index = []
    for example, response in sorted(answers, key=lambda answer: answer[0].file):
        target_file = directory / example.file
        target_file.parent.mkdir(parents=True, exist_ok=True)
        target_file.write_text(to_json(response.json()), encoding="utf-8")
        index.append(example.as_index_entry(response["Content-Type"]))
    (directory / INDEX_FILE).write_text(to_json(index), encoding="utf-8")
    return ExportedExamples(
        files=[entry["file"] for entry in index] + [INDEX_FILE],
        missing_page_types=missing_page_types,
    )
