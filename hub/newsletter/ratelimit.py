"""Rate limits of the subscription endpoint, counted in Django's cache.

Two limits: requests per client IP address (``NEWSLETTER_REQUESTS_PER_IP_PER_HOUR``, 10)
and confirmation mails per email address (``NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY``, 3).
Each is a fixed window: the counter of the current hour or day, which expires with it. The
cache keys hold keyed digests, never an IP or email address in plain text, and nothing is
written to the database.

With several processes the counters must live in a shared cache (``REDIS_URL``); the
per-process memory cache of a quick start counts per process.

The client's address is REMOTE_ADDR, unless ``NEWSLETTER_PROXY_COUNT`` says how many
reverse proxies in front of the hub append to X-Forwarded-For; then it is the address the
outermost of them saw. IPv6 clients are counted per /64 network, the smallest block that
is usually assigned to one customer.
"""

import ipaddress
from functools import partial

from django.conf import settings

from hub.ratelimit import DAY, HOUR, RateLimit

NewsletterRateLimit = partial(RateLimit, namespace="newsletter")

REQUESTS_PER_CLIENT = NewsletterRateLimit(
    name="client", setting="NEWSLETTER_REQUESTS_PER_IP_PER_HOUR", default=10, period=HOUR
)
MAILS_PER_ADDRESS = NewsletterRateLimit(
    name="address", setting="NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY", default=3, period=DAY
)


def client_key(request) -> str:
    """The rate-limit key of the client that sent ``request`` (see the module doc)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "NEWSLETTER_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            item.strip()
            for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if item.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address  # not an address (a unix socket, a test client): counted as given
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
