"""Rate limits of the member API, counted in Django's cache (hub/ratelimit.py).

Three fixed-window limits per hour:

- requests per token (``MEMBER_REQUESTS_PER_TOKEN_PER_HOUR``, 600), every authenticated
  request whatever its answer;
- submissions per token (``MEMBER_SUBMISSIONS_PER_TOKEN_PER_HOUR``, 10);
- submissions per member account across all its tokens
  (``MEMBER_SUBMISSIONS_PER_USER_PER_HOUR``, 20).

A submission is counted before its body is read or validated, so invalid requests use up the
limit too: a client cannot probe the validation for free.
"""

from functools import partial

from rest_framework import exceptions

from hub.ratelimit import HOUR, RateLimit

MemberRateLimit = partial(RateLimit, namespace="members", period=HOUR)

REQUESTS_PER_TOKEN = MemberRateLimit(
    name="requests-per-token", setting="MEMBER_REQUESTS_PER_TOKEN_PER_HOUR", default=600
)
SUBMISSIONS_PER_TOKEN = MemberRateLimit(
    name="submissions-per-token", setting="MEMBER_SUBMISSIONS_PER_TOKEN_PER_HOUR", default=10
)
SUBMISSIONS_PER_USER = MemberRateLimit(
    name="submissions-per-user", setting="MEMBER_SUBMISSIONS_PER_USER_PER_HOUR", default=20
)


class RateLimited(exceptions.Throttled):
    """429 with ``Retry-After`` (seconds until the window ends)."""

    def __init__(self, wait: int, detail: str):
        super().__init__(wait=wait, detail=detail)


def count_request(token) -> None:
    """Count one request made with ``token``; RateLimited when it is over the limit."""
    if wait := REQUESTS_PER_TOKEN.hit(f"token:{token.pk}"):
        raise RateLimited(wait, "Too many requests with this token. Try again later.")


def count_submission(token) -> None:
    """Count one submission with ``token`` for the token and its account."""
    if wait := SUBMISSIONS_PER_TOKEN.hit(f"token:{token.pk}"):
        raise RateLimited(wait, "Too many submissions with this token. Try again later.")
    if wait := SUBMISSIONS_PER_USER.hit(f"user:{token.user_id}"):
        raise RateLimited(wait, "Too many submissions from this member account. Try again later.")
