"""Fixed-window rate limits counted in Django's cache.

A :class:`RateLimit` counts uses per key in the window of the current hour or day; the
counter expires with its window. Cache keys hold a keyed digest of the key, never the key
itself (an IP address, an email address, a token prefix), and nothing is written to the
database. With several processes the counters must live in a shared cache (``REDIS_URL``);
the per-process memory cache of a quick start counts per process.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

HOUR = 60 * 60
DAY = 24 * HOUR


@dataclass(frozen=True)
class RateLimit:
    """``default`` uses per ``period`` seconds, unless the setting named ``setting`` says
    otherwise. ``namespace`` keeps the counters of different features apart."""

    name: str
    setting: str
    default: int
    period: int
    namespace: str = "hub"

    @property
    def limit(self) -> int:
        return getattr(settings, self.setting, self.default)

    def hit(self, key: str, *, now: float | None = None) -> int | None:
        """Count one use by ``key``; the seconds to wait when it exceeds the limit, else None."""
        now = time.time() if now is None else now
        window = int(now // self.period)
        digest = salted_hmac(f"hub.{self.namespace}.ratelimit.{self.name}", key).hexdigest()[:32]
        cache_key = f"{self.namespace}-ratelimit:{self.name}:{digest}:{window}"
        cache.add(cache_key, 0, timeout=self.period)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr: a new window begins
            cache.set(cache_key, 1, timeout=self.period)
            count = 1
        if count <= self.limit:
            return None
        return max(1, math.ceil((window + 1) * self.period - now))
