"""Queries for previews: what surrounds a draft on the live site."""

from typing import Any

from api.selectors.pages import localized_public_pages, page_location
from snippets.models import Organisation


def draft_memberships(*, organisation: Organisation, request: Any) -> list[dict]:
    """The memberships of an organisation draft, as ``OrganisationSerializer`` takes them
    (``{"membership", "group", "path"}``, see ``organisation_memberships_in_locale``).

    A draft's memberships are held in memory, not in the database, so they are mapped to
    their live, public group pages in the organisation's locale (German where untranslated)
    by id: groups that are not public are left out. Two queries.
    """
    memberships = sorted(
        organisation.memberships.all(),
        key=lambda membership: (membership.sort_order is None, membership.sort_order or 0),
    )
    groups = localized_public_pages(
        page_ids=[membership.group_id for membership in memberships],
        locale=organisation.locale,
        request=request,
    )
    return [
        {
            "membership": membership,
            "group": groups[membership.group_id],
            "path": page_location(page=groups[membership.group_id], request=request).path,
        }
        for membership in memberships
        if membership.group_id in groups
    ]
