"""Publishing signals → webhook events.

=========================  ==============================================================
event                      sent when
=========================  ==============================================================
``page.published``         a page in the default locale (German) is published
``page.unpublished``       a live page is unpublished
``page.moved``             a live page moves in the tree (or among its siblings)
``page.deleted``           a live page is deleted (each deleted live page, children too)
``snippet.published``      an organisation is published; a person, funding, quote, site
                           offer or topic is saved (they have no drafts: saved is live)
``snippet.unpublished``    an organisation is unpublished; a snippet (or a live
                           organisation) is deleted
``translation.published``  a page or snippet in another locale (English) is published or,
                           for snippets without drafts, saved
=========================  ==============================================================

Aliases, drafts, private pages and pages outside every site produce nothing. The event is
worked out and queued when the transaction commits, so a publish that is rolled back sends
nothing and the payload sees the committed state. A deleted object is the exception: what
showed it is read just before its row goes, since the reference index forgets it with it.

Nothing here may disturb publishing: every receiver and every commit callback logs and
swallows its own errors.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from api.webhooks.dispatch import anyone_listening, dispatch_change
from api.webhooks.payloads import (
    SNIPPET_TYPE_NAMES,
    ObjectChange,
    page_change,
    snippet_change,
    snippet_type_name,
)

logger = logging.getLogger(__name__)

# url_paths of pages before their slug changed, by page id. Wagtail announces the change
# (page_slug_changed) in a commit callback that runs before the publish's own callback
# here, which takes the old path out again. Per thread: callbacks run in the thread that
# committed.
_slug_changes = threading.local()


def _never_raises(receiver: Callable) -> Callable:
    @functools.wraps(receiver)
    def guarded(*args, **kwargs):
        try:
            receiver(*args, **kwargs)
        except Exception:
            logger.exception("Webhook event of %s could not be prepared", receiver.__name__)

    return guarded


def send_after_commit(build: Callable[[], ObjectChange | None]) -> None:
    """Work out the change with ``build`` once the transaction commits, and dispatch it."""

    @_never_raises
    def on_commit():
        if anyone_listening():
            dispatch_change(build())

    transaction.on_commit(on_commit)


def send_prepared(change: ObjectChange | None) -> None:
    """Dispatch a change worked out already (deletions) once the transaction commits."""
    if change is not None:
        transaction.on_commit(_never_raises(functools.partial(dispatch_change, change)))


def _remember_old_url_path(page_id: int, url_path: str) -> None:
    if not hasattr(_slug_changes, "by_page"):
        _slug_changes.by_page = {}
    _slug_changes.by_page.setdefault(page_id, url_path)


def _take_old_url_path(page_id: int) -> str | None:
    return getattr(_slug_changes, "by_page", {}).pop(page_id, None)


# Pages


@_never_raises
def on_page_published(sender, instance, alias=False, **kwargs):
    if alias or instance.alias_of_id is not None:
        return
    page_id, occurred_at = instance.pk, timezone.now()
    send_after_commit(
        lambda: page_change(
            action="published",
            page_id=page_id,
            occurred_at=occurred_at,
            old_url_path=_take_old_url_path(page_id),
        )
    )


@_never_raises
def on_page_slug_changed(sender, instance, instance_before, **kwargs):
    # Only a path at which the page was live can be cached by a frontend.
    if instance_before.live:
        _remember_old_url_path(instance.pk, instance_before.url_path)


@_never_raises
def on_page_unpublished(sender, instance, **kwargs):
    if instance.alias_of_id is not None:
        return
    page_id, occurred_at = instance.pk, timezone.now()
    # A deleted page is unpublished on its way out; its row is gone at commit, so this
    # yields nothing and page.deleted speaks for it.
    send_after_commit(
        lambda: page_change(action="unpublished", page_id=page_id, occurred_at=occurred_at)
    )


@_never_raises
def on_page_moved(sender, instance, parent_page_before, url_path_before, **kwargs):
    page_id, occurred_at = instance.pk, timezone.now()
    old_parent_path = parent_page_before.path
    send_after_commit(
        lambda: page_change(
            action="moved",
            page_id=page_id,
            occurred_at=occurred_at,
            old_url_path=url_path_before,
            old_parent_path=old_parent_path,
        )
    )


@_never_raises
def on_page_deleting(sender, instance, **kwargs):
    if not anyone_listening():
        return
    send_prepared(page_change(action="deleted", page_id=instance.pk, occurred_at=timezone.now()))


# Snippets


def _fetch_snippet(model, pk):
    return model._default_manager.select_related("locale").filter(pk=pk).first()


def _snippet_later(action: str, instance) -> None:
    model, pk, occurred_at = type(instance), instance.pk, timezone.now()

    def build():
        snippet = _fetch_snippet(model, pk)
        if snippet is None:
            return None
        return snippet_change(action=action, snippet=snippet, occurred_at=occurred_at)

    send_after_commit(build)


@_never_raises
def on_published(sender, instance, **kwargs):
    """Wagtail's ``published`` signal: pages send it too, they have their own events."""
    if isinstance(instance, Page) or snippet_type_name(type(instance)) is None:
        return
    _snippet_later("published", instance)


@_never_raises
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, Page) or snippet_type_name(type(instance)) is None:
        return
    _snippet_later("unpublished", instance)


@_never_raises
def on_snippet_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _snippet_later("published", instance)


@_never_raises
def on_snippet_deleting(sender, instance, **kwargs):
    if not anyone_listening():
        return
    send_prepared(snippet_change(action="deleted", snippet=instance, occurred_at=timezone.now()))


def connect_signals() -> None:
    """Connect the receivers; called from ``ApiConfig.ready``."""
    page_published.connect(on_page_published, dispatch_uid="webhooks_page_published")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid="webhooks_page_slug_changed")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="webhooks_page_moved")
    # Deleting pages deletes Page rows (treebeard deletes a subtree through Page), so the
    # base class sees every deleted page once.
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="webhooks_page_deleting")
    published.connect(on_published, dispatch_uid="webhooks_published")
    unpublished.connect(on_unpublished, dispatch_uid="webhooks_unpublished")
    for label in SNIPPET_TYPE_NAMES:
        model = apps.get_model(label)
        if not issubclass(model, DraftStateMixin):
            post_save.connect(
                on_snippet_saved, sender=model, dispatch_uid=f"webhooks_saved_{label}"
            )
        pre_delete.connect(
            on_snippet_deleting, sender=model, dispatch_uid=f"webhooks_deleting_{label}"
        )
