"""One factory per page type; each builds its natural parents unless ``parent`` is given.

``NewsPageFactory()`` therefore creates a home page, a news index and the news item. Pass
``parent=...`` to place several pages in one tree.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page

from pages.models import (
    ClusterIndexPage,
    ClusterManagementContact,
    ClusterPage,
    ClusterSpeaker,
    DirectoryPage,
    DocumentationItemPage,
    DocumentSeriesPage,
    EventFormat,
    EventIndexPage,
    EventPage,
    HomePage,
    NetworkPage,
    NewsIndexPage,
    NewsletterFrequency,
    NewsletterIssuePage,
    NewsletterSeriesPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    StandardPage,
)
from tests.factories.snippets import OrganisationFactory, PersonFactory, locale


def root_page() -> Page:
    return Page.get_first_root_node()


class BasePageFactory(wagtail_factories.PageFactory):
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True


def page_factory(model: type[Page], title: str, *, parent, **declarations) -> type[BasePageFactory]:
    """A factory for ``model`` whose pages are titled ``title`` with a running number."""
    return type(BasePageFactory)(
        f"{model.__name__}Factory",
        (BasePageFactory,),
        {
            "__module__": __name__,
            "Meta": type("Meta", (), {"model": model}),
            "title": factory.Sequence(lambda n: f"{title} {n}"),
            "parent": parent,
            **declarations,
        },
    )


HomePageFactory = page_factory(
    HomePage,
    "ChemieNetzwerk Harz",
    parent=factory.LazyFunction(root_page),
    tagline="Zukunft - natürlich innovativ",
)
NetworkPageFactory = page_factory(
    NetworkPage,
    "Das Netzwerk",
    parent=factory.SubFactory(HomePageFactory),
    founded=datetime.date(2016, 8, 1),
)
ClusterIndexPageFactory = page_factory(
    ClusterIndexPage, "Cluster", parent=factory.SubFactory(HomePageFactory)
)
ClusterPageFactory = page_factory(
    ClusterPage,
    "Chemie/Kunststoffe Mitteldeutschland",
    parent=factory.SubFactory(ClusterIndexPageFactory),
    vision="Mitteldeutschland wird Modellregion der Kreislaufwirtschaft.",
)
ProjectIndexPageFactory = page_factory(
    ProjectIndexPage, "Projekte", parent=factory.SubFactory(HomePageFactory)
)
ProjectPageFactory = page_factory(
    ProjectPage,
    "Innovationsforum Recycling Region Harz",
    parent=factory.SubFactory(ProjectIndexPageFactory),
    start_date=datetime.date(2020, 9, 1),
    end_date=datetime.date(2021, 8, 31),
)
NewsletterSeriesPageFactory = page_factory(
    NewsletterSeriesPage,
    "CKnews",
    parent=factory.SubFactory(HomePageFactory),
    short_name="CKnews",
    frequency=NewsletterFrequency.QUARTERLY,
)
NewsletterIssuePageFactory = page_factory(
    NewsletterIssuePage,
    "CKnews Ausgabe",
    parent=factory.SubFactory(NewsletterSeriesPageFactory),
    issue_number=factory.Sequence(lambda n: n + 1),
    year=2024,
    theme="Kreislaufwirtschaft",
)
DocumentSeriesPageFactory = page_factory(
    DocumentSeriesPage,
    "CKreihe",
    parent=factory.SubFactory(HomePageFactory),
    short_name="CKreihe",
)
DocumentationItemPageFactory = page_factory(
    DocumentationItemPage,
    "Dokumentation Forum",
    parent=factory.SubFactory(DocumentSeriesPageFactory),
    event_date=datetime.date(2023, 11, 8),
    venue="Kulturhaus Leuna",
    city="Leuna",
)
EventIndexPageFactory = page_factory(
    EventIndexPage, "Termine", parent=factory.SubFactory(HomePageFactory)
)
EventPageFactory = page_factory(
    EventPage,
    "FORUM Chemie",
    parent=factory.SubFactory(EventIndexPageFactory),
    start=factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2025, 5, 14, 10))),
    format=EventFormat.FORUM,
    city="Goslar",
)
NewsIndexPageFactory = page_factory(
    NewsIndexPage, "Aktuelles", parent=factory.SubFactory(HomePageFactory)
)
NewsPageFactory = page_factory(
    NewsPage,
    "Neues Mitglied",
    parent=factory.SubFactory(NewsIndexPageFactory),
    date=datetime.date(2024, 3, 1),
)
StandardPageFactory = page_factory(
    StandardPage, "Über uns", parent=factory.SubFactory(HomePageFactory)
)
# A Clusteratlas listing the members of the network it sits under.
DirectoryPageFactory = page_factory(
    DirectoryPage,
    "Clusteratlas",
    parent=factory.SubFactory(NetworkPageFactory),
    group=factory.SelfAttribute("parent"),
)


class ClusterSpeakerFactory(DjangoModelFactory):
    page = factory.SubFactory(ClusterPageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Sprecher für Chemie"
    locale = factory.SelfAttribute("page.locale")

    class Meta:
        model = ClusterSpeaker


class ClusterManagementContactFactory(ClusterSpeakerFactory):
    role = "Clustermanager"

    class Meta:
        model = ClusterManagementContact


class ProjectPartnerFactory(DjangoModelFactory):
    page = factory.SubFactory(ProjectPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Verbundpartner"
    locale = factory.SelfAttribute("page.locale")

    class Meta:
        model = ProjectPartner


# Every creatable page type with its factory, for tests that cover all of them.
PAGE_FACTORIES = {
    factory_class._meta.model: factory_class
    for factory_class in (
        HomePageFactory,
        NetworkPageFactory,
        ClusterIndexPageFactory,
        ClusterPageFactory,
        ProjectIndexPageFactory,
        ProjectPageFactory,
        NewsletterSeriesPageFactory,
        NewsletterIssuePageFactory,
        DocumentSeriesPageFactory,
        DocumentationItemPageFactory,
        EventIndexPageFactory,
        EventPageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
        StandardPageFactory,
        DirectoryPageFactory,
    )
}


# The page type that each page type is placed under by ``page_in_site``.
NATURAL_PARENTS: dict[type[Page], type[Page]] = {
    NetworkPage: HomePage,
    ClusterIndexPage: HomePage,
    ClusterPage: ClusterIndexPage,
    ProjectIndexPage: HomePage,
    ProjectPage: ProjectIndexPage,
    NewsletterSeriesPage: HomePage,
    NewsletterIssuePage: NewsletterSeriesPage,
    DocumentSeriesPage: HomePage,
    DocumentationItemPage: DocumentSeriesPage,
    EventIndexPage: HomePage,
    EventPage: EventIndexPage,
    NewsIndexPage: HomePage,
    NewsPage: NewsIndexPage,
    StandardPage: HomePage,
    DirectoryPage: NetworkPage,
}


def page_in_site(model: type[Page], *, home: HomePage, **declarations) -> Page:
    """A live page of ``model`` below ``home`` (e.g. a site's root), with new parents of
    the types it needs in between: ``page_in_site(EventPage, home=home)`` also makes an
    event index. ``home`` itself stands for HomePage."""
    if model is HomePage:
        return home
    parent_model = NATURAL_PARENTS[model]
    parent = home if parent_model is HomePage else page_in_site(parent_model, home=home)
    return PAGE_FACTORIES[model](parent=parent, **declarations)


def translate_page(page: Page, language_code: str = "en", *, publish: bool = True, **fields):
    """``page`` copied into ``language_code`` with ``fields`` changed (``title``, ``slug``,
    ...) and, unless ``publish`` is False, published.

    It is the copy that wagtail-localize makes before translators fill it in; untranslated
    parents are copied along (as drafts of the German text, like localize does).
    """
    translation = page.specific.copy_for_translation(locale(language_code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    if publish:
        translation.save_revision().publish()
        translation.refresh_from_db()
    return translation
