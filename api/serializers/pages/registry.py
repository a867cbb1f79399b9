"""The page types of the API: one stable identifier per page model.

The identifier is the snake case of the model name without its ``Page`` suffix::

    >>> page_type_name(NewsletterIssuePage)
    'newsletter_issue'
    >>> page_model_for_type("cluster_index")
    <class 'pages.models.cluster.ClusterIndexPage'>

It is the ``type`` of every page payload and the value of the ``type=`` filter. Frontends
switch on it, so renaming a page model must not change it: the mapping is spelt out here
rather than derived at run time.
"""

from wagtail.models import Page

from pages.models import (
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

# In the order of docs/content-model.md; the schema lists the types in this order.
PAGE_TYPE_NAMES: dict[type[Page], str] = {
    HomePage: "home",
    NetworkPage: "network",
    ClusterIndexPage: "cluster_index",
    ClusterPage: "cluster",
    ProjectIndexPage: "project_index",
    ProjectPage: "project",
    NewsletterSeriesPage: "newsletter_series",
    NewsletterIssuePage: "newsletter_issue",
    DocumentSeriesPage: "document_series",
    DocumentationItemPage: "documentation_item",
    EventIndexPage: "event_index",
    EventPage: "event",
    NewsIndexPage: "news_index",
    NewsPage: "news",
    StandardPage: "standard",
    DirectoryPage: "directory",
}

PAGE_MODELS_BY_TYPE: dict[str, type[Page]] = {
    name: model for model, name in PAGE_TYPE_NAMES.items()
}

# Choices of the ``type`` field and filter: identifier and the model's verbose name.
PAGE_TYPE_CHOICES: list[tuple[str, str]] = [
    (name, str(model._meta.verbose_name)) for model, name in PAGE_TYPE_NAMES.items()
]


def page_type_name(model_or_instance: type[Page] | Page) -> str:
    """The API type of a page model or page (``"news"`` for ``NewsPage``).

    A plain ``Page`` instance is looked up by its content type, so callers need not fetch
    the specific page first. Raises LookupError for models that the API does not serve
    (the tree root, models of other apps).
    """
    if isinstance(model_or_instance, Page):
        model = model_or_instance.specific_class
    else:
        model = model_or_instance
    try:
        return PAGE_TYPE_NAMES[model]
    except KeyError:
        raise LookupError(f"{model!r} is not a page type of the API.") from None


def page_model_for_type(name: str) -> type[Page]:
    """The page model of an API type name; LookupError for unknown names."""
    try:
        return PAGE_MODELS_BY_TYPE[name]
    except KeyError:
        raise LookupError(f"{name!r} is not a page type of the API.") from None
