"""Every page type can be created where it belongs in the tree, and nowhere else."""

import pytest
from django.apps import apps
from django.contrib import messages
from django.urls import reverse
from wagtail.models import Page

from pages.models import (
    BasePage,
    ClusterIndexPage,
    ClusterPage,
    DirectoryPage,
    DocumentationItemPage,
    DocumentSeriesPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NetworkPage,
    NewsIndexPage,
    NewsletterIssuePage,
    NewsletterSeriesPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    StandardPage,
)
from tests.factories import PAGE_FACTORIES

pytestmark = pytest.mark.django_db

# Written out from the spec rather than read from the models, so a changed rule shows up here.
ALLOWED_PARENTS = {
    HomePage: {Page},
    NetworkPage: {HomePage},
    ClusterIndexPage: {HomePage},
    ClusterPage: {HomePage, ClusterIndexPage},
    ProjectIndexPage: {HomePage},
    ProjectPage: {HomePage, ProjectIndexPage},
    NewsletterSeriesPage: {HomePage},
    NewsletterIssuePage: {NewsletterSeriesPage},
    DocumentSeriesPage: {HomePage},
    DocumentationItemPage: {DocumentSeriesPage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage},
    StandardPage: {HomePage, NetworkPage, ClusterPage, ProjectPage, StandardPage},
    DirectoryPage: {HomePage, NetworkPage, ClusterPage},
}
ONE_PER_PARENT = [ClusterIndexPage, ProjectIndexPage, EventIndexPage, NewsIndexPage]
PAGE_TYPES = list(ALLOWED_PARENTS)


def add_url(model: type[Page], parent: Page) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def a_disallowed_parent_type(model: type[Page]) -> type[Page]:
    return HomePage if model is HomePage else Page


def test_every_page_type_is_covered():
    page_types = {model for model in apps.get_models() if issubclass(model, BasePage)}
    page_types.discard(BasePage)

    assert set(PAGE_TYPES) == page_types
    assert set(PAGE_FACTORIES) == page_types


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_can_be_created_only_under_its_parent_types(page_tree, model):
    creatable_under = {
        parent_type for parent_type, parent in page_tree.items() if model.can_create_at(parent)
    }

    assert creatable_under == ALLOWED_PARENTS[model]


def test_home_page_is_created_only_at_the_tree_root(page_tree):
    # Wagtail's first migration leaves such a page behind: "Welcome to your new Wagtail site!"
    plain_page = page_tree[Page].add_child(instance=Page(title="Willkommen", slug="willkommen"))

    assert not HomePage.can_create_at(plain_page)
    assert not page_tree[HomePage].can_move_to(plain_page)
    assert page_tree[HomePage].can_move_to(Page.get_first_root_node())


def test_base_page_cannot_be_created_anywhere(page_tree):
    assert BasePage.is_creatable is False
    assert not any(BasePage.can_create_at(parent) for parent in page_tree.values())


@pytest.mark.parametrize("model", ONE_PER_PARENT, ids=lambda model: model.__name__)
def test_index_page_is_limited_to_one_per_parent(model, admin_client):
    first = PAGE_FACTORIES[model]()
    home = first.get_parent()
    other_home = PAGE_FACTORIES[HomePage]()

    assert model.max_count_per_parent == 1
    assert not model.can_create_at(home)
    assert model.can_create_at(other_home)
    assert admin_client.get(add_url(model, home)).url == reverse("wagtailadmin_home")


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_admin_add_view_opens_for_an_allowed_parent(page_tree, model, admin_client):
    parent = page_tree[sorted(ALLOWED_PARENTS[model], key=lambda cls: cls.__name__)[0]]

    response = admin_client.get(add_url(model, parent))

    assert response.status_code == 200
    assert response.context["page_class"] is model


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_admin_add_view_refuses_a_disallowed_parent(page_tree, model, admin_client):
    parent = page_tree[a_disallowed_parent_type(model)]

    response = admin_client.get(add_url(model, parent), follow=True)

    # Wagtail's admin turns the PermissionDenied into a redirect to the dashboard.
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert [message.level for message in response.context["messages"]] == [messages.ERROR]
