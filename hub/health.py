"""Liveness and readiness endpoints for load balancers and orchestrators.

``/healthz`` answers as long as the process serves requests; ``/readyz`` also proves the
database answers a query. Neither reveals error details: the reason goes to the log.
"""

import logging

from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """``{"status": "ok"}`` while the process is alive."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """``{"status": "ready", "checks": {"database": "ok"}}``, or 503 with ``"unavailable"``."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Readiness check failed: database unreachable")
        return JsonResponse(
            {"status": "unavailable", "checks": {"database": "unreachable"}}, status=503
        )
    return JsonResponse({"status": "ready", "checks": {"database": "ok"}})
