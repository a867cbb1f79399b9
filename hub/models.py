"""Site-wide settings of the hub."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from hub.members.models import (  # noqa: F401  (registers the member models)
    MemberInvitation,
    OrganisationMember,
    ProfileSubmission,
)
from hub.newsletter.models import (  # noqa: F401  (registers the newsletter models)
    Mailing,
    MailingDelivery,
    Subscriber,
    TestSend,
)


@register_setting(icon="desktop")
class FrontendSettings(BaseSiteSetting):
    """Where a site's decoupled frontend lives.

    The hub is headless: visitors who reach a page on the hub are sent to ``base_url``,
    and the admin's "view live" links point there too.
    """

    base_url = models.URLField(
        "frontend base URL",
        blank=True,
        help_text="Public address of this site's frontend, e.g. https://www.chemienetzwerk-harz.de",
    )
    preview_url = models.URLField(
        "frontend preview URL",
        blank=True,
        help_text="Frontend route that renders drafts for the admin's preview.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("base_url"), FieldPanel("preview_url")],
            heading="Frontend",
        )
    ]

    class Meta:
        verbose_name = "frontend"

    def __str__(self) -> str:
        return f"Frontend of {self.site}"


class TranslationPermissions(models.Model):
    """Holds permissions of the translation workflow that belong to no model.

    Without a table (``managed = False``); it exists so Django creates the permission rows
    and the group editor lists them.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("edit_source_content", "Can edit source-language content"),
        ]

    def __str__(self) -> str:
        return "Translation permissions"
