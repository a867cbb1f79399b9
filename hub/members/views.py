"""The page behind the link of an invitation mail (``/members/invitations/<token>/``).

GET only shows the page; accepting takes a POST, so the link scanners of mail programs,
which follow links, use up no invitation. What the page offers depends on the address:

- no account yet: a form to set the password (typed twice, checked by Django's password
  validators); posting it creates the member account, grants the access and signs in;
- a member account: signed in as that account, an "Accept" button adds the access;
  otherwise a link to the admin's sign-in that leads back here;
- a staff account (or a deactivated one): a refusal that says why.

Unknown, expired, used and revoked links all get the same page (404 for an unknown token,
410 for the others). POSTs are rate-limited per client. The token is in the address, so
Django's request log gets the path without it, and the pages send no Referer to other sites.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.log import log_response
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from hub.members.forms import MemberPasswordForm
from hub.members.invitations import (
    MembershipRefused,
    accept_as_existing_member,
    accept_as_new_account,
    account_problem,
    find_account,
    find_invitation,
)
from hub.members.models import MemberInvitation
from hub.newsletter.ratelimit import client_key
from hub.ratelimit import HOUR, RateLimit

INVITATION_POSTS_PER_CLIENT = RateLimit(
    name="invitation-post",
    setting="MEMBER_INVITATION_POSTS_PER_IP_PER_HOUR",
    default=30,
    period=HOUR,
    namespace="members",
)
# What Django's request log shows instead of the path with the token.
LOGGED_PATH = "/members/invitations/<token>/"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def accept_invitation(request, token: str):
    if request.method == "POST":
        retry_after = INVITATION_POSTS_PER_CLIENT.hit(client_key(request))
        if retry_after is not None:
            response = _page(request, "members/invitation/too_many.html", status=429)
            response["Retry-After"] = str(retry_after)
            return response
    invitation = find_invitation(token)
    if invitation is None:
        return _page(request, "members/invitation/invalid.html", status=404)
    if not invitation.is_usable:
        return _page(request, "members/invitation/invalid.html", status=410)
    account = find_account(invitation.email)
    if account is None:
        return _new_account(request, invitation)
    problem = account_problem(account)
    if problem:
        return _page(
            request,
            "members/invitation/refused.html",
            status=403,
            invitation=invitation,
            problem=problem,
        )
    return _existing_member(request, invitation, account)


def _new_account(request, invitation: MemberInvitation):
    user = get_user_model()(username=invitation.email, email=invitation.email)
    form = MemberPasswordForm(user, request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            account = accept_as_new_account(invitation, password=form.password)
        except MembershipRefused:
            # Used, revoked or answered by another request meanwhile: the page says which.
            return redirect(request.path)
        login(request, account, backend=settings.AUTHENTICATION_BACKENDS[0])
        messages.success(request, f"Welcome! Your access to {invitation.organisation} is ready.")
        return redirect("wagtailadmin_home")
    return _page(request, "members/invitation/accept.html", invitation=invitation, form=form)


def _existing_member(request, invitation: MemberInvitation, account):
    signed_in_as_account = request.user.is_authenticated and request.user.pk == account.pk
    if not signed_in_as_account:
        login_url = reverse("wagtailadmin_login") + "?" + urlencode({"next": request.path})
        return _page(
            request,
            "members/invitation/sign_in.html",
            invitation=invitation,
            login_url=login_url,
            other_user=request.user if request.user.is_authenticated else None,
        )
    if request.method == "POST":
        try:
            accept_as_existing_member(invitation, user=request.user)
        except MembershipRefused:
            return redirect(request.path)
        messages.success(request, f"You now have access to {invitation.organisation}.")
        return redirect("wagtailadmin_home")
    return _page(request, "members/invitation/accept_existing.html", invitation=invitation)


def _page(request, template: str, *, status: int = 200, **context):
    response = render(request, template, context, status=status)
    # The address holds the token: keep it out of search engines and out of Referer
    # headers to other sites. Not "no-referrer": browsers then send "Origin: null" with the
    # form's POST, which Django's CSRF check rightly refuses.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    if status >= 400:
        # Django logs 4xx answers with their path; log them without the token instead.
        log_response(
            "%s: %s", response.reason_phrase, LOGGED_PATH, response=response, request=request
        )
    return response
