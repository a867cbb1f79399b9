"""Who may use the member API on which organisation.

A token is scoped to one organisation: any other organisation id in the URL (existing or
not, in any language) is a 404 with the same body as an id that does not exist, so a token
reveals nothing about other organisations. On its own organisation the token has exactly its
account's current access (hub/members/access.py):

========================================  ===========  ============
token's account                           GET          POST
========================================  ===========  ============
member editor                             200          202
member viewer                             200          403
member whose access was revoked           403          403
staff who may edit German profiles        200          202
other staff (translators, ...)            403          403
========================================  ===========  ============

Deactivated accounts and unusable tokens never get this far: they are a 401
(api/members/authentication.py).
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from api.members.models import OrganisationToken
from api.problems import NotFound
from hub.members.access import can_submit_profile, can_view_profile

NO_ACCESS = "The account of this token no longer has access to this organisation's profile."
VIEWER_ONLY = (
    "The account of this token may view this organisation's profile but not submit changes."
)


def token_of(request) -> OrganisationToken | None:
    return request.auth if isinstance(request.auth, OrganisationToken) else None


class OrganisationTokenAccess(BasePermission):
    """The URL's ``id`` is the token's organisation, and its account may view
    (safe methods) or submit changes to (other methods) the profile."""

    message = NO_ACCESS

    def has_permission(self, request, view) -> bool:
        token = token_of(request)
        if token is None:
            return False
        if token.organisation_id != view.kwargs.get("id"):
            raise NotFound()
        user, organisation = token.user, token.organisation
        if not can_view_profile(user, organisation):
            self.message = NO_ACCESS
            return False
        if request.method not in SAFE_METHODS and not can_submit_profile(user, organisation):
            self.message = VIEWER_ONLY
            return False
        return True
