from pages.models.base import BasePage, ListingFieldsMixin, SocialMetaMixin
from pages.models.cluster import (
    ClusterIndexPage,
    ClusterManagementContact,
    ClusterPage,
    ClusterSpeaker,
)
from pages.models.directory import DirectoryPage
from pages.models.documentation import DocumentationItemPage, DocumentSeriesPage
from pages.models.event import EventFormat, EventIndexPage, EventPage
from pages.models.home import HomePage
from pages.models.network import NetworkPage
from pages.models.news import NewsIndexPage, NewsPage
from pages.models.newsletter import NewsletterFrequency, NewsletterIssuePage, NewsletterSeriesPage
from pages.models.project import ProjectIndexPage, ProjectPage, ProjectPartner, ProjectStatus
from pages.models.standard import StandardPage

__all__ = [
    "BasePage",
    "ClusterIndexPage",
    "ClusterManagementContact",
    "ClusterPage",
    "ClusterSpeaker",
    "DirectoryPage",
    "DocumentSeriesPage",
    "DocumentationItemPage",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "ListingFieldsMixin",
    "NetworkPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterFrequency",
    "NewsletterIssuePage",
    "NewsletterSeriesPage",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectStatus",
    "SocialMetaMixin",
    "StandardPage",
]
