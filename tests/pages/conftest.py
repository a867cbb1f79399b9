"""Fixtures of the page tests: a tree with one page of every type, and sites with frontends."""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from pages.models import HomePage
from tests.factories import PAGE_FACTORIES, FrontendSettingsFactory, SiteFactory, root_page
from tests.factories.sites import FRONTEND_BASE_URL


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches site root paths; a site rolled back with a test must not linger."""
    cache.clear()


@pytest.fixture(scope="module")
def page_tree(django_db_setup, django_db_blocker) -> dict[type[Page], Page]:
    """One live page of every type (and the tree root), keyed by page class.

    Built once per module in a transaction that is rolled back afterwards; each test runs
    in a savepoint within it. The index pages that allow one per parent hang under a second
    home page, so that the home page in the result can still take one of each.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_page_tree()
        transaction.set_rollback(True)


# Where the page of each type goes: under the first home page, under the second one (the
# index pages) or under the page of another type.
TREE_LAYOUT = {
    "NetworkPage": "home",
    "ClusterPage": "home",
    "ProjectPage": "home",
    "NewsletterSeriesPage": "home",
    "NewsletterIssuePage": "NewsletterSeriesPage",
    "DocumentSeriesPage": "home",
    "DocumentationItemPage": "DocumentSeriesPage",
    "StandardPage": "home",
    "DirectoryPage": "NetworkPage",
    "ClusterIndexPage": "index_home",
    "ProjectIndexPage": "index_home",
    "EventIndexPage": "index_home",
    "EventPage": "EventIndexPage",
    "NewsIndexPage": "index_home",
    "NewsPage": "NewsIndexPage",
}


def build_page_tree() -> dict[type[Page], Page]:
    homes = {"home": PAGE_FACTORIES[HomePage](), "index_home": PAGE_FACTORIES[HomePage]()}
    tree: dict[type[Page], Page] = {Page: root_page(), HomePage: homes["home"]}
    for model_name, parent in TREE_LAYOUT.items():
        model = apps.get_model("pages", model_name)
        parent_page = homes[parent] if parent in homes else tree[apps.get_model("pages", parent)]
        tree[model] = PAGE_FACTORIES[model](parent=parent_page)
    return tree


@pytest.fixture
def frontend_site(db):
    """A site on the test client's host whose frontend is at ``FRONTEND_BASE_URL``.

    The base URL is stored with a trailing slash, as editors type it.
    """
    return FrontendSettingsFactory(base_url=f"{FRONTEND_BASE_URL}/").site


@pytest.fixture
def hub_only_site(db):
    """A site on the test client's host without a frontend."""
    return SiteFactory()
