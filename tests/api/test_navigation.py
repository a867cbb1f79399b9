"""GET /api/v1/navigation/?site=&locale=: main menu and footer of a site in one language."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from api.problems import PROBLEM_CONTENT_TYPE
from hub.demo.indexing import automatic_indexing_paused
from tests.factories import (
    FrontendSettingsFactory,
    NetworkPageFactory,
    StandardPageFactory,
    locale,
)
from tests.factories.pages import translate_page
from tests.hub.demo_loading import DEMO_HOSTNAMES, demo_loaded

pytestmark = pytest.mark.django_db

# Not a demo hostname: the demo, loaded for the last tests, must not meet these sites.
HOSTNAME = "navigation.localhost"


@pytest.fixture
def site():
    return FrontendSettingsFactory(site__hostname=HOSTNAME).site


def menu_page(parent, title: str, slug: str, **fields):
    return StandardPageFactory(
        parent=parent, title=title, slug=slug, **{"show_in_menus": True, **fields}
    )


def navigation(api_client, **params):
    response = api_client.get("/api/v1/navigation/", {"site": HOSTNAME, **params})
    assert response.status_code == 200, response.content
    return response.json()


def link(page, path: str) -> dict:
    return {"id": page.pk, "title": page.title, "path": path}


def test_main_menu_has_two_levels_of_menu_pages_in_tree_order(api_client, site):
    home = site.root_page
    network = NetworkPageFactory(
        parent=home, title="Das Netzwerk", slug="netzwerk", show_in_menus=True
    )
    members = menu_page(network, "Mitglieder", "mitglieder")
    menu_page(members, "Zu tief", "zu-tief")  # a third level is not part of the menu
    StandardPageFactory(parent=network, title="Nicht im Menü", slug="intern")
    careers = menu_page(home, "Karriere", "karriere")
    StandardPageFactory(parent=home, title="Ohne Menü", slug="ohne-menue")

    assert navigation(api_client) == {
        "site": HOSTNAME,
        "locale": "de",
        "main": [
            {**link(network, "/netzwerk/"), "children": [link(members, "/netzwerk/mitglieder/")]},
            {**link(careers, "/karriere/"), "children": []},
        ],
        "footer": [],
    }


def test_sub_pages_of_a_section_outside_the_menu_are_left_out(api_client, site):
    hidden = StandardPageFactory(parent=site.root_page, title="Versteckt", slug="versteckt")
    menu_page(hidden, "Darunter", "darunter")

    assert navigation(api_client)["main"] == []


def test_drafts_and_private_pages_are_not_in_menus_or_footer(api_client, site):
    home = site.root_page
    visible = menu_page(home, "Sichtbar", "sichtbar", show_in_footer=True)
    menu_page(home, "Entwurf", "entwurf", live=False, show_in_footer=True)
    private = menu_page(home, "Intern", "intern", show_in_footer=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # Below a private section nothing shows either.
    below_private = menu_page(private, "Darunter", "darunter", show_in_footer=True)

    result = navigation(api_client)

    assert [item["id"] for item in result["main"]] == [visible.pk]
    assert [item["id"] for item in result["footer"]] == [visible.pk]
    assert below_private.pk not in {item["id"] for item in result["footer"]}


def test_footer_lists_footer_pages_at_any_depth_in_tree_order(api_client, site):
    home = site.root_page
    legal = StandardPageFactory(parent=home, title="Rechtliches", slug="rechtliches")
    imprint = StandardPageFactory(
        parent=legal, title="Impressum", slug="impressum", show_in_footer=True
    )
    privacy = StandardPageFactory(
        parent=legal, title="Datenschutz", slug="datenschutz", show_in_footer=True
    )
    contact = StandardPageFactory(parent=home, title="Kontakt", slug="kontakt", show_in_footer=True)

    assert navigation(api_client)["footer"] == [
        link(imprint, "/rechtliches/impressum/"),
        link(privacy, "/rechtliches/datenschutz/"),
        link(contact, "/kontakt/"),
    ]


def test_english_menus_show_the_english_pages_and_leave_out_aliases(api_client, site):
    home = site.root_page
    network = NetworkPageFactory(
        parent=home, title="Das Netzwerk", slug="netzwerk", show_in_menus=True
    )
    imprint = StandardPageFactory(
        parent=home, title="Impressum", slug="impressum", show_in_footer=True
    )
    untranslated = menu_page(home, "Nur Deutsch", "nur-deutsch")
    translate_page(home, "en", slug="home-en")
    english_network = translate_page(network, "en", title="The network", slug="network")
    english_imprint = translate_page(imprint, "en", title="Imprint", slug="imprint")
    # wagtail-localize stands an alias in for a page that is not translated yet.
    alias = untranslated.copy_for_translation(locale("en"), alias=True)

    english = navigation(api_client, locale="en")

    assert english["locale"] == "en"
    assert english["main"] == [{**link(english_network, "/en/network/"), "children": []}]
    assert english["footer"] == [link(english_imprint, "/en/imprint/")]
    assert alias.pk not in [item["id"] for item in english["main"]]
    # German stays German.
    assert [item["title"] for item in navigation(api_client, locale="de")["main"]] == [
        "Das Netzwerk",
        "Nur Deutsch",
    ]


def test_a_locale_without_content_has_empty_menus(api_client, site):
    menu_page(site.root_page, "Nur Deutsch", "nur-deutsch")

    assert navigation(api_client, locale="en") == {
        "site": HOSTNAME,
        "locale": "en",
        "main": [],
        "footer": [],
    }


def test_pages_of_other_sites_stay_out(api_client, site):
    other = FrontendSettingsFactory(site__hostname="recycling-region-harz.localhost").site
    menu_page(other.root_page, "Projekt", "projekt", show_in_footer=True)

    assert navigation(api_client) == {"site": HOSTNAME, "locale": "de", "main": [], "footer": []}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({}, "site"),
        ({"site": "nowhere.example"}, "site"),
        ({"site": HOSTNAME, "locale": "fr"}, "locale"),
        ({"site": HOSTNAME, "depth": "3"}, "depth"),
    ],
)
def test_bad_parameters_are_a_400_problem(api_client, site, query, parameter):
    response = api_client.get("/api/v1/navigation/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert parameter in response.json()["errors"]


def add_menu(home, *, sections: int, children: int) -> None:
    start = home.get_children().count()
    with automatic_indexing_paused():
        for number in range(start, start + sections):
            section = menu_page(home, f"Bereich {number}", f"bereich-{number}", show_in_footer=True)
            for child in range(children):
                menu_page(section, f"Seite {child}", f"seite-{child}")


def queries_for_navigation(api_client) -> int:
    # Start from a cold cache each time, so both runs pay for the site root paths alike.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        navigation(api_client)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_menu(api_client, site):
    add_menu(site.root_page, sections=2, children=4)
    assert len(navigation(api_client)["main"]) == 2
    with_10_items = queries_for_navigation(api_client)

    add_menu(site.root_page, sections=9, children=9)
    result = navigation(api_client)
    assert sum(1 + len(item["children"]) for item in result["main"]) == 100
    assert len(result["footer"]) == 11

    assert queries_for_navigation(api_client) == with_10_items


# The demo content


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("demo-media")):
        yield


@pytest.mark.parametrize("hostname", sorted(DEMO_HOSTNAMES))
def test_every_demo_site_has_the_same_main_menu_in_german_and_english(api_client, demo, hostname):
    german = navigation(api_client, site=hostname, locale="de")["main"]
    english = navigation(api_client, site=hostname, locale="en")["main"]

    assert german
    assert [len(section["children"]) for section in english] == [
        len(section["children"]) for section in german
    ]
    english_paths = [
        item["path"] for section in english for item in [section, *section["children"]]
    ]
    assert all(path.startswith("/en/") for path in english_paths)


@pytest.mark.parametrize("hostname", sorted(DEMO_HOSTNAMES))
def test_every_demo_site_links_its_legal_pages_in_the_footer(api_client, demo, hostname):
    german = navigation(api_client, site=hostname, locale="de")["footer"]
    english = navigation(api_client, site=hostname, locale="en")["footer"]

    assert [(item["title"], item["path"]) for item in german] == [
        ("Impressum", "/impressum/"),
        ("Datenschutz", "/datenschutz/"),
    ]
    assert [(item["title"], item["path"]) for item in english] == [
        ("Legal notice", "/en/legal-notice/"),
        ("Privacy", "/en/privacy/"),
    ]
