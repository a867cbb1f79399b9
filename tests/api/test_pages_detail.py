"""GET /api/v1/pages/{id}/: every page type with its own fields, in its own locale."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from api.serializers.pages.detail import PAGE_DETAIL_SERIALIZERS
from api.serializers.pages.registry import PAGE_TYPE_NAMES, page_type_name
from pages.models import (
    ClusterPage,
    DirectoryPage,
    DocumentationItemPage,
    EventPage,
    HomePage,
    NetworkPage,
    NewsletterIssuePage,
    NewsPage,
    ProjectPage,
)
from tests.contract.validation import assert_response_matches_schema
from tests.factories import (
    PAGE_FACTORIES,
    ClusterManagementContactFactory,
    ClusterSpeakerFactory,
    DocumentFactory,
    FrontendSettingsFactory,
    FundingFactory,
    ImageFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectPartnerFactory,
    SiteFactory,
    StandardPageFactory,
    TopicFactory,
    body_block_values,
    locale,
)
from tests.factories.pages import page_in_site, translate_page
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND

pytestmark = pytest.mark.django_db

HOSTNAME = "chemienetzwerk-harz.localhost"

COMMON_FIELDS = {"id", "type", "title", "locale", "path", "site", "url", "meta"}
META_FIELDS = {
    "seo_title",
    "search_description",
    "first_published_at",
    "last_published_at",
    "noindex",
    "social_image",
    "alternates",
    "breadcrumbs",
}
# The contract of each page type beyond the common fields.
TYPE_FIELDS = {
    "home": {"tagline", "intro", "hero_image", "organisation", "body"},
    "network": {
        "organisation",
        "tagline",
        "intro",
        "region_description",
        "founded",
        "fundings",
        "member_counts_by_kind",
        "body",
    },
    "cluster_index": {"intro", "body"},
    "cluster": {
        "intro",
        "website",
        "vision",
        "vision_author",
        "goals",
        "fields_of_action",
        "speakers",
        "management_organisation",
        "management_contacts",
        "topics",
        "body",
    },
    "project_index": {"intro"},
    "project": {
        "intro",
        "status",
        "start_date",
        "end_date",
        "lead_organisation",
        "partners",
        "fundings",
        "goals",
        "body",
    },
    "newsletter_series": {"short_name", "frequency", "intro"},
    "newsletter_issue": {
        "issue_number",
        "year",
        "quarter",
        "theme",
        "publication_date",
        "cover_image",
        "editorial",
        "articles",
        "pdf_edition",
    },
    "document_series": {"short_name", "intro"},
    "documentation_item": {
        "number_in_series",
        "event_title",
        "event_date",
        "event_end_date",
        "venue",
        "city",
        "summary",
        "related_event",
        "body",
        "documents",
        "gallery",
    },
    "event_index": {"intro"},
    "event": {
        "start",
        "end",
        "all_day",
        "format",
        "venue",
        "online_url",
        "registration_url",
        "registration_deadline",
        "fee_note",
        "organiser",
        "intro",
        "topics",
        "body",
    },
    "news_index": {"intro"},
    "news": {"date", "intro", "image", "author", "topics", "body"},
    "standard": {"intro", "body"},
    "directory": {"intro", "group", "filters", "brochure", "body"},
}


@pytest.fixture
def site():
    return FrontendSettingsFactory(
        site=SiteFactory(hostname=HOSTNAME), base_url=f"{FRONTEND}/"
    ).site


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def english_home(home):
    return translate_page(home, "en", title="ChemieNetzwerk Harz (en)")


@pytest.fixture
def detail(api_client, contract):
    """GET the detail of a page or page id; the answer must match the contract."""

    def get(page_or_id):
        page_id = page_or_id if isinstance(page_or_id, int) else page_or_id.pk
        response = api_client.get(f"/api/v1/pages/{page_id}/")
        assert_response_matches_schema(response, spec=contract)
        return response

    return get


def translate_snippet(snippet, language_code: str = "en", **fields):
    """A translation of ``snippet`` with ``fields`` changed, as translators save it."""
    translation = snippet.copy_for_translation(locale(language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def test_every_page_type_has_a_serializer_and_a_contract():
    assert set(PAGE_DETAIL_SERIALIZERS) == set(PAGE_TYPE_NAMES)
    assert set(TYPE_FIELDS) == set(PAGE_TYPE_NAMES.values())


@pytest.mark.parametrize("model", list(PAGE_FACTORIES), ids=lambda model: model.__name__)
def test_each_page_type_answers_with_the_common_and_its_own_fields(detail, home, model):
    page = page_in_site(model, home=home)

    response = detail(page)

    assert response.status_code == 200, response.content
    payload = response.json()
    type_name = page_type_name(model)
    assert set(payload) == COMMON_FIELDS | TYPE_FIELDS[type_name]
    assert set(payload["meta"]) == META_FIELDS
    assert payload["id"] == page.pk
    assert payload["type"] == type_name
    assert payload["title"] == page.title
    assert payload["locale"] == "de"
    assert payload["site"] == HOSTNAME
    assert payload["path"] == page.get_url_parts()[2]
    assert payload["url"] == FRONTEND + payload["path"]


def test_common_fields_and_meta_of_a_german_page_with_an_english_translation(
    detail, home, english_home
):
    social_image = ImageFactory()
    about = StandardPageFactory(
        parent=home,
        title="Über uns",
        slug="ueber-uns",
        seo_title="Über das ChemieNetzwerk Harz",
        search_description="Wer wir sind.",
        noindex=True,
        social_image=social_image,
        intro="Das Netzwerk der Chemie im Westharz.",
    )
    statutes = StandardPageFactory(parent=about, title="Satzung", slug="satzung")
    about.save_revision().publish()
    english_about = translate_page(about, "en", title="About us", slug="about-us")

    payload = detail(statutes).json()

    assert payload["path"] == "/ueber-uns/satzung/"
    assert payload["url"] == f"{FRONTEND}/ueber-uns/satzung/"
    assert payload["meta"]["breadcrumbs"] == [
        {"id": home.pk, "title": home.title, "path": "/"},
        {"id": about.pk, "title": "Über uns", "path": "/ueber-uns/"},
    ]

    payload = detail(about).json()
    meta = payload["meta"]
    assert payload["intro"] == "Das Netzwerk der Chemie im Westharz."
    assert meta["seo_title"] == "Über das ChemieNetzwerk Harz"
    assert meta["search_description"] == "Wer wir sind."
    assert meta["noindex"] is True
    assert meta["social_image"]["id"] == social_image.pk
    assert set(meta["social_image"]["renditions"]) == {"thumbnail", "small", "medium", "large"}
    assert datetime.datetime.fromisoformat(meta["first_published_at"])
    assert datetime.datetime.fromisoformat(meta["last_published_at"])
    assert meta["alternates"] == [
        {"locale": "de", "path": "/ueber-uns/", "id": about.pk},
        {"locale": "en", "path": "/en/about-us/", "id": english_about.pk},
    ]
    assert meta["breadcrumbs"] == [{"id": home.pk, "title": home.title, "path": "/"}]

    english = detail(english_about).json()
    assert (english["locale"], english["title"], english["path"]) == (
        "en",
        "About us",
        "/en/about-us/",
    )
    assert english["url"] == f"{FRONTEND}/en/about-us/"
    assert english["meta"]["alternates"] == meta["alternates"]
    assert english["meta"]["breadcrumbs"] == [
        {"id": english_home.pk, "title": "ChemieNetzwerk Harz (en)", "path": "/en/"}
    ]


def test_the_home_page_has_no_breadcrumbs_and_a_site_without_frontend_no_url(detail):
    home = SiteFactory(hostname="hub-only.localhost").root_page

    payload = detail(home).json()

    assert (payload["path"], payload["url"], payload["site"]) == ("/", None, "hub-only.localhost")
    assert payload["meta"]["breadcrumbs"] == []


def test_a_body_with_every_block_matches_the_contract(detail, home):
    stored = body_block_values(link_page=home)
    page = StandardPageFactory(parent=home, title="Alles")
    page.body = [{"type": name, "value": value} for name, value in stored.items()]
    page.save_revision().publish()

    payload = detail(page).json()

    assert [item["type"] for item in payload["body"]] == list(stored)


def test_home_page_fields(detail, home):
    hero = ImageFactory()
    organisation = OrganisationFactory(name="ChemieNetzwerk Harz")
    HomePage.objects.filter(pk=home.pk).update(
        hero_image=hero, organisation=organisation, intro="Willkommen."
    )

    payload = detail(home).json()

    assert payload["tagline"] == home.tagline
    assert payload["intro"] == "Willkommen."
    assert payload["hero_image"]["id"] == hero.pk
    assert payload["organisation"]["name"] == "ChemieNetzwerk Harz"
    assert payload["body"] == []


def test_network_page_fields(detail, home):
    organisation = OrganisationFactory(name="ChemieNetzwerk Harz e.V.")
    network = page_in_site(
        NetworkPage,
        home=home,
        organisation=organisation,
        region_description="<p>Rund <b>12.000</b> Arbeitsplätze.</p>",
    )
    funding = FundingFactory(title="Zweite Förderperiode")
    network.fundings.set([funding])
    network.save_revision().publish()
    for _member in range(2):
        MembershipFactory(group=network)
    MembershipFactory(group=network, organisation=OrganisationFactory(kind="university"))

    payload = detail(network).json()

    assert payload["organisation"]["name"] == "ChemieNetzwerk Harz e.V."
    assert payload["founded"] == "2016-08-01"
    assert payload["region_description"] == "<p>Rund <b>12.000</b> Arbeitsplätze.</p>"
    assert [item["title"] for item in payload["fundings"]] == ["Zweite Förderperiode"]
    assert payload["member_counts_by_kind"] == {"company": 2, "university": 1}


def test_cluster_page_fields_with_people_in_their_roles(detail, home):
    topic = TopicFactory(name="Kreislaufwirtschaft")
    author = PersonFactory(last_name="Mühlhaus")
    manager = OrganisationFactory(name="Clustermanagement GmbH")
    cluster = page_in_site(
        ClusterPage,
        home=home,
        vision_author=author,
        management_organisation=manager,
        website="https://cluster.example",
        goals="<p>Kreisläufe schließen.</p>",
    )
    cluster.topics.set([topic])
    cluster.save_revision().publish()
    first = ClusterSpeakerFactory(page=cluster, role="Sprecher für Chemie", sort_order=0)
    second = ClusterSpeakerFactory(page=cluster, role="Sprecher für Kunststoffe", sort_order=1)
    ClusterManagementContactFactory(page=cluster, role="Clustermanagerin")

    payload = detail(cluster).json()

    assert payload["vision"] == cluster.vision
    assert payload["vision_author"]["last_name"] == "Mühlhaus"
    assert payload["website"] == "https://cluster.example"
    assert payload["goals"] == "<p>Kreisläufe schließen.</p>"
    assert payload["management_organisation"]["name"] == "Clustermanagement GmbH"
    assert [(item["person"]["id"], item["role"]) for item in payload["speakers"]] == [
        (first.person_id, "Sprecher für Chemie"),
        (second.person_id, "Sprecher für Kunststoffe"),
    ]
    assert [item["role"] for item in payload["management_contacts"]] == ["Clustermanagerin"]
    assert [item["name"] for item in payload["topics"]] == ["Kreislaufwirtschaft"]
    assert payload["fields_of_action"] == []


def test_cluster_page_without_website_gives_null(detail, home):
    payload = detail(page_in_site(ClusterPage, home=home)).json()

    assert payload["website"] is None
    assert payload["vision_author"] is None
    assert payload["speakers"] == []


def test_project_page_fields_leave_out_unpublished_partners(detail, home):
    lead = OrganisationFactory(name="TU Clausthal")
    project = page_in_site(ProjectPage, home=home, lead_organisation=lead)
    project.fundings.set([FundingFactory(title="Innovationsforum")])
    project.save_revision().publish()
    ProjectPartnerFactory(page=project, organisation=OrganisationFactory(name="Partner AG"))
    ProjectPartnerFactory(page=project, organisation=OrganisationFactory(live=False))

    payload = detail(project).json()

    assert payload["status"] == "completed"
    assert (payload["start_date"], payload["end_date"]) == ("2020-09-01", "2021-08-31")
    assert payload["lead_organisation"]["name"] == "TU Clausthal"
    assert [(item["organisation"]["name"], item["role"]) for item in payload["partners"]] == [
        ("Partner AG", "Verbundpartner")
    ]
    assert [item["title"] for item in payload["fundings"]] == ["Innovationsforum"]


def test_unpublished_lead_organisation_reads_as_null(detail, home):
    project = page_in_site(
        ProjectPage, home=home, lead_organisation=OrganisationFactory(live=False)
    )

    assert detail(project).json()["lead_organisation"] is None


def test_newsletter_series_and_issue_fields(detail, home):
    cover, pdf = ImageFactory(), DocumentFactory(title="CKnews 2/2024")
    issue = page_in_site(
        NewsletterIssuePage,
        home=home,
        issue_number=2,
        year=2024,
        quarter=2,
        publication_date=datetime.date(2024, 6, 20),
        cover_image=cover,
        pdf_edition=pdf,
        editorial="<p>Liebe Leserinnen und Leser,</p>",
    )

    series = detail(issue.get_parent()).json()
    payload = detail(issue).json()

    assert (series["short_name"], series["frequency"]) == ("CKnews", "quarterly")
    assert (payload["issue_number"], payload["year"], payload["quarter"]) == (2, 2024, 2)
    assert payload["theme"] == "Kreislaufwirtschaft"
    assert payload["publication_date"] == "2024-06-20"
    assert payload["cover_image"]["id"] == cover.pk
    assert payload["pdf_edition"]["title"] == "CKnews 2/2024"
    assert payload["pdf_edition"]["url"].startswith("http://testserver/")
    assert payload["editorial"] == "<p>Liebe Leserinnen und Leser,</p>"
    assert payload["articles"] == []


def test_documentation_item_refers_to_its_public_event(detail, home):
    event = page_in_site(EventPage, home=home, title="FORUM Chemie 2023")
    documentation = page_in_site(
        DocumentationItemPage, home=home, related_event=event, number_in_series=12
    )

    payload = detail(documentation).json()

    assert payload["number_in_series"] == 12
    assert (payload["event_date"], payload["event_end_date"]) == ("2023-11-08", None)
    assert (payload["venue"], payload["city"]) == ("Kulturhaus Leuna", "Leuna")
    assert payload["related_event"] == {
        "id": event.pk,
        "type": "event",
        "title": "FORUM Chemie 2023",
        "locale": "de",
        "path": event.get_url_parts()[2],
    }

    event.unpublish()
    assert detail(documentation).json()["related_event"] is None


def test_event_page_fields(detail, home):
    organiser = OrganisationFactory(name="ChemieNetzwerk Harz")
    event = page_in_site(
        EventPage,
        home=home,
        venue_name="Kaiserpfalz",
        street="Kaiserbleek 6",
        postal_code="38640",
        registration_url="https://example.org/anmeldung",
        registration_deadline=datetime.date(2025, 5, 7),
        fee_note="Für Mitglieder kostenfrei",
        organiser=organiser,
    )
    event.topics.set([TopicFactory(name="Wasserstoff")])
    event.save_revision().publish()

    payload = detail(event).json()

    assert datetime.datetime.fromisoformat(payload["start"]) == event.start
    assert payload["end"] is None
    assert (payload["all_day"], payload["format"]) == (False, "forum")
    assert payload["venue"] == {
        "name": "Kaiserpfalz",
        "street": "Kaiserbleek 6",
        "postal_code": "38640",
        "city": "Goslar",
    }
    assert payload["online_url"] is None
    assert payload["registration_url"] == "https://example.org/anmeldung"
    assert payload["registration_deadline"] == "2025-05-07"
    assert payload["fee_note"] == "Für Mitglieder kostenfrei"
    assert payload["organiser"]["name"] == "ChemieNetzwerk Harz"
    assert [topic["name"] for topic in payload["topics"]] == ["Wasserstoff"]


def test_news_page_fields(detail, home):
    image, author = ImageFactory(), PersonFactory(last_name="Schulz")
    news = page_in_site(NewsPage, home=home, image=image, author=author, intro="Neu dabei.")

    payload = detail(news).json()

    assert (payload["date"], payload["intro"]) == ("2024-03-01", "Neu dabei.")
    assert payload["image"]["id"] == image.pk
    assert payload["author"]["last_name"] == "Schulz"
    assert payload["topics"] == []


def test_directory_page_fields(detail, home):
    brochure = DocumentFactory(title="Clusteratlas 2024")
    directory = page_in_site(DirectoryPage, home=home, brochure=brochure, show_region_filter=False)
    network = directory.get_parent()

    payload = detail(directory).json()

    assert payload["group"] == {
        "id": network.pk,
        "type": "network",
        "title": network.title,
        "locale": "de",
        "path": network.get_url_parts()[2],
    }
    assert payload["filters"] == {"kind": True, "sector": True, "region": False, "map": True}
    assert payload["brochure"]["title"] == "Clusteratlas 2024"


def test_english_page_shows_its_snippets_and_references_in_english(detail, home, english_home):
    person = PersonFactory(position="Clustersprecher")
    translate_snippet(person, position="Cluster spokesperson")
    topic = TopicFactory(name="Kreislaufwirtschaft")
    translate_snippet(topic, name="Circular economy")
    untranslated_topic = TopicFactory(name="Wasserstoff")
    cluster = page_in_site(ClusterPage, home=home, vision_author=person)
    cluster.topics.set([topic, untranslated_topic])
    cluster.save_revision().publish()
    ClusterSpeakerFactory(page=cluster, person=person, role="Sprecher")
    english_index = translate_page(cluster.get_parent(), "en", slug="clusters")
    english = translate_page(cluster, "en", slug="circular")
    english.speakers.update(role="Spokesperson")

    payload = detail(english).json()

    assert payload["path"] == "/en/clusters/circular/"
    assert payload["vision_author"]["position"] == "Cluster spokesperson"
    assert [(item["person"]["position"], item["role"]) for item in payload["speakers"]] == [
        ("Cluster spokesperson", "Spokesperson")
    ]
    assert sorted(topic["name"] for topic in payload["topics"]) == [
        "Circular economy",
        "Wasserstoff",
    ]
    assert payload["meta"]["breadcrumbs"][-1] == {
        "id": english_index.pk,
        "title": english_index.title,
        "path": "/en/clusters/",
    }


def test_english_directory_refers_to_the_english_group_page(detail, home, english_home):
    directory = page_in_site(DirectoryPage, home=home)
    network = directory.get_parent()
    english_network = translate_page(network, "en", slug="the-network")
    english_directory = translate_page(directory, "en", slug="atlas")

    payload = detail(english_directory).json()

    assert payload["group"]["id"] == english_network.pk
    assert payload["group"]["path"] == "/en/the-network/"


def test_the_live_version_is_served_never_a_draft(detail, home):
    page = StandardPageFactory(parent=home, title="Veröffentlicht")
    page.title = "Entwurf"
    page.save_revision()

    assert detail(page).json()["title"] == "Veröffentlicht"


@pytest.mark.parametrize("hidden", ["draft", "private", "private_parent", "alias", "unknown"])
def test_pages_that_are_not_public_are_not_found(detail, home, english_home, hidden):
    parent = StandardPageFactory(parent=home, title="Eltern")
    page = StandardPageFactory(parent=parent, title="Kind")
    if hidden == "draft":
        page.unpublish()
    elif hidden == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif hidden == "private_parent":
        PageViewRestriction.objects.create(
            page=parent, restriction_type=PageViewRestriction.PASSWORD, password="intern"
        )
    elif hidden == "alias":
        translate_page(parent, "en")
        page = page.copy_for_translation(locale("en"), alias=True)
    page_id = page.pk if hidden != "unknown" else page.pk + 1000

    response = detail(page_id)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_a_page_outside_every_site_is_not_found(detail):
    orphan_home = PAGE_FACTORIES[HomePage]()

    assert detail(orphan_home).status_code == 404


def test_the_tree_root_is_not_found(detail, home):
    assert detail(Page.get_first_root_node().pk).status_code == 404


def test_detail_queries_do_not_grow_with_people_and_partners(detail, home):
    cluster = page_in_site(ClusterPage, home=home)
    project = page_in_site(ProjectPage, home=home)

    def queries(page):
        with CaptureQueriesContext(connection) as captured:
            assert detail(page).status_code == 200
        return len(captured)

    for _ in range(2):
        ClusterSpeakerFactory(page=cluster)
        ProjectPartnerFactory(page=project)
    queries(cluster)  # content types and site root paths are cached from here on
    few = queries(cluster), queries(project)
    for _ in range(8):
        ClusterSpeakerFactory(page=cluster)
        ProjectPartnerFactory(page=project)
    many = queries(cluster), queries(project)

    assert few == many
