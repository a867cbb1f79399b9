"""``manage.py load_demo``: build the four demo sites of the hub."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from hub.demo.accounts import NewSuperuser, ensure_superuser
from hub.demo.builder import HUB_PORT, DemoBuilder
from hub.demo.content import SITES, taxonomy
from hub.models import FrontendSettings

# Wagtail logs every page and snippet action, django-tasks every index task it runs:
# hundreds of lines that would bury the progress report.
CHATTY_LOGGERS = ["wagtail", "django_tasks"]


@contextmanager
def _quiet(logger_names: list[str], *, unless: bool):
    """Raise the loggers to WARNING for the duration, unless ``unless``."""
    loggers = [logging.getLogger(name) for name in logger_names]
    levels = [logger.level for logger in loggers]
    if not unless:
        for logger in loggers:
            logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _foundation(builder: DemoBuilder) -> None:
    builder.remove_welcome_page()
    taxonomy.build(builder)


class Command(BaseCommand):
    help = (
        "Load the demo content: four sites (ChemieNetzwerk Harz, Zukunftscluster "
        "Chemie/Kunststoffe Mitteldeutschland, Innovationsforum Recycling Region Harz, "
        "Europäische Metropolregion Mitteldeutschland) with their pages, snippets, images and "
        "documents, and a superuser if there is none. Running it again changes nothing."
    )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        started = time.monotonic()
        builder = DemoBuilder(log=self._detail)
        try:
            with _quiet(CHATTY_LOGGERS, unless=self.verbosity >= 3):
                superuser = self._load(builder)
        except Exception as error:
            # The transaction is rolled back; the files it wrote would be left orphaned.
            for storage, name in builder.written_files:
                storage.delete(name)
            if isinstance(error, ValidationError):
                raise CommandError(f"Invalid demo content, nothing was loaded: {error}") from error
            raise
        self._report(builder, time.monotonic() - started, superuser)

    def _load(self, builder: DemoBuilder) -> NewSuperuser | None:
        """All steps in one transaction, so that a failure leaves the database as it was."""
        steps = [("Sectors and topics", _foundation)]
        steps += [(site.SITE.name, site.build) for site in SITES]
        total = len(steps) + 1
        with transaction.atomic(), builder.deferred_indexing():
            for number, (label, step) in enumerate(steps, start=1):
                created_before, notes_before = builder.created.copy(), len(builder.notes)
                step(builder)
                changes = builder.created - created_before
                self._progress(f"[{number}/{total}] {label}", changes, builder.notes[notes_before:])
            superuser = ensure_superuser()
            if superuser is None:
                notes = ["a superuser exists, left as it is"]
            else:
                notes = [f"created superuser {superuser.username!r}"]
            self._progress(f"[{total}/{total}] Administrator", {}, notes)
        return superuser

    def _detail(self, line: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(line)

    def _progress(self, heading: str, changes, notes: list[str]) -> None:
        if self.verbosity < 1:
            return
        parts = [f"{kind}: {count}" for kind, count in changes.items()] + notes
        summary = ", ".join(parts) if parts else "already loaded, nothing to do"
        self.stdout.write(f"{self.style.MIGRATE_HEADING(heading)}: {summary}")

    def _report(self, builder, seconds: float, superuser: NewSuperuser | None) -> None:
        if superuser and superuser.generated_password:
            # Shown once and stored nowhere: the only way to learn the generated password.
            self.stdout.write(
                self.style.WARNING(
                    f"Superuser {superuser.username!r} created with the password "
                    f"{superuser.generated_password}; note it now, it is not shown again."
                )
            )
        if self.verbosity < 1:
            return
        total = sum(builder.created.values())
        verdict = f"{total} objects created" if total else "nothing new"
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {seconds:.1f} s: {verdict}."))
        self.stdout.write(f"Log in at {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/")
        frontends = dict(FrontendSettings.objects.values_list("site_id", "base_url"))
        hostnames = [site.SITE.hostname for site in SITES]
        for site in Site.objects.filter(hostname__in=hostnames, port=HUB_PORT).order_by("pk"):
            default = " (default site)" if site.is_default_site else ""
            self.stdout.write(
                f"  {site.site_name}{default}\n"
                f"    hub:      http://{site.hostname}:{site.port}/\n"
                f"    frontend: {frontends.get(site.pk) or '(not set)'}"
            )
