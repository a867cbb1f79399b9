"""The "Translation status" report in the admin's Reports menu."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import NewsIndexPageFactory, NewsPageFactory, SiteFactory
from tests.factories.translations import translate
from tests.factories.users import ReviewerFactory, TranslatorFactory, UserFactory, is_denied

pytestmark = pytest.mark.django_db

REPORT = reverse("hub_translation_status")
RESULTS = reverse("hub_translation_status_results")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rows(response) -> list:
    return list(response.context["object_list"])


def summary(response) -> set[tuple[str, str, str]]:
    return {(row.title, row.locale.language_code, row.status_label) for row in rows(response)}


@pytest.fixture
def site_pages(django_capture_on_commit_callbacks):
    """A site with an English news index (up to date) and two news items: one translated
    as a draft (in progress), one not translated (missing)."""
    index = NewsIndexPageFactory(title="Aktuelles", slug="aktuelles")
    SiteFactory(root_page=index.get_parent())
    with django_capture_on_commit_callbacks(execute=True):
        translate(index, {"Aktuelles": "News", "aktuelles": "news"})
    drafted = NewsPageFactory(parent=index, title="Neues Mitglied", slug="neues-mitglied")
    translate(drafted, {"Neues Mitglied": "New member", "neues-mitglied": "new"}, publish=False)
    untranslated = NewsPageFactory(parent=index, title="Förderung", slug="foerderung")
    return index, drafted, untranslated


def test_staff_see_each_source_page_in_each_target_locale(staff_client, site_pages):
    drafted = site_pages[1]

    response = staff_client.get(REPORT)

    assert response.status_code == 200
    assert {
        ("Aktuelles", "en", "Up to date"),
        ("Neues Mitglied", "en", "In progress"),
        ("Förderung", "en", "Missing"),
    } <= summary(response)
    assert {row.locale.language_code for row in rows(response)} == {"en"}
    row = next(row for row in rows(response) if row.page.pk == drafted.pk)
    assert row.source_url == reverse("wagtailadmin_pages:edit", args=[drafted.pk])
    assert row.target_url == reverse("wagtailadmin_pages:edit", args=[row.translation.target_id])
    assert f'href="{row.target_url}"' in response.text
    assert "Edit the English translation of Neues Mitglied" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "missing"}, {"Förderung"}),
        ({"status": "in_progress"}, {"Neues Mitglied"}),
        ({"status": "up_to_date"}, {"Aktuelles"}),
        ({"locale": "en", "status": "missing"}, {"Förderung"}),
    ],
)
def test_filter_by_status_and_locale(staff_client, site_pages, query, expected):
    response = staff_client.get(RESULTS, query)

    assert response.status_code == 200
    titles = {row.title for row in rows(response)}
    assert expected <= titles
    assert not ({"Aktuelles", "Neues Mitglied", "Förderung"} - expected) & titles


def test_filter_by_site(staff_client, site_pages):
    other_site = SiteFactory(hostname="other.example")

    response = staff_client.get(REPORT, {"site": other_site.pk})

    titles = {row.title for row in rows(response)}
    assert titles == {other_site.root_page.title}


def test_translators_see_the_report_and_open_only_what_they_may_edit(site_pages):
    drafted = site_pages[1]
    client = logged_in(TranslatorFactory())

    response = client.get(REPORT)

    assert response.status_code == 200
    row = next(row for row in rows(response) if row.page.pk == drafted.pk)
    assert row.source_url is None, "German sources are not theirs to edit"
    assert row.target_url is not None
    assert REPORT in client.get(reverse("wagtailadmin_home")).text


def test_reviewers_see_the_report():
    assert logged_in(ReviewerFactory()).get(REPORT).status_code == 200


def test_other_admin_users_are_refused():
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client = logged_in(user)

    assert is_denied(client.get(REPORT))
    assert REPORT not in client.get(reverse("wagtailadmin_home")).text


def test_the_query_count_does_not_grow_with_the_number_of_pages(
    staff_client, site_pages, django_capture_on_commit_callbacks
):
    index = site_pages[0]
    staff_client.get(REPORT)  # caches content types and the like

    with CaptureQueriesContext(connection) as few:
        staff_client.get(REPORT)
    for n in range(4):
        page = NewsPageFactory(parent=index, title=f"Meldung {n}")
        if n % 2:
            with django_capture_on_commit_callbacks(execute=True):
                translate(page, {f"Meldung {n}": f"Report {n}"})
    with CaptureQueriesContext(connection) as more:
        response = staff_client.get(REPORT)

    assert len(rows(response)) > 5
    assert len(more.captured_queries) == len(few.captured_queries)
