"""The JSON body of each event, one per site::

    {
      "id": "0d6f5c1e-8a3b-4a51-9d55-3f1f0b6f2a77",
      "type": "page.published",
      "occurred_at": "2026-03-02T09:15:04.120394+00:00",
      "site": {"id": 1, "hostname": "chemienetzwerk-harz.localhost"},
      "object": {"kind": "page", "type": "newsletter_issue", "id": 42, "locale": "de",
                 "old_path": null, "new_path": "/cknews/cknews-2026-1/"},
      "affected_paths": ["/", "/cknews/", "/en/cknews/cknews-2026-1/"]
    }

``object.old_path`` is where the object was public before the event and no longer is (the
path before a move or a slug change, the path of an unpublished or deleted page);
``object.new_path`` is where it is public now. Each is null when it does not apply, and
both are null for snippets, which have no page of their own. ``affected_paths`` are the
other pages of the site that show the object (api/webhooks/affected.py), sorted, without
duplicates; for a move or a slug change they include the old and new paths of the pages
below it. Paths are frontend paths exactly as the API reports them.

Pages produce events for their own site only; a snippet belongs to no site, so every site
gets its own event with the pages of that site. A page in a locale other than the default
(German) one produces ``translation.published`` instead of ``page.published``; so does a
snippet in such a locale instead of ``snippet.published``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, Model
from wagtail.models import DraftStateMixin, Page, Site

from api.serializers.pages.registry import page_type_name
from api.webhooks.affected import (
    Location,
    default_language_code,
    live_descendants,
    location_of_url_path,
    locations_of,
    pages_showing_page,
    pages_showing_snippet,
    url_cache,
)
from api.webhooks.models import PING_EVENT, EventType
from pages.selectors import view_restrictions_covering

PAGE_KIND = "page"
SNIPPET_KIND = "snippet"

# The API's names of the snippet types that produce events (model label → name).
SNIPPET_TYPE_NAMES: dict[str, str] = {
    "snippets.Organisation": "organisation",
    "snippets.Person": "person",
    "snippets.Funding": "funding",
    "snippets.Quote": "quote",
    "snippets.SiteOffer": "site_offer",
    "snippets.Topic": "topic",
}


def snippet_type_name(model: type[Model]) -> str | None:
    """``"person"`` for Person; None for models that produce no events."""
    return SNIPPET_TYPE_NAMES.get(model._meta.label)


@dataclass
class ObjectChange:
    """What happened to one page or snippet, before it is split into per-site events."""

    event_type: str
    kind: str
    type_name: str
    object_id: int
    locale: str
    occurred_at: datetime
    old: Location | None = None
    new: Location | None = None
    affected: set[Location] = field(default_factory=set)
    # The sites to tell; None: every site (snippets).
    site_ids: set[int] | None = None


@dataclass(frozen=True)
class SiteEvent:
    """One site's message: what its endpoints receive."""

    event_type: str
    site_id: int
    payload: dict


def _published_type(*, locale_code: str, kind: str) -> str:
    if locale_code != default_language_code():
        return EventType.TRANSLATION_PUBLISHED
    return EventType.PAGE_PUBLISHED if kind == PAGE_KIND else EventType.SNIPPET_PUBLISHED


def _fetch_page(page_id: int) -> Page | None:
    """The page as a plain Page with its locale and whether it is private; one query."""
    return (
        Page.objects.filter(pk=page_id)
        .select_related("locale")
        .annotate(is_private=Exists(view_restrictions_covering()))
        .first()
    )


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def _moved_descendants(page: Page, *, old_url_path: str, cache_object) -> Iterable[Location]:
    """Old and new locations of the public pages below ``page`` after its url_path changed."""
    for descendant in live_descendants(page):
        for url_path in (
            descendant.url_path,
            old_url_path + descendant.url_path[len(page.url_path) :],
        ):
            location = location_of_url_path(url_path, cache_object=cache_object)
            if location is not None:
                yield location


def page_change(
    *,
    action: str,
    page_id: int,
    occurred_at: datetime,
    old_url_path: str | None = None,
    old_parent_path: str | None = None,
) -> ObjectChange | None:
    """The change ``action`` (``published``, ``unpublished``, ``moved`` or ``deleted``) made
    to the page, from the database's current state; None when no frontend can have shown
    or can show the page (drafts, private pages, aliases, pages outside every site).

    For ``deleted`` call it before the row goes. ``old_url_path`` is the page's url_path
    before a move or a slug change, ``old_parent_path`` the tree path of its parent before
    a move.
    """
    page = _fetch_page(page_id)
    if page is None or page.alias_of_id is not None or page.is_private:
        return None
    try:
        type_name = page_type_name(page)
    except LookupError:
        return None

    cache_object = url_cache()
    current = location_of_url_path(page.url_path, cache_object=cache_object)
    previous = (
        location_of_url_path(old_url_path, cache_object=cache_object)
        if old_url_path is not None
        else None
    )
    locale_code = page.locale.language_code

    if action == "published":
        if not page.live or current is None:
            return None
        event_type = _published_type(locale_code=locale_code, kind=PAGE_KIND)
        old, new = (previous if previous != current else None), current
    elif action == "moved":
        if not page.live or current is None:
            return None
        event_type, old, new = EventType.PAGE_MOVED, previous, current
    elif action in ("unpublished", "deleted"):
        # A page unpublished and published again before the commit is simply live.
        if action == "unpublished" and page.live:
            return None
        if action == "deleted" and not page.live:
            return None
        event_type = (
            EventType.PAGE_UNPUBLISHED if action == "unpublished" else EventType.PAGE_DELETED
        )
        old, new = current, None
        if old is None:
            return None
    else:
        raise ValueError(f"Unknown page action {action!r}.")

    parent_paths = {_parent_path(page)} | ({old_parent_path} if old_parent_path else set())
    affected = locations_of(
        pages_showing_page(page, parent_paths=parent_paths), cache_object=cache_object
    )
    if old_url_path is not None and old_url_path != page.url_path:
        affected.update(
            _moved_descendants(page, old_url_path=old_url_path, cache_object=cache_object)
        )

    return ObjectChange(
        event_type=event_type,
        kind=PAGE_KIND,
        type_name=type_name,
        object_id=page.pk,
        locale=locale_code,
        occurred_at=occurred_at,
        old=old,
        new=new,
        affected=affected,
        site_ids={location.site_id for location in (old, new) if location is not None},
    )


def snippet_change(*, action: str, snippet: Model, occurred_at: datetime) -> ObjectChange | None:
    """The change ``action`` (``published``, ``unpublished`` or ``deleted``) made to
    ``snippet``; None for a model without events, or when no frontend showed or shows it
    (a draft organisation). For ``deleted`` call it before the row goes."""
    type_name = snippet_type_name(type(snippet))
    if type_name is None:
        return None
    live = snippet.live if isinstance(snippet, DraftStateMixin) else True
    locale_code = snippet.locale.language_code
    if action == "published":
        if not live:
            return None
        event_type = _published_type(locale_code=locale_code, kind=SNIPPET_KIND)
    elif action in ("unpublished", "deleted"):
        # Unpublished and published again before the commit: simply live.
        if action == "unpublished" and live:
            return None
        # Deleted while a draft: no frontend ever showed it.
        if action == "deleted" and not live:
            return None
        event_type = EventType.SNIPPET_UNPUBLISHED
    else:
        raise ValueError(f"Unknown snippet action {action!r}.")
    return ObjectChange(
        event_type=event_type,
        kind=SNIPPET_KIND,
        type_name=type_name,
        object_id=snippet.pk,
        locale=locale_code,
        occurred_at=occurred_at,
        affected=locations_of(pages_showing_snippet(snippet), cache_object=url_cache()),
    )


def _path_on(location: Location | None, site_id: int) -> str | None:
    return location.path if location is not None and location.site_id == site_id else None


def site_events(change: ObjectChange) -> list[SiteEvent]:
    """The per-site messages of ``change``, each with its own event id; one query."""
    hostnames = dict(Site.objects.order_by("pk").values_list("pk", "hostname"))
    site_ids = hostnames.keys() if change.site_ids is None else change.site_ids
    events = []
    for site_id in sorted(site_ids):
        if site_id not in hostnames:
            continue
        payload = {
            "id": str(uuid.uuid4()),
            "type": str(change.event_type),
            "occurred_at": change.occurred_at.isoformat(),
            "site": {"id": site_id, "hostname": hostnames[site_id]},
            "object": {
                "kind": change.kind,
                "type": change.type_name,
                "id": change.object_id,
                "locale": change.locale,
                "old_path": _path_on(change.old, site_id),
                "new_path": _path_on(change.new, site_id),
            },
            "affected_paths": sorted(
                {location.path for location in change.affected if location.site_id == site_id}
            ),
        }
        events.append(
            SiteEvent(event_type=str(change.event_type), site_id=site_id, payload=payload)
        )
    return events


def ping_payload(*, site: Site, occurred_at: datetime) -> dict:
    """The body of a test event: no object, nothing to revalidate.

    ::

        {"id": "...", "type": "ping", "occurred_at": "...",
         "site": {"id": 1, "hostname": "chemienetzwerk-harz.localhost"},
         "object": null, "affected_paths": []}
    """
    return {
        "id": str(uuid.uuid4()),
        "type": PING_EVENT,
        "occurred_at": occurred_at.isoformat(),
        "site": {"id": site.pk, "hostname": site.hostname},
        "object": None,
        "affected_paths": [],
    }
