"""Check that a webhook request comes from the Cluster Hub (Python 3.10+, standard library).

The hub signs ``"<X-Hub-Timestamp>.<raw body>"`` with HMAC-SHA256, keyed with the
endpoint's secret (``whsec_...``, as UTF-8 bytes), and sends ``X-Hub-Signature:
sha256=<hex>``. Verify the raw bytes of the body before parsing them as JSON, and refuse
timestamps more than five minutes away from your clock: a captured request cannot be
replayed later.

In a Django view, for example::

    try:
        verify_webhook(
            secret=os.environ["HUB_WEBHOOK_SECRET"],
            body=request.body,
            timestamp=request.headers.get("X-Hub-Timestamp"),
            signature=request.headers.get("X-Hub-Signature"),
        )
    except InvalidWebhook:
        return HttpResponse(status=400)
    event = json.loads(request.body)

From the command line (exit status 0 when valid, 1 otherwise)::

    HUB_WEBHOOK_SECRET=whsec_... python verify.py <timestamp> <signature> < body.json
"""

import hashlib
import hmac
import os
import sys
import time

TOLERANCE_SECONDS = 300


class InvalidWebhook(Exception):
    """The request is not a fresh, correctly signed webhook of the hub."""


def verify_webhook(
    *,
    secret: str,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    tolerance: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> None:
    """Raise InvalidWebhook unless ``signature`` signs ``body`` at a recent ``timestamp``."""
    if not timestamp or not signature:
        raise InvalidWebhook("X-Hub-Timestamp or X-Hub-Signature is missing.")
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise InvalidWebhook("X-Hub-Timestamp is not a number of seconds.") from None
    current = time.time() if now is None else now
    if abs(current - sent_at) > tolerance:
        raise InvalidWebhook("The timestamp is too old (or in the future).")
    signed = timestamp.encode("ascii") + b"." + body
    expected = "sha256=" + hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8")):
        raise InvalidWebhook("The signature does not match.")


if __name__ == "__main__":
    try:
        verify_webhook(
            secret=os.environ["HUB_WEBHOOK_SECRET"],
            body=sys.stdin.buffer.read(),
            timestamp=sys.argv[1] if len(sys.argv) > 1 else None,
            signature=sys.argv[2] if len(sys.argv) > 2 else None,
        )
    except InvalidWebhook as error:
        print(f"invalid: {error}", file=sys.stderr)
        sys.exit(1)
    print("valid")
