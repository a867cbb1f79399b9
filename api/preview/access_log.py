"""Logs without preview tokens and invitation links.

A preview token in a logged URL would let whoever reads the log open the draft until the
token expires. gunicorn logs the request line (``%(r)s``) with its query string, so
``hub/gunicorn.conf.py`` uses this logger class, which blanks the value of every ``token``
query parameter in what it logs::

    "GET /api/v1/preview/?token=[redacted] HTTP/1.1" 200

The same goes for a ``Location`` or ``Referer`` carrying a token, should the log format
include them, and for the token in a member invitation's path
(``/members/invitations/[redacted]/``, also URL-encoded in a sign-in link's ``next=``).
:class:`RedactTokensFilter` applies the same to Django's own log records (settings
``LOGGING``): a CSRF failure on the invitation page logs its path before any view runs.
"""

import logging
import re

from gunicorn.glogging import Logger

REDACTED = "[redacted]"
_TOKEN_PARAMETER = re.compile(r"(?P<name>(?:^|[?&;])token=)[^&;#\s\"]+")


# A path already written with a placeholder ("<token>", "[redacted]") is left as it is.
_INVITATION_PATH = re.compile(
    r"(?P<path>members(?:/|%2F)invitations(?:/|%2F))[^/%?&#\s\"<\[]+", re.IGNORECASE
)


def redact_tokens(text: str) -> str:
    """``text`` with the value of each ``token=`` query parameter, and the token of an
    invitation link's path, replaced by REDACTED."""
    text = _TOKEN_PARAMETER.sub(rf"\g<name>{REDACTED}", text)
    return _INVITATION_PATH.sub(rf"\g<path>{REDACTED}", text)


class RedactTokensFilter(logging.Filter):
    """The same redaction for Django's log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_tokens(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class TokenRedactingLogger(Logger):
    """gunicorn's logger, with preview tokens blanked in every access log field."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            name: redact_tokens(value) if isinstance(value, str) else value
            for name, value in atoms.items()
        }
