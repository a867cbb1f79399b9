"""Bearer-token authentication of the member API.

Member portals and integrations send ``Authorization: Bearer chm_...``: an organisation
token (api/members/tokens.py). Nothing else authenticates here: no session, so no CSRF
question, and no token in a query string, where it would end up in logs.

A request without the header gets 401 with ``WWW-Authenticate: Bearer``. A malformed
header, an unknown, revoked or expired token, or one whose account is deactivated is a 401
too; the detail says which, for the token's holder to act on (an expired token needs a new
one, not a retry). A token only ever stands for its account's current access, checked by
the permissions (api/members/permissions.py).
"""

from datetime import timedelta

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from api.members.models import OrganisationToken
from api.members.tokens import TOKEN_PREFIX, find_token

SCHEME = "Bearer"
SECURITY_SCHEME_NAME = "memberToken"
# Writing last_used_at on every request would turn each read into a write; once a minute is
# precise enough for "last used" in the admin.
LAST_USED_PRECISION = timedelta(minutes=1)


class OrganisationTokenAuthentication(BaseAuthentication):
    """Authenticates ``Authorization: Bearer chm_...``; ``request.auth`` is the token."""

    def authenticate(self, request):
        try:
            header = get_authorization_header(request).split()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(
                "Malformed Authorization header: send “Authorization: Bearer <token>”."
            ) from None
        if not header:
            return None
        if len(header) != 2 or header[0].lower() != SCHEME.lower().encode():
            raise exceptions.AuthenticationFailed(
                "Malformed Authorization header: send “Authorization: Bearer <token>”."
            )
        try:
            plaintext = header[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Invalid token.") from None
        if not plaintext.startswith(TOKEN_PREFIX):
            raise exceptions.AuthenticationFailed("Invalid token.")

        token = find_token(plaintext)
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed("The token has been revoked.")
        now = timezone.now()
        if token.expires_at <= now:
            raise exceptions.AuthenticationFailed("The token has expired: ask for a new one.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The account of this token is deactivated.")
        record_use(token, now=now)
        return token.user, token

    def authenticate_header(self, request):
        return f'{SCHEME} realm="member-api"'


def record_use(token: OrganisationToken, *, now) -> None:
    """Set ``last_used_at``, at most once per LAST_USED_PRECISION."""
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    OrganisationToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


class OrganisationTokenScheme(OpenApiAuthenticationExtension):
    """The bearer scheme in the OpenAPI contract (``components.securitySchemes``)."""

    target_class = OrganisationTokenAuthentication
    name = SECURITY_SCHEME_NAME

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "An organisation API token (``chm_`` followed by 43 characters), created in "
                "the hub's admin by staff or a member editor and shown once. It acts for one "
                "account on one organisation, with that account's current access."
            ),
        }
