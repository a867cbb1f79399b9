"""``manage.py load_demo`` builds the four demo sites once and leaves them alone afterwards."""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.db.models import Max
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from hub.demo.content import metropolregion, taxonomy
from hub.models import FrontendSettings
from pages.models import (
    ClusterPage,
    DocumentationItemPage,
    HomePage,
    NetworkPage,
    NewsletterIssuePage,
    ProjectPage,
)
from snippets.models import Funding, Membership, Organisation, Person, Quote, SiteOffer, Topic
from tests.hub.demo_loading import DEMO_HOSTNAMES, demo_loaded, run_load_demo

SNIPPET_MODELS = [Topic, Organisation, Membership, Person, Funding, Quote, SiteOffer]

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Demo:
    output: str
    media_root: Path


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Demo:
    """The demo loaded once for the whole module, rolled back when the module is done."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with demo_loaded(django_db_blocker, media_root) as output:
        yield Demo(output, media_root)


def _site(hostname: str) -> Site:
    return Site.objects.get(hostname=hostname)


def _snapshot() -> dict:
    """Everything a repeated load could add to or touch."""
    pages = Page.objects.order_by("pk")
    organisations = Organisation.objects.order_by("pk")
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in [
                Page,
                Revision,
                get_image_model(),
                get_document_model(),
                Collection,
                Site,
                FrontendSettings,
                get_user_model(),
                *SNIPPET_MODELS,
            ]
        },
        "max_revision_id": Revision.objects.aggregate(Max("pk"))["pk__max"],
        "pages": list(
            pages.values_list("pk", "latest_revision_id", "last_published_at", "url_path")
        ),
        "organisations": list(
            organisations.values_list("pk", "latest_revision_id", "last_published_at")
        ),
    }


def test_builds_four_sites_with_home_pages_and_frontends(demo):
    sites = Site.objects.filter(hostname__in=DEMO_HOSTNAMES)
    assert {site.hostname for site in sites} == DEMO_HOSTNAMES
    assert [site.port for site in sites] == [8000] * 4
    assert Site.objects.filter(is_default_site=True).count() == 1
    assert not Page.objects.filter(slug="home", depth=2).exists(), "Wagtail's welcome page"
    for site in sites:
        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert home.locale.language_code == "de"
        assert home.organisation is not None
        assert home.hero_image is not None
        frontend = FrontendSettings.objects.get(site=site)
        assert frontend.base_url == f"http://{site.hostname}:3000"
        assert frontend.preview_url == f"http://{site.hostname}:3000/_preview"


def test_all_pages_and_organisations_are_published(demo):
    demo_pages = Page.objects.filter(depth__gte=2)
    assert demo_pages.count() >= 40
    assert not demo_pages.filter(live=False).exists()
    assert not demo_pages.filter(has_unpublished_changes=True).exists()
    assert not demo_pages.filter(live_revision__isnull=True).exists()
    assert not Organisation.objects.filter(live=False).exists()
    assert not Organisation.objects.filter(live_revision__isnull=True).exists()


def test_chemienetzwerk_member_mix(demo):
    network = NetworkPage.objects.descendant_of(
        _site("chemienetzwerk-harz.localhost").root_page
    ).get()
    memberships = Membership.objects.filter(group=network, organisation__locale=network.locale)
    kinds = Counter(memberships.values_list("organisation__kind", flat=True))
    expected = {"company": 14, "logistics": 2, "university": 2, "development_agency": 1}
    assert kinds == expected
    assert network.member_counts_by_kind() == expected
    assert network.organisation.legal_name == "ChemieNetzwerk Harz e.V."
    assert sorted(funding.amount for funding in network.fundings.all()) == [
        Decimal("45000.00"),
        Decimal("140117.60"),
        Decimal("194300.00"),
    ]


def test_zukunftscluster_has_speakers_newsletter_and_documentation(demo):
    home = _site("cluster-chemie-kunststoffe.localhost").root_page
    cluster = ClusterPage.objects.descendant_of(home).get()
    speakers = [(s.person.full_name, s.role) for s in cluster.speakers.all()]
    assert speakers == [
        ("Dr. Christoph Mühlhaus", "Sprecher"),
        ("Andreas Hiltermann", "Sprecher für Chemieparks & Feedstocks"),
        ("Wolfgang Blümel", "Sprecher für Chemie"),
        ("Dr. Reinhard Proske", "Sprecher für Kunststoffe"),
    ]
    assert [c.person.full_name for c in cluster.management_contacts.all()] == [
        "Dr. habil. Gunthard Bratzke",
        "Andreas Dockhorn",
    ]
    assert cluster.management_organisation.city == "Halle (Saale)"
    assert len(cluster.fields_of_action) == 5

    issues = NewsletterIssuePage.objects.descendant_of(home)
    assert issues.count() >= 2
    for issue in issues:
        pdf = demo.media_root / issue.pdf_edition.file.name
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert len(issue.articles) >= 1

    items = DocumentationItemPage.objects.descendant_of(home)
    assert items.count() >= 2
    assert all(item.documents and item.related_event for item in items)


def test_project_is_funded_under_01mi2001(demo):
    project = ProjectPage.objects.descendant_of(
        _site("recycling-region-harz.localhost").root_page
    ).get()
    funding = project.fundings.get()
    assert funding.reference_number == "01MI2001"
    assert funding.funder == "Bundesministerium für Bildung und Forschung"
    assert funding.programme == "Innovationsforen Mittelstand"
    assert funding.amount is None
    assert project.partners.count() >= 2


def test_site_offers_have_coordinates(demo):
    offers = SiteOffer.objects.all()
    assert offers.count() >= 3
    assert {offer.kind for offer in offers} == {"plot", "hall"}
    for offer in offers:
        assert 47 < offer.latitude < 55
        assert 5 < offer.longitude < 16
        assert offer.area_m2 > 0


def test_output_reports_progress_and_where_to_log_in(demo):
    assert "[1/6] Sectors and topics" in demo.output
    assert "[6/6] Administrator: created superuser 'admin'" in demo.output
    assert "created with the password" in demo.output
    assert f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/" in demo.output
    for hostname in DEMO_HOSTNAMES:
        assert f"http://{hostname}:3000" in demo.output


def test_second_run_changes_nothing(demo):
    before = _snapshot()
    output = run_load_demo()
    assert _snapshot() == before
    assert "nothing new" in output
    assert "created with the password" not in output


def test_failed_load_leaves_no_trace(demo, monkeypatch, settings):
    def broken_build(builder):
        builder.image("Bild eines abgebrochenen Ladevorgangs")
        raise ValidationError({"title": "Dieser Titel ist ungültig."})

    monkeypatch.setitem(taxonomy.TOPICS, "testthema", ("Testthema", ""))
    monkeypatch.setattr(metropolregion, "build", broken_build)
    before = _snapshot()

    with pytest.raises(CommandError, match="nothing was loaded"):
        run_load_demo()

    assert _snapshot() == before
    assert not Topic.objects.filter(slug="testthema").exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))


def test_superuser_from_environment(demo, monkeypatch):
    get_user_model().objects.all().delete()
    monkeypatch.setenv("HUB_ADMIN_USERNAME", "redaktion")
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", "ein-langes-Passwort-2027")
    monkeypatch.setenv("HUB_ADMIN_EMAIL", "redaktion@example.org")

    output = run_load_demo(verbosity=0)

    user = get_user_model().objects.get(is_superuser=True)
    assert (user.username, user.email) == ("redaktion", "redaktion@example.org")
    assert user.check_password("ein-langes-Passwort-2027")
    assert output == ""
