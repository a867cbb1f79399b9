"""Organisation-scoped API tokens for member portals and integrations."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class OrganisationTokenQuerySet(models.QuerySet):
    def usable(self, *, now=None):
        """Not revoked and not expired (the holder's access is checked on use)."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class OrganisationToken(models.Model):
    """A bearer token that acts for ``user`` on one organisation's profile.

    The plain token (``chm_`` followed by 43 random characters) is shown once, when it is
    created; only a keyed SHA-256 digest is stored, and ``prefix`` (its first 12
    characters) identifies it in lists and logs. A token is worth no more than its user's
    access: it stops working when it expires or is revoked, when the user is deactivated,
    and when the user loses their access to the organisation.
    """

    organisation = models.ForeignKey(
        "snippets.Organisation",
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name="organisation",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_tokens",
        verbose_name="acts for",
        help_text="The token has this account's access to the organisation, never more.",
    )
    name = models.CharField(
        "name", max_length=100, help_text="What the token is for, e.g. “Member portal”."
    )
    prefix = models.CharField("token", max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("created", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="created by",
    )
    expires_at = models.DateTimeField("expires")
    revoked_at = models.DateTimeField("revoked", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="revoked by",
    )
    last_used_at = models.DateTimeField("last used", null=True, blank=True)

    objects = OrganisationTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "organisation API token"
        verbose_name_plural = "organisation API tokens"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
