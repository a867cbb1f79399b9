"""The invitation mail: German first, then English, as plain text with an HTML alternative.

It names the organisation, the role, who invited, until when the link works, and the link
(``{WAGTAILADMIN_BASE_URL}/members/invitations/<token>/``).
"""

from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from hub.members.models import MemberInvitation
from hub.members.roles import MemberRole

TEMPLATE = "members/invitation/email"

ROLE_LABELS = {
    MemberRole.EDITOR: {
        "de": "Bearbeitung (Sie können Änderungen am Profil zur Prüfung einreichen)",
        "en": "Editor (you can submit changes to the profile for review)",
    },
    MemberRole.VIEWER: {
        "de": "Lesezugriff (Sie können das Profil und seine Entwürfe ansehen)",
        "en": "Viewer (you can see the profile and its drafts)",
    },
}


def invitation_url(token: str) -> str:
    path = reverse("members:accept_invitation", args=[token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def inviter_name(invitation: MemberInvitation) -> dict[str, str]:
    """Who invited, by name; the team in general when the account is gone."""
    user = invitation.invited_by
    if user is not None:
        name = user.get_full_name() or user.email or user.get_username()
        return {"de": name, "en": name}
    return {"de": "das Kommunikationsteam", "en": "the communications team"}


def _expiry(invitation: MemberInvitation) -> dict[str, str]:
    local = timezone.localtime(invitation.expires_at)
    with translation.override("de"):
        german = dateformat.format(local, "j. F Y, H:i \\U\\h\\r")
    with translation.override("en"):
        english = dateformat.format(local, "j F Y, H:i") + " (Berlin time)"
    return {"de": german, "en": english}


def from_address() -> str:
    return settings.DEFAULT_FROM_EMAIL


def invitation_mail(invitation: MemberInvitation, token: str) -> EmailMultiAlternatives:
    """The mail with the link of ``token``, ready to send."""
    organisation = invitation.organisation.name
    site = settings.WAGTAIL_SITE_NAME
    subject = (
        f"Einladung: Profil von {organisation} im {site} / "
        f"Invitation: {organisation}'s profile on the {site}"
    )
    context = {
        "subject": subject,
        "site_name": site,
        "organisation": organisation,
        "email": invitation.email,
        "role": ROLE_LABELS[MemberRole(invitation.role)],
        "inviter": inviter_name(invitation),
        "expires": _expiry(invitation),
        "url": invitation_url(token),
    }
    domain = parseaddr(from_address())[1].rpartition("@")[2] or "localhost"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{TEMPLATE}.txt", context),
        from_email=from_address(),
        to=[invitation.email],
        headers={"Message-ID": make_msgid(idstring=f"invitation-{invitation.pk}", domain=domain)},
    )
    message.attach_alternative(render_to_string(f"{TEMPLATE}.html", context), "text/html")
    return message
