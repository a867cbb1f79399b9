"""Loading the demo content in tests: one real load per session, copies after that.

``manage.py load_demo`` builds four sites and translates them through wagtail-localize, which
takes most of a minute on a busy CI machine. The first test that asks for the demo runs the
command; right after it, every table and the files the command wrote are copied (PostgreSQL's
binary ``COPY``, a fraction of a second). Every later test gets the demo back from that copy
in about a second: the tables are emptied and refilled in the test's own transaction, so the
rollback at its end leaves the database as it was. The copy is the result of a real load of
the same session, row for row, so tests of ``load_demo`` may examine it as well.

A copy is only used on a database whose content is what the real load started from (as
migrations left it, compared by a checksum per table): a test that wrote rows of its own
before asking for the demo gets a real load, with a warning.

Under a module fixture (:func:`demo_loaded`) the load runs inside the fixture's transaction,
which is rolled back: work that waits for a commit (Wagtail's automatic redirects for changed
slugs, webhook events) never runs and is not in the copy. The load runs with tasks queued in
the database, as ``make run`` configures them, so that the copy shows whether the load leaves
work for the worker.

Other databases than PostgreSQL (SQLite, the zero-set-up default) load the demo every time.
"""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings

from tests.peers.worker import DATABASE_BACKEND

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


@dataclass(frozen=True)
class DemoCopy:
    """What a real load left behind: its output, every table's rows and the files it wrote,
    and the checksums of the tables it started from."""

    output: str
    base: dict[str, str]
    tables: dict[str, bytes]
    files: dict[str, bytes]


# One copy per test database (each pytest-xdist worker process would have its own).
_copies: dict[str, DemoCopy] = {}


def load_demo_once(media_root: Path) -> str:
    """The demo content in the database and its files in ``media_root``; returns the output
    of ``load_demo``.

    The first call of the session runs the command (in the caller's transaction, with tasks
    queued in the database) and keeps a copy; later calls restore that copy instead.
    """
    database = connection.settings_dict["NAME"]
    copy = _copies.get(database)
    base = _checksums() if _can_copy() else None
    if copy is not None:
        if base == copy.base:
            _restore(copy, media_root)
            return copy.output
        differing = sorted(table for table in base if base[table] != copy.base.get(table))
        warnings.warn(
            "The database holds other rows than the one the demo was first loaded into "
            f"(in {', '.join(differing)}); loading the demo again instead of restoring the copy.",
            stacklevel=2,
        )
    with override_settings(MEDIA_ROOT=media_root, TASKS=DATABASE_BACKEND):
        output = run_load_demo()
    if base is not None and copy is None:
        _copies[database] = DemoCopy(
            output=output, base=base, tables=_copy_tables(), files=_copy_files(media_root)
        )
    return output


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
        yield load_demo_once(media_root)
        transaction.set_rollback(True)
    # The site root paths of the rolled-back sites must not outlive them.
    cache.clear()


def _can_copy() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        # psycopg 3's cursor; psycopg2 has no ``copy()``.
        return hasattr(cursor.cursor, "copy")


def _table_names() -> list[str]:
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def _checksums() -> dict[str, str]:
    """An MD5 checksum of each table's rows, independent of their order on disk."""
    tables = _table_names()
    models = _models_by_table()
    query = " UNION ALL ".join(
        f"SELECT %s, md5(coalesce(string_agg({row}, ',' ORDER BY {row}), '')) "
        f"FROM {connection.ops.quote_name(table)} AS t"
        for table, row in ((table, _compared_row(models.get(table))) for table in tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(query, tables)
        return dict(cursor.fetchall())


def _compared_row(model) -> str:
    """The SQL for what is compared of a row of ``model``'s table (``t``).

    The rows of a many-to-many table are compared without their id: serialized rollback
    (after a transactional test) restores the relations under new ids.
    """
    if model is None or not model._meta.auto_created:
        return "t::text"
    columns = [
        f"t.{connection.ops.quote_name(field.column)}"
        for field in model._meta.concrete_fields
        if not field.primary_key
    ]
    return f"ROW({', '.join(columns)})::text"


def _models_by_table() -> dict:
    return {model._meta.db_table: model for model in apps.get_models(include_auto_created=True)}


def _copy_tables() -> dict[str, bytes]:
    quote = connection.ops.quote_name
    tables = {}
    with connection.cursor() as cursor:
        for table in _table_names():
            with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT (FORMAT binary)") as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
    return tables


def _copy_files(media_root: Path) -> dict[str, bytes]:
    root = Path(media_root)
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def _restore(copy: DemoCopy, media_root: Path) -> None:
    """Replace the content of every table with the copy's, and write its files."""
    quote = connection.ops.quote_name
    tables = ", ".join(quote(table) for table in copy.tables)
    with transaction.atomic(), connection.cursor() as cursor:
        # Foreign keys are checked at commit (Django declares them deferrable): the tables
        # can be filled in any order. Checks still pending from earlier statements of the
        # transaction are run first, as TRUNCATE refuses tables with pending checks.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {tables}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, rows in copy.tables.items():
            with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN (FORMAT binary)") as target:
                target.write(rows)
        # The copy brings its own ids: the next new row of each table must get a higher one.
        models = [model for table, model in _models_by_table().items() if table in copy.tables]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    for name, content in copy.files.items():
        path = Path(media_root) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    # Cached site root paths and API answers may stem from the rows just replaced.
    cache.clear()
