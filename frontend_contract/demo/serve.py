#!/usr/bin/env python3
"""Serve the reference frontend: its static files, its configuration, and index.html for every
other path, so the frontend's own router sees the path the visitor asked for.

    python frontend_contract/demo/serve.py --api http://127.0.0.1:8000 \\
        --site chemienetzwerk-harz.localhost --port 3000

URLs it answers:

- ``/_app/<file>``: the application's files (``app/`` next to this script). The prefix keeps
  them apart from page paths: a page slug cannot start with an underscore.
- ``/config.json``: ``{"apiBase": "<--api>", "site": "<--site>"}``, what the app reads first.
- anything else (GET/HEAD): ``index.html`` with status 200. That includes the preview route
  ``/_preview?token=...``, where the app shows a draft from the hub (``app/preview.js``);
  tokens are left out of the request log.

``--port 0`` takes a free port. The first line printed is always ``Serving on <origin>``, so a
script that starts the server can read the address from it. Only the Python standard library
is used: the frontend has no build step and no dependencies.
"""

import argparse
import json
import re
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

DEMO_DIR = Path(__file__).resolve().parent
APP_DIR = DEMO_DIR / "app"
INDEX_HTML = DEMO_DIR / "index.html"
APP_PREFIX = "/_app/"
CONFIG_PATH = "/config.json"
PREVIEW_PATH = "/_preview"
# The preview route shows drafts: no cache keeps it, no search engine indexes it, and its
# address (with the token) is not sent on as a referrer.
PREVIEW_HEADERS = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
}
# Preview tokens (``/_preview?token=...``) open a draft: they stay out of the request log.
TOKEN_IN_QUERY = re.compile(r"(?<=[?&]token=)[^&\s\"]+")

# Module scripts must come with a JavaScript media type; the platform's mimetypes database
# does not guarantee one for .js on every system.
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
}


class FrontendRequestHandler(SimpleHTTPRequestHandler):
    """Static files under ``/_app/``, the configuration, and index.html for the rest."""

    def __init__(self, *args, config: dict, quiet: bool, **kwargs):
        self.config = config
        self.quiet = quiet
        super().__init__(*args, directory=str(APP_DIR), **kwargs)

    def do_GET(self):
        self._answer(include_body=True)

    def do_HEAD(self):
        self._answer(include_body=False)

    def _answer(self, *, include_body: bool) -> None:
        path = urlsplit(self.path).path
        if path == CONFIG_PATH:
            body = json.dumps(self.config).encode()
            self._send(HTTPStatus.OK, body, CONTENT_TYPES[".json"], include_body, cache=False)
        elif path.startswith(APP_PREFIX):
            file = self._app_file(path.removeprefix(APP_PREFIX))
            if file is None:
                self._send(HTTPStatus.NOT_FOUND, b"Not found", "text/plain", include_body)
            else:
                content_type = CONTENT_TYPES.get(file.suffix, "application/octet-stream")
                self._send(HTTPStatus.OK, file.read_bytes(), content_type, include_body)
        else:
            headers = PREVIEW_HEADERS if path == PREVIEW_PATH else {}
            self._send(
                HTTPStatus.OK,
                INDEX_HTML.read_bytes(),
                CONTENT_TYPES[".html"],
                include_body,
                headers=headers,
            )

    @staticmethod
    def _app_file(relative: str) -> Path | None:
        """The file under app/ that ``relative`` names, or None (also for ``..`` escapes)."""
        candidate = (APP_DIR / relative).resolve()
        if APP_DIR not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def _send(
        self, status, body: bytes, content_type: str, include_body: bool, cache=True, headers=None
    ):
        headers = {
            # A development server: always serve the files as they are on disk right now.
            "Cache-Control": "no-cache" if cache else "no-store",
            **(headers or {}),
        }
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if include_body:
            self.wfile.write(body)

    def log_message(self, format, *args):
        if not self.quiet:
            redacted = [
                TOKEN_IN_QUERY.sub("[redacted]", arg) if isinstance(arg, str) else arg
                for arg in args
            ]
            super().log_message(format, *redacted)


def make_server(*, api: str, site: str, host: str, port: int, quiet: bool = False):
    """A ThreadingHTTPServer for the frontend; ``port=0`` binds a free port."""
    config = {"apiBase": api.rstrip("/"), "site": site}
    handler = partial(FrontendRequestHandler, config=config, quiet=quiet)
    return ThreadingHTTPServer((host, port), handler)


def parse_arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Serve the Cluster Hub reference frontend.")
    parser.add_argument(
        "--api", default="http://127.0.0.1:8000", help="Base URL of the hub (no /api/v1)."
    )
    parser.add_argument(
        "--site",
        default="chemienetzwerk-harz.localhost",
        help="Hostname of the Wagtail site to show, as the hub knows it.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
    parser.add_argument("--port", type=int, default=3000, help="Port to listen on; 0 = any.")
    parser.add_argument("--quiet", action="store_true", help="Do not log every request.")
    return parser.parse_args(argv)


def main(argv=None) -> None:
    arguments = parse_arguments(argv)
    server = make_server(
        api=arguments.api,
        site=arguments.site,
        host=arguments.host,
        port=arguments.port,
        quiet=arguments.quiet,
    )
    host, port = server.server_address[:2]
    print(f"Serving on http://{host}:{port}", flush=True)
    print(f"Site {arguments.site} from the hub at {arguments.api}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
