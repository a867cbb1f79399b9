"""Headless preview (api/preview/): the admin's "Preview" hands a draft to the frontend's
preview route with a signed token, and ``GET /api/v1/preview/?token=`` gives the draft in
the schema of the live API.

Tokens are made the way staff get them: through the object's ``serve_preview``, which
Wagtail's admin calls (``make_preview_request``), or through the admin's preview views.
"""

import datetime
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core import signing
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from api.preview.models import PreviewSnapshot
from api.preview.tokens import SALT
from pages.models import HomePage, NewsPage, ProjectPage, StandardPage
from snippets.models import Membership, Organisation
from tests.factories import (
    PAGE_FACTORIES,
    FrontendSettingsFactory,
    MembershipFactory,
    NetworkPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    SiteFactory,
    StandardPageFactory,
)
from tests.factories.forms import organisation_form_data
from tests.factories.pages import NATURAL_PARENTS, page_in_site
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND

pytestmark = pytest.mark.django_db

REPO_ROOT = Path(__file__).resolve().parents[2]
HOSTNAME = "chemienetzwerk-harz.localhost"
PREVIEW_ROUTE = f"{FRONTEND}/_preview"
DEFAULT_SITE_PREVIEW_ROUTE = "https://metropolregion.example/vorschau"
PREVIEW_API = "/api/v1/preview/"


@pytest.fixture
def site():
    return FrontendSettingsFactory(
        site=SiteFactory(hostname=HOSTNAME), base_url=FRONTEND, preview_url=PREVIEW_ROUTE
    ).site


@pytest.fixture
def home(site) -> HomePage:
    return site.root_page.specific


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")


@pytest.fixture
def live_news(news_index) -> NewsPage:
    page = NewsPageFactory(parent=news_index, title="Neues Mitglied", slug="neues-mitglied")
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


@pytest.fixture
def default_site():
    """Wagtail's default site, where organisation previews go, with a preview route."""
    default = Site.objects.get(is_default_site=True)
    FrontendSettingsFactory(site=default, preview_url=DEFAULT_SITE_PREVIEW_ROUTE)
    return default


def token_in(response, *, route: str = PREVIEW_ROUTE) -> str:
    """The token of the admin's redirect to the frontend preview ``route``."""
    assert response.status_code == 302, response.content[:500]
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == route
    assert response["Cache-Control"].startswith("no-store")
    return parse_qs(location.query)["token"][0]


def preview_token(obj, *, route: str = PREVIEW_ROUTE) -> str:
    """A token for ``obj`` as it is in memory, as the admin's preview issues it."""
    return token_in(obj.make_preview_request(), route=route)


def preview(client, token: str):
    return client.get(PREVIEW_API, {"token": token})


def latest_draft(page_or_snippet):
    """The object as its latest revision has it, which is what the editor opens."""
    fresh = type(page_or_snippet).objects.get(pk=page_or_snippet.pk)
    return fresh.get_latest_revision_as_object()


def earlier_token(snapshot_id: uuid.UUID, *, age: int) -> str:
    """A genuine token for the snapshot as the hub would have issued it ``age`` seconds
    ago: the same key and salt, an earlier timestamp."""

    class EarlierSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - age)

    return EarlierSigner(salt=SALT).sign(snapshot_id.hex)


def build_new_page(model, *, parent: Page, **fields) -> Page:
    """An unsaved page below ``parent``, set up the way Wagtail's create view prepares it
    for the preview (``PreviewOnCreateView``): a tree position next to the last child and
    the URL path it will get."""
    page = PAGE_FACTORIES[model].build(parent=parent, **fields)
    page.depth = parent.depth + 1
    if parent.is_leaf():
        page.path = page._get_path(parent.path, page.depth, 1)
    else:
        page.path = parent.get_last_child()._inc_path()
    page.set_url_path(parent)
    page.minimal_clean()
    return page


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


# Pages


def test_a_new_revision_is_previewed_while_the_api_keeps_the_live_page(contract_client, live_news):
    draft = latest_draft(live_news)
    draft.title = "Neues Mitglied: Harzer Zinkoxide"
    draft.save_revision()

    previewed = preview(contract_client, preview_token(latest_draft(live_news)))
    live = contract_client.get(f"/api/v1/pages/{live_news.pk}/")
    resolved = contract_client.get(
        "/api/v1/pages/resolve/", {"site": HOSTNAME, "path": "/aktuelles/neues-mitglied/"}
    )

    assert previewed.status_code == 200
    payload = previewed.json()
    assert set(payload) == {"kind", "page", "expires_at"}
    assert payload["kind"] == "page"
    draft_page, live_page = payload["page"], live.json()
    assert draft_page["title"] == "Neues Mitglied: Harzer Zinkoxide"
    assert live_page["title"] == "Neues Mitglied"
    assert resolved.json()["page"]["title"] == "Neues Mitglied"
    # The same page in the same schema; only what the draft changed differs.
    assert {**draft_page, "title": live_page["title"]} == live_page


def test_a_page_saved_but_never_published_is_previewed_at_its_future_path(
    contract_client, news_index
):
    page = NewsPageFactory(parent=news_index, title="Entwurf", slug="entwurf", live=False)
    page.title = "Wasserstoff-Roadmap vorgestellt"
    page.save_revision()

    previewed = preview(contract_client, preview_token(latest_draft(page)))

    assert previewed.status_code == 200
    draft_page = previewed.json()["page"]
    assert draft_page["id"] == page.pk
    assert draft_page["type"] == "news"
    assert draft_page["title"] == "Wasserstoff-Roadmap vorgestellt"
    assert draft_page["path"] == "/aktuelles/entwurf/"
    assert draft_page["url"] == f"{FRONTEND}/aktuelles/entwurf/"
    assert draft_page["meta"]["first_published_at"] is None
    assert [crumb["title"] for crumb in draft_page["meta"]["breadcrumbs"]] == [
        news_index.get_parent().title,
        "Aktuelles",
    ]
    # Unpublished, so it is no alternate of itself and nowhere in the live API.
    assert draft_page["meta"]["alternates"] == []
    assert contract_client.get(f"/api/v1/pages/{page.pk}/").status_code == 404
    resolve_query = {"site": HOSTNAME, "path": "/aktuelles/entwurf/"}
    assert contract_client.get("/api/v1/pages/resolve/", resolve_query).status_code == 404
    listed = contract_client.get("/api/v1/pages/", {"site": HOSTNAME}).json()["results"]
    assert page.pk not in [item["id"] for item in listed]


def test_a_page_not_yet_created_is_previewed_as_the_create_view_builds_it(
    contract_client, news_index
):
    page = build_new_page(
        NewsPage, parent=news_index, title="Neu im Netzwerk", slug="neu-im-netzwerk"
    )

    token = preview_token(page)
    previewed = preview(contract_client, token)

    assert not Page.objects.filter(slug="neu-im-netzwerk").exists()
    snapshot = PreviewSnapshot.objects.get()
    assert snapshot.is_new_object and snapshot.object_id == ""
    assert token.startswith(snapshot.pk.hex + ":")
    draft_page = previewed.json()["page"]
    # Not created yet, so without an id of its own.
    assert draft_page["id"] == 0
    assert draft_page["title"] == "Neu im Netzwerk"
    assert draft_page["path"] == "/aktuelles/neu-im-netzwerk/"
    assert draft_page["site"] == HOSTNAME
    assert draft_page["locale"] == "de"
    assert [crumb["path"] for crumb in draft_page["meta"]["breadcrumbs"]] == ["/", "/aktuelles/"]


@pytest.mark.parametrize("model", list(PAGE_FACTORIES), ids=lambda model: model.__name__)
def test_every_page_type_previews_as_a_new_page_in_the_page_schema(contract_client, home, model):
    parent_model = NATURAL_PARENTS.get(model, HomePage)
    parent = home if parent_model is HomePage else page_in_site(parent_model, home=home)
    page = build_new_page(model, parent=parent, title="Vorschau", slug="vorschau")

    previewed = preview(contract_client, preview_token(page))

    assert previewed.status_code == 200, previewed.content[:500]
    draft_page = previewed.json()["page"]
    assert (draft_page["id"], draft_page["title"]) == (0, "Vorschau")
    assert draft_page["path"].endswith("/vorschau/")


def test_a_page_outside_every_site_gets_a_plain_rendering_and_no_token():
    page = StandardPageFactory(title="Ohne Website")

    response = page.make_preview_request()

    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-preview-setup="no_site"' in content
    assert "<h1>Ohne Website</h1>" in content
    assert not PreviewSnapshot.objects.exists()


# Organisations


def test_an_organisation_draft_is_previewed_while_the_api_keeps_the_live_profile(
    contract_client, default_site, home
):
    network = NetworkPageFactory(parent=home, title="Das Netzwerk", slug="das-netzwerk")
    project = page_in_site(ProjectPage, home=home, slug="recycling-region")
    organisation = OrganisationFactory(summary="Produziert Zinkoxid.")
    MembershipFactory(organisation=organisation, group=network, role="founding_member")
    organisation.save_revision().publish()
    draft = latest_draft(organisation)
    draft.summary = "Produziert Zinkoxid und recycelt Stahlwerksstäube."
    draft.memberships.add(Membership(group=project, role="partner"))
    draft.save_revision()

    token = preview_token(latest_draft(organisation), route=DEFAULT_SITE_PREVIEW_ROUTE)
    previewed = preview(contract_client, token)
    live = contract_client.get(f"/api/v1/organisations/{organisation.pk}/")

    assert previewed.status_code == 200
    payload = previewed.json()
    assert payload["kind"] == "organisation"
    assert set(payload) == {"kind", "organisation", "expires_at"}
    draft_profile, live_profile = payload["organisation"], live.json()
    assert draft_profile["summary"] == "Produziert Zinkoxid und recycelt Stahlwerksstäube."
    assert live_profile["summary"] == "Produziert Zinkoxid."
    project_path = project.get_url_parts()[2]
    assert [item["group"]["path"] for item in draft_profile["memberships"]] == [
        "/das-netzwerk/",
        project_path,
    ]
    assert [item["group"]["path"] for item in live_profile["memberships"]] == ["/das-netzwerk/"]
    changed = {"summary": live_profile["summary"], "memberships": live_profile["memberships"]}
    assert {**draft_profile, **changed} == live_profile


def test_an_organisation_without_a_default_site_frontend_gets_the_setup_page(home):
    organisation = OrganisationFactory(name="Harzer Zinkoxide")

    response = organisation.make_preview_request()

    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-preview-setup="no_preview_url"' in content
    assert "<h1>Harzer Zinkoxide</h1>" in content


# Tokens


def test_the_answer_says_when_the_token_expires(contract_client, live_news, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 600
    before = time.time()

    payload = preview(contract_client, preview_token(live_news)).json()

    expires_at = datetime.datetime.fromisoformat(payload["expires_at"]).timestamp()
    assert before + 600 - 1 <= expires_at <= time.time() + 600


def test_an_expired_token_is_a_401_problem(contract_client, live_news, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 60
    preview_token(live_news)
    snapshot = PreviewSnapshot.objects.get()

    still_valid = preview(contract_client, earlier_token(snapshot.pk, age=30))
    expired = preview(contract_client, earlier_token(snapshot.pk, age=120))

    assert still_valid.status_code == 200
    body = problem(expired, 401)
    assert body["title"] == "Preview token expired"
    assert body["type"].endswith("/preview-token-expired")
    assert "Open the preview in the admin again" in body["detail"]
    assert expired["WWW-Authenticate"] == 'PreviewToken realm="preview"'


def test_a_token_whose_snapshot_is_gone_counts_as_expired(contract_client, live_news):
    token = preview_token(live_news)
    PreviewSnapshot.objects.all().delete()

    body = problem(preview(contract_client, token), 401)

    assert body["title"] == "Preview token expired"


def change_character(text: str, index: int) -> str:
    replacement = "A" if text[index] != "A" else "B"
    return text[:index] + replacement + text[index + 1 :]


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda token: change_character(token, len(token) - 1), id="signature"),
        pytest.param(lambda token: change_character(token, 0), id="snapshot-id"),
        pytest.param(lambda token: token.rsplit(":", 1)[0], id="signature-removed"),
        pytest.param(lambda token: "not-a-token", id="garbage"),
        pytest.param(
            lambda token: signing.TimestampSigner(salt="other").sign(token.split(":")[0]),
            id="other-salt",
        ),
        pytest.param(
            lambda token: signing.TimestampSigner(key="k" * 50, salt=SALT).sign(
                token.split(":")[0]
            ),
            id="other-key",
        ),
    ],
)
def test_a_changed_or_foreign_token_is_a_403_problem(contract_client, live_news, tamper):
    token = preview_token(live_news)

    body = problem(preview(contract_client, tamper(token)), 403)

    assert body["title"] == "Invalid preview token"
    assert body["type"].endswith("/invalid-preview-token")
    assert preview(contract_client, token).status_code == 200


@pytest.mark.parametrize(
    "query", [{}, {"token": ""}, {"token": "   "}], ids=["missing", "empty", "blank"]
)
def test_without_a_token_the_answer_is_a_400_parameter_problem(contract_client, query):
    body = problem(contract_client.get(PREVIEW_API, query), 400)

    assert body["title"] == "Invalid query parameters"
    assert list(body["errors"]) == ["token"]


def test_a_deleted_page_is_a_404_problem(contract_client, live_news):
    token = preview_token(live_news)
    live_news.delete()

    problem(preview(contract_client, token), 404)


def test_previews_are_neither_cached_nor_indexed(api_client, live_news, settings):
    settings.CORS_ALLOWED_ORIGINS = ["http://127.0.0.1:3000"]
    token = preview_token(live_news)

    allowed = api_client.get(PREVIEW_API, {"token": token}, HTTP_ORIGIN="http://127.0.0.1:3000")
    refused = api_client.get(PREVIEW_API, {"token": token}, HTTP_ORIGIN="https://elsewhere.example")
    failed = api_client.get(PREVIEW_API, {"token": "not-a-token"})

    for response in (allowed, failed):
        assert response["Cache-Control"] == "no-store"
        assert response["X-Robots-Tag"] == "noindex"
        assert "ETag" not in response
    assert allowed["Access-Control-Allow-Origin"] == "http://127.0.0.1:3000"
    assert "Access-Control-Allow-Origin" not in refused


def test_taking_a_snapshot_deletes_the_expired_ones(live_news, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 60
    preview_token(live_news)
    PreviewSnapshot.objects.update(
        created_at=datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(seconds=61)
    )
    old = PreviewSnapshot.objects.get()

    token = preview_token(live_news)

    assert list(PreviewSnapshot.objects.all()) == [
        PreviewSnapshot.objects.get(pk=uuid.UUID(token[:32]))
    ]
    assert not PreviewSnapshot.objects.filter(pk=old.pk).exists()


# Through the admin


def standard_page_form(**fields) -> dict:
    return nested_form_data(
        {
            "title": "Über uns",
            "slug": "ueber-uns",
            "intro": "",
            "body": streamfield([]),
            **fields,
        }
    )


def post_then_get(client, url: str, data: dict):
    """What Wagtail's preview panel does: post the form, then load the preview."""
    posted = client.post(url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(url)


def test_admin_preview_of_unsaved_edits_redirects_to_the_frontend(
    staff_client, contract_client, home
):
    page = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    response = post_then_get(
        staff_client,
        url,
        standard_page_form(
            title="Über das Netzwerk",
            body=streamfield([("heading", {"text": "Unsere Mitglieder", "level": "h2"})]),
        ),
    )
    in_panel = staff_client.get(url, {"in_preview_panel": "true"})

    draft_page = preview(contract_client, token_in(response)).json()["page"]
    assert draft_page["title"] == "Über das Netzwerk"
    assert draft_page["body"][0]["value"]["text"] == "Unsere Mitglieder"
    assert token_in(in_panel) != token_in(response)
    assert StandardPage.objects.get(pk=page.pk).title == "Über uns"
    snapshot = PreviewSnapshot.objects.first()
    assert snapshot.created_by.username == "staff"


def test_admin_preview_in_the_create_view_redirects_to_the_frontend(
    staff_client, contract_client, home
):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["pages", "standardpage", home.pk])

    response = post_then_get(staff_client, url, standard_page_form(title="Satzung", slug="satzung"))

    draft_page = preview(contract_client, token_in(response)).json()["page"]
    assert (draft_page["id"], draft_page["title"]) == (0, "Satzung")
    assert draft_page["path"] == "/satzung/"
    assert not Page.objects.filter(slug="satzung").exists()


def test_admin_preview_of_an_old_revision_shows_that_revision(
    staff_client, contract_client, live_news
):
    first_revision = live_news.latest_revision
    live_news.title = "Neues Mitglied im Netzwerk"
    live_news.save_revision().publish()
    url = reverse("wagtailadmin_pages:revisions_view", args=[live_news.pk, first_revision.pk])

    response = staff_client.get(url)

    draft_page = preview(contract_client, token_in(response)).json()["page"]
    assert draft_page["title"] == "Neues Mitglied"
    live = contract_client.get(f"/api/v1/pages/{live_news.pk}/").json()
    assert live["title"] == "Neues Mitglied im Netzwerk"


def test_admin_preview_keeps_the_query_of_the_frontend_preview_url(staff_client, site, home):
    site_settings = site.frontendsettings
    site_settings.preview_url = f"{PREVIEW_ROUTE}?secret=abc&token=stale#top"
    site_settings.save()
    page = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    response = post_then_get(staff_client, url, standard_page_form())

    location = urlsplit(response["Location"])
    query = parse_qs(location.query)
    assert query["secret"] == ["abc"]
    assert len(query["token"]) == 1 and query["token"][0] != "stale"
    assert location.fragment == "top"


def test_admin_preview_of_an_organisation_redirects_to_the_default_site_frontend(
    staff_client, contract_client, default_site
):
    organisation = OrganisationFactory(slug="harzer-zinkoxide")
    organisation.save_revision().publish()
    namespace = "wagtailsnippets_snippets_organisation"
    edit_url = reverse(f"{namespace}:preview_on_edit", args=[organisation.pk])
    add_url = reverse(f"{namespace}:preview_on_add")

    edited = post_then_get(
        staff_client, edit_url, organisation_form_data(summary="Neu: Recycling.")
    )
    created = post_then_get(
        staff_client,
        add_url,
        organisation_form_data(name="Harzer Recycling", slug="harzer-recycling"),
    )

    route = DEFAULT_SITE_PREVIEW_ROUTE
    edited_profile = preview(contract_client, token_in(edited, route=route)).json()
    created_profile = preview(contract_client, token_in(created, route=route)).json()
    assert edited_profile["organisation"]["summary"] == "Neu: Recycling."
    assert edited_profile["organisation"]["id"] == organisation.pk
    assert created_profile["organisation"]["name"] == "Harzer Recycling"
    assert created_profile["organisation"]["id"] == 0
    assert Organisation.objects.get(pk=organisation.pk).summary != "Neu: Recycling."
    assert not Organisation.objects.filter(slug="harzer-recycling").exists()


def test_without_a_preview_url_staff_get_the_setup_page_with_a_working_api_url(
    staff_client, contract_client, site, home
):
    site.frontendsettings.preview_url = ""
    site.frontendsettings.save()
    page = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    response = post_then_get(staff_client, url, standard_page_form(title="Über das Netzwerk"))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-preview-setup="no_preview_url"' in content
    settings_url = reverse("wagtailsettings:edit", args=["hub", "frontendsettings", site.pk])
    assert f'href="{settings_url}"' in content
    assert "<h1>Über das Netzwerk</h1>" in content
    api_url = response.context["api_url"]
    assert api_url.startswith(f"http://testserver{PREVIEW_API}?token=")
    answer = contract_client.get(api_url.removeprefix("http://testserver"))
    assert answer.json()["page"]["title"] == "Über das Netzwerk"


# Logs


def test_gunicorn_as_configured_logs_no_preview_token(tmp_path):
    """The hub's gunicorn configuration, serving a plain WSGI app, writes its access log
    without the token of a preview request."""
    environment = {**os.environ, "GUNICORN_BIND": "127.0.0.1:0", "GUNICORN_WORKERS": "1"}
    access_log = tmp_path / "access.log"
    command = [sys.executable, "-m", "gunicorn", "--config", "hub/gunicorn.conf.py"]
    command += ["--access-logfile", str(access_log), "wsgiref.simple_server:demo_app"]
    server = subprocess.Popen(
        command, cwd=REPO_ROOT, env=environment, stderr=subprocess.PIPE, text=True
    )
    try:
        port = None
        while port is None:
            line = server.stderr.readline()
            assert line, "gunicorn stopped before it listened"
            if match := re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line):
                port = match.group(1)
        url = (
            f"http://127.0.0.1:{port}{PREVIEW_API}?site=a&token=0c7b2e0f%3A1vQx3a%3AgeheimeSignatur"
        )
        assert requests.get(url, timeout=10).status_code == 200
        deadline = time.monotonic() + 10
        while "GET" not in access_log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()

    logged = access_log.read_text()
    assert f'"GET {PREVIEW_API}?site=a&token=[redacted] HTTP/1.1" 200' in logged
    assert "geheim" not in logged
