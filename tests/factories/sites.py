"""Sites and their frontend settings."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from hub.models import FrontendSettings
from tests.factories.pages import HomePageFactory

FRONTEND_BASE_URL = "https://www.chemienetzwerk-harz.example"


class SiteFactory(wagtail_factories.SiteFactory):
    """A site answering on the test client's host, rooted at a new home page."""

    hostname = "testserver"
    port = 80
    site_name = factory.Sequence(lambda n: f"ChemieNetzwerk Harz {n}")
    root_page = factory.SubFactory(HomePageFactory)


class FrontendSettingsFactory(DjangoModelFactory):
    site = factory.SubFactory(SiteFactory)
    base_url = FRONTEND_BASE_URL
    preview_url = f"{FRONTEND_BASE_URL}/api/preview"

    class Meta:
        model = FrontendSettings
