"""The state of an object as the admin's preview showed it."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone


class PreviewSnapshot(models.Model):
    """A page or snippet as it was in the editor when staff clicked "Preview".

    ``content`` is the object's ``serializable_data()``, the format of Wagtail's
    revisions, so unsaved edits, drafts and old revisions are kept alike. ``object_id`` is
    empty for an object that is being created and has no row yet. The preview token names
    the snapshot by its random id; the snapshot itself holds nothing secret.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name="content type"
    )
    # Text, like the object_id of Wagtail's revisions, so any primary key fits.
    object_id = models.CharField("object id", max_length=255, blank=True)
    content = models.JSONField("content", encoder=DjangoJSONEncoder)
    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="site",
        help_text="The site whose frontend shows the preview.",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name="locale"
    )
    created_at = models.DateTimeField("created at", default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="created by",
    )

    class Meta:
        verbose_name = "preview snapshot"
        verbose_name_plural = "preview snapshots"

    def __str__(self) -> str:
        return f"Preview of {self.content_type.name} {self.object_id or '(new)'} ({self.pk})"

    @property
    def is_new_object(self) -> bool:
        """Whether the previewed object did not exist yet (Wagtail's create view)."""
        return not self.object_id
