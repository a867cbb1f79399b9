"""gunicorn's access log without preview tokens.

A preview token in a logged URL would let whoever reads the log open the draft until the
token expires. gunicorn logs the request line (``%(r)s``) with its query string, so
``hub/gunicorn.conf.py`` uses this logger class, which blanks the value of every ``token``
query parameter in what it logs::

    "GET /api/v1/preview/?token=[redacted] HTTP/1.1" 200

The same goes for a ``Location`` or ``Referer`` carrying a token, should the log format
include them.
"""

import re

from gunicorn.glogging import Logger

REDACTED = "[redacted]"
_TOKEN_PARAMETER = re.compile(r"(?P<name>(?:^|[?&;])token=)[^&;#\s\"]+")


def redact_tokens(text: str) -> str:
    """``text`` with the value of each ``token=`` query parameter replaced by REDACTED."""
    return _TOKEN_PARAMETER.sub(rf"\g<name>{REDACTED}", text)


class TokenRedactingLogger(Logger):
    """gunicorn's logger, with preview tokens blanked in every access log field."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            name: redact_tokens(value) if isinstance(value, str) else value
            for name, value in atoms.items()
        }
