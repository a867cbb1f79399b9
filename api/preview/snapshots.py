"""Taking snapshots of previewed objects and rebuilding the objects from them."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import Locale, Site

from api.preview.models import PreviewSnapshot
from api.preview.tokens import token_max_age

# The id an object that is still being created has in its preview. Real ids start at 1, so
# queries for related rows by this id find nothing, as they would for an object without one.
NEW_OBJECT_ID = 0

PUBLICATION_DATE_FIELDS = ("first_published_at", "last_published_at")


class PreviewedObjectGone(Exception):
    """The object a snapshot was taken of has been deleted since."""


def delete_expired_snapshots(*, now: datetime.datetime | None = None) -> int:
    """Deletes the snapshots whose tokens have all expired; returns how many there were."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=token_max_age())
    deleted, _by_model = PreviewSnapshot.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def take_snapshot(obj: models.Model, *, site: Site, user=None) -> PreviewSnapshot:
    """A new snapshot of ``obj`` (a page or snippet with Wagtail's revision support) as it
    is in memory now, shown on ``site``'s frontend; expired snapshots go first.

    ``user`` is the member of staff who asked for the preview (anonymous users are not
    recorded).
    """
    delete_expired_snapshots()
    if obj.locale_id is None:
        # Wagtail's preview of a snippet's create view leaves the locale unset; the create
        # view itself saves new snippets in the default locale unless told otherwise.
        obj.locale = Locale.get_default()
    return PreviewSnapshot.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk) if obj.pk is not None else "",
        content=obj.serializable_data(),
        site=site,
        locale_id=obj.locale_id,
        created_by=user if user is not None and user.is_authenticated else None,
    )


def previewed_object(snapshot: PreviewSnapshot) -> models.Model:
    """The object as the snapshot recorded it, not saved anywhere.

    An existing object is rebuilt on its current row the way Wagtail restores a revision
    (``with_content_json``): its place in the page tree, its publication state and
    publication dates stay those of the live site. An object that was being created keeps
    the place the editor gave it and gets ``NEW_OBJECT_ID`` as id.

    Raises PreviewedObjectGone when the object was deleted after the snapshot.
    """
    model = snapshot.content_type.model_class()
    if model is None:
        raise PreviewedObjectGone
    if snapshot.is_new_object:
        obj = model.from_serializable_data(snapshot.content)
        # Pages have two names for the id (``id`` and the parent link ``page_ptr_id``);
        # both must be set, as Wagtail does when it restores a page revision.
        obj.id = obj.pk = NEW_OBJECT_ID
        return obj
    current = model.objects.filter(pk=snapshot.object_id).first()
    if current is None:
        raise PreviewedObjectGone
    obj = current.with_content_json(snapshot.content)
    # Publication dates belong to the live version, not to the draft; the snapshot's copy
    # would also have lost its microseconds to JSON.
    for name in PUBLICATION_DATE_FIELDS:
        if hasattr(current, name):
            setattr(obj, name, getattr(current, name))
    return obj
