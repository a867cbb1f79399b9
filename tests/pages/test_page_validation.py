"""Cross-field rules of the page models (``clean()``) and of the body blocks."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.blocks import (
    CallToActionBlock,
    FieldOfActionBlock,
    LinkBlock,
    NewsletterArticleBlock,
    OrganisationsBlock,
    PeopleBlock,
    QuoteBlock,
)
from pages.models import NewsletterFrequency, NewsletterIssuePage
from tests.factories import (
    ClusterPageFactory,
    DirectoryPageFactory,
    DocumentationItemPageFactory,
    EventPageFactory,
    HomePageFactory,
    NetworkPageFactory,
    NewsletterIssuePageFactory,
    NewsletterSeriesPageFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectPageFactory,
    StandardPageFactory,
)
from tests.factories.validation import invalid_fields, rule_cases, validation_errors

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 5, 14)
ONE_DAY = datetime.timedelta(days=1)


def berlin(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


PAGE_RULES = {
    ProjectPageFactory: {
        "ends-before-start": ({"start_date": DAY, "end_date": DAY - ONE_DAY}, {"end_date"}),
        "of-one-day": ({"start_date": DAY, "end_date": DAY}, set()),
        "open-ended": ({"start_date": DAY, "end_date": None}, set()),
    },
    EventPageFactory: {
        "ends-before-start": (
            {"start": berlin(2025, 5, 14, 10), "end": berlin(2025, 5, 14, 9)},
            {"end"},
        ),
        "over-two-days": ({"start": berlin(2025, 5, 14, 10), "end": berlin(2025, 5, 15, 9)}, set()),
        "deadline-after-start": (
            {"start": berlin(2025, 5, 14, 10), "registration_deadline": datetime.date(2025, 5, 15)},
            {"registration_deadline"},
        ),
        # Compared with the local date: 00:30 in Berlin is still the day before in UTC.
        "deadline-on-local-start-date": (
            {
                "start": berlin(2025, 5, 14, 0, 30),
                "registration_deadline": datetime.date(2025, 5, 14),
            },
            set(),
        ),
    },
    DocumentationItemPageFactory: {
        "ends-before-start": (
            {"event_date": DAY, "event_end_date": DAY - ONE_DAY},
            {"event_end_date"},
        ),
        "over-two-days": ({"event_date": DAY, "event_end_date": DAY + ONE_DAY}, set()),
    },
    NewsletterIssuePageFactory: {
        "quarter-matches-date": ({"quarter": 2, "publication_date": DAY}, set()),
        "quarter-contradicts-date": ({"quarter": 3, "publication_date": DAY}, {"quarter"}),
        "quarter-without-date": ({"quarter": 4, "publication_date": None}, set()),
    },
}


@pytest.mark.parametrize(("page_factory", "changes", "expected"), rule_cases(PAGE_RULES))
def test_page_clean_rules(page_factory, changes, expected):
    assert invalid_fields(page_factory, **changes) == expected


def test_quarter_is_refused_for_a_series_that_is_not_quarterly():
    series = NewsletterSeriesPageFactory(frequency=NewsletterFrequency.MONTHLY)
    issue = NewsletterIssuePageFactory(parent=series)
    issue.quarter, issue.publication_date = 2, DAY

    assert set(validation_errors(issue)) == {"quarter"}


class TestNewsletterIssueNumbers:
    @pytest.fixture
    def series(self):
        series = NewsletterSeriesPageFactory()
        NewsletterIssuePageFactory(parent=series, year=2024, issue_number=2)
        return series

    def test_a_sibling_with_the_same_year_and_number_is_refused(self, series):
        issue = NewsletterIssuePageFactory(parent=series, year=2024, issue_number=3)
        issue.issue_number = 2

        errors = validation_errors(issue)

        assert set(errors) == {"issue_number"}
        assert "2/2024" in errors["issue_number"][0]

    @pytest.mark.parametrize(
        ("year", "issue_number"),
        [pytest.param(2024, 3, id="other-number"), pytest.param(2025, 2, id="other-year")],
    )
    def test_another_number_or_year_is_accepted(self, series, year, issue_number):
        issue = NewsletterIssuePageFactory(parent=series, year=year, issue_number=issue_number)

        assert validation_errors(issue) == {}

    def test_the_same_number_in_another_series_is_accepted(self, series):
        issue = NewsletterIssuePageFactory(year=2024, issue_number=2)

        assert issue.get_parent().pk != series.pk
        assert validation_errors(issue) == {}

    def test_the_admin_refuses_a_new_issue_that_repeats_a_number(self, series, admin_client):
        # A page being created has no parent in the tree yet; the admin form hands it over.
        url = reverse("wagtailadmin_pages:add", args=["pages", "newsletterissuepage", series.pk])
        data = nested_form_data(
            {
                "title": "CKnews 2/2024",
                "slug": "cknews-2-2024",
                "issue_number": 2,
                "year": 2024,
                "editorial": rich_text(""),
                "articles": streamfield([]),
            }
        )

        response = admin_client.post(url, data)

        assert response.status_code == 200
        assert set(response.context["form"].errors) == {"issue_number"}
        assert not NewsletterIssuePage.objects.filter(slug="cknews-2-2024").exists()


@pytest.mark.parametrize(
    ("group_factory", "expected"),
    [
        pytest.param(NetworkPageFactory, set(), id="network"),
        pytest.param(ClusterPageFactory, set(), id="cluster"),
        pytest.param(ProjectPageFactory, set(), id="project"),
        pytest.param(StandardPageFactory, {"group"}, id="standard-page"),
    ],
)
def test_directory_lists_only_networks_clusters_and_projects(group_factory, expected):
    assert invalid_fields(DirectoryPageFactory, group=group_factory()) == expected


def block_errors(block, value, *, deferred: bool = False) -> dict:
    """Errors of ``block.clean()`` by child name; list errors become the failing indexes."""
    clean = block.clean_deferred if deferred else block.clean
    try:
        clean(block.normalize(value))
    except StructBlockValidationError as error:
        return {
            name: set(child.block_errors) if isinstance(child, ListBlockValidationError) else True
            for name, child in error.block_errors.items()
        }
    return {}


CTA = {"title": "Mitglied werden", "text": "", "label": "Mehr erfahren"}
URL = "https://www.example.org/mitglied-werden"
ARTICLE = {
    "headline": "Rohstoffregion Harz",
    "teaser": "Sekundärrohstoffe im Harz.",
    "body": "<p>Text</p>",
    "related_link": {"page": None, "url": "", "label": ""},
}


def measures(*titles: str) -> dict:
    return {
        "title": "Innovation",
        "summary": "Gemeinsam Neues entwickeln.",
        "measures": [{"title": title, "description": ""} for title in titles],
    }


@pytest.mark.parametrize(
    ("block", "value", "expected"),
    [
        pytest.param(
            CallToActionBlock(),
            {**CTA, "url": URL, "page": "home"},
            {"page": True, "url": True},
            id="cta-page-and-url",
        ),
        pytest.param(
            CallToActionBlock(), {**CTA, "url": "", "page": None}, {"page": True}, id="cta-neither"
        ),
        pytest.param(CallToActionBlock(), {**CTA, "url": URL, "page": None}, {}, id="cta-url"),
        pytest.param(CallToActionBlock(), {**CTA, "url": "", "page": "home"}, {}, id="cta-page"),
        pytest.param(
            LinkBlock(),
            {"page": "home", "url": URL, "label": ""},
            {"page": True, "url": True},
            id="link-page-and-url",
        ),
        pytest.param(
            LinkBlock(),
            {"page": None, "url": "", "label": "Mehr"},
            {"url": True},
            id="link-label-only",
        ),
        pytest.param(LinkBlock(), {"page": None, "url": "", "label": ""}, {}, id="link-empty"),
        pytest.param(
            QuoteBlock(),
            {"text": "Zitat", "attribution": "", "role": "Sprecher"},
            {"attribution": True},
            id="quote-role-without-name",
        ),
        pytest.param(
            QuoteBlock(),
            {"text": "Zitat", "attribution": "Dr. M.", "role": "Sprecher"},
            {},
            id="quote-role-with-name",
        ),
        pytest.param(
            NewsletterArticleBlock(),
            {**ARTICLE, "author": "person", "author_name": "Redaktion"},
            {"author": True, "author_name": True},
            id="article-two-authors",
        ),
        pytest.param(
            NewsletterArticleBlock(),
            {**ARTICLE, "author": "person", "author_name": ""},
            {},
            id="article-one-author",
        ),
        pytest.param(
            FieldOfActionBlock(),
            measures("Roadmap", "Preis", " roadmap"),
            {"measures": {2}},
            id="field-of-action-repeated-measure",
        ),
        pytest.param(
            FieldOfActionBlock(),
            measures("Roadmap", "Preis"),
            {},
            id="field-of-action-distinct-measures",
        ),
        pytest.param(
            PeopleBlock(),
            {"heading": "", "people": ["person", "person"]},
            {"people": {1}},
            id="people-repeated",
        ),
        pytest.param(
            OrganisationsBlock(),
            {"heading": "", "organisations": ["organisation", "other", "organisation"]},
            {"organisations": {2}},
            id="organisations-repeated",
        ),
    ],
)
def test_block_clean_rules(block, value, expected):
    # Chooser values are named in the parameters and created here, inside the test database.
    makers = {
        "home": HomePageFactory,
        "person": PersonFactory,
        "organisation": OrganisationFactory,
        "other": OrganisationFactory,
    }
    chosen = {}

    def resolve(item):
        if isinstance(item, dict):
            return {key: resolve(child) for key, child in item.items()}
        if isinstance(item, list):
            return [resolve(child) for child in item]
        if isinstance(item, str) and item in makers:
            if item not in chosen:
                chosen[item] = makers[item]()
            return chosen[item]
        return item

    assert block_errors(block, resolve(value)) == expected


def test_call_to_action_without_a_target_can_be_saved_as_a_draft():
    block = CallToActionBlock()
    value = {**CTA, "url": "", "page": None}

    assert block_errors(block, value, deferred=True) == {}
    assert block_errors(block, value) == {"page": True}
