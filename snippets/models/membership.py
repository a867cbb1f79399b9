from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from snippets.choices import MembershipRole

# Page types that organisations can belong to (model names in the "pages" app).
GROUP_PAGE_MODELS = ["networkpage", "clusterpage", "projectpage"]
GROUP_PAGE_TYPES = ["pages.NetworkPage", "pages.ClusterPage", "pages.ProjectPage"]


def group_page_choices() -> models.Q:
    """Limit membership groups to network, cluster and project pages."""
    return models.Q(content_type__app_label="pages", content_type__model__in=GROUP_PAGE_MODELS)


class Membership(Orderable):
    """An organisation's role in a network, cluster or project (the "group" page)."""

    organisation = ParentalKey(
        "snippets.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="organisation",
    )
    group = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="memberships",
        limit_choices_to=group_page_choices,
        verbose_name="network, cluster or project",
    )
    role = models.CharField(
        "role", max_length=20, choices=MembershipRole, default=MembershipRole.MEMBER
    )
    since = models.DateField("member since", null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = "membership"
        verbose_name_plural = "memberships"

    def __str__(self) -> str:
        group = self.group.title if self.group_id else "?"
        organisation = self.organisation.name if self.organisation_id else "?"
        return f"{organisation} in {group} ({self.get_role_display()})"
