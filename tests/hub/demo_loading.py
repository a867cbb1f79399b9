"""Loading the demo content in tests: once per module, rolled back afterwards."""

from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

DEMO_HOSTNAMES = frozenset(
    {
        "chemienetzwerk-harz.localhost",
        "cluster-chemie-kunststoffe.localhost",
        "recycling-region-harz.localhost",
        "metropolregion-mitteldeutschland.localhost",
    }
)


def run_load_demo(**options) -> str:
    """Run ``manage.py load_demo`` with ``options``; returns what it printed."""
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


@contextmanager
def demo_loaded(django_db_blocker, media_root: Path) -> Iterator[str]:
    """The demo loaded in a transaction that is rolled back on exit; yields the output.

    For module-scoped fixtures (with ``django_db_setup``): each test's own transaction then
    nests inside this one.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root),
        transaction.atomic(),
    ):
        yield run_load_demo()
        transaction.set_rollback(True)
    # The site root paths of the rolled-back sites must not outlive them.
    cache.clear()
