"""``manage.py load_demo``: build the four demo sites of the hub."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Locale, Site

from hub.demo import english
from hub.demo.accounts import NewSuperuser, ensure_superuser
from hub.demo.builder import HUB_PORT, DemoBuilder
from hub.demo.content import SITES, taxonomy
from hub.models import FrontendSettings

# Wagtail logs every page and snippet action, django-tasks every index task it runs:
# hundreds of lines that would bury the progress report.
CHATTY_LOGGERS = ["wagtail", "django_tasks"]

# The load makes the English versions itself. Tasks that saving pages enqueues (drafts of
# translations for new German pages, hub.translation.sync) run at once, as they did when
# the demo was made, instead of waiting in the database queue for a worker.
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


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


class _Discarded(Exception):
    """Rolls back a ``--missing-english`` run, which must change nothing."""


def _foundation(builder: DemoBuilder) -> None:
    builder.remove_welcome_page()
    taxonomy.build(builder)


class Command(BaseCommand):
    help = (
        "Load the demo content: four sites (ChemieNetzwerk Harz, Zukunftscluster "
        "Chemie/Kunststoffe Mitteldeutschland, Innovationsforum Recycling Region Harz, "
        "Europäische Metropolregion Mitteldeutschland) in German with their pages, snippets, "
        "images and documents, their English versions translated through wagtail-localize "
        "from hub/demo/content/en/*.po, and a superuser if there is none. Running it again "
        "changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--missing-english",
            action="store_true",
            help="Change nothing; print the German demo strings that have no English "
            "translation in hub/demo/content/en/*.po, as PO entries to fill in.",
        )

    def handle(self, *args, **options) -> None:
        self.verbosity = options["verbosity"]
        self.listing = options["missing_english"]
        if self.listing:
            self.verbosity = 0
        started = time.monotonic()
        builder = DemoBuilder(log=self._detail)
        try:
            translator = self._translator(builder)
            with (
                _quiet(CHATTY_LOGGERS, unless=self.verbosity >= 3),
                override_settings(TASKS=IMMEDIATE_TASKS),
            ):
                superuser = self._load(builder, translator)
        except Exception as error:
            # The transaction is rolled back; the files it wrote would be left orphaned.
            self._delete_written_files(builder)
            if isinstance(error, ValidationError):
                raise CommandError(f"Invalid demo content, nothing was loaded: {error}") from error
            if isinstance(error, english.MissingEnglishError | english.TranslationMemoryError):
                raise CommandError(f"Nothing was loaded: {error}") from error
            raise
        if self.listing:
            self._delete_written_files(builder)
            self._list_missing(translator)
            return
        self._report(builder, time.monotonic() - started, superuser)

    def _translator(self, builder: DemoBuilder) -> english.EnglishDemo | None:
        """What makes the English versions; None, with a warning, without an English locale."""
        locale = Locale.objects.filter(language_code=english.LANGUAGE_CODE).first()
        if locale is not None:
            return english.EnglishDemo(builder, english.load_memory(), locale)
        if self.listing:
            raise CommandError("There is no English locale; run `manage.py migrate` first.")
        if self.verbosity >= 1:
            self.stdout.write(
                self.style.WARNING("There is no English locale: English versions are skipped.")
            )
        return None

    def _load(self, builder: DemoBuilder, translator) -> NewSuperuser | None:
        """All steps in one transaction, so that a failure leaves the database as it was.

        Each step builds its German objects, then translates into English what it built.
        With ``--missing-english``, the steps run only to collect what has no English text,
        and nothing is kept.
        """
        steps = [("Sectors and topics", _foundation, english.SNIPPET_FILE)]
        steps += [(site.SITE.name, site.build, english.site_po_file(site)) for site in SITES]
        try:
            with transaction.atomic(), builder.deferred_indexing():
                return self._steps(builder, translator, steps)
        except _Discarded:
            return None

    def _steps(self, builder: DemoBuilder, translator, steps: list) -> NewSuperuser | None:
        """Run ``steps`` with their English translation, then make sure of a superuser."""
        total = len(steps) + 1
        for number, (label, step, po_file) in enumerate(steps, start=1):
            created_before, notes_before = builder.created.copy(), len(builder.notes)
            touched_before = len(builder.touched)
            missing_before = len(translator.missing) if translator else 0
            step(builder)
            if translator is not None:
                translator.translate(builder.touched[touched_before:], po_file=po_file)
                if len(translator.missing) > missing_before:
                    count = len(translator.missing) - missing_before
                    builder.notes.append(f"{count} German strings without English")
            changes = builder.created - created_before
            self._progress(f"[{number}/{total}] {label}", changes, builder.notes[notes_before:])
        if self.listing:
            raise _Discarded
        if translator is not None and translator.missing:
            # After every step, so that one run names every gap.
            raise english.MissingEnglishError(translator.missing)
        superuser = ensure_superuser()
        if superuser is None:
            notes = ["a superuser exists, left as it is"]
        else:
            notes = [f"created superuser {superuser.username!r}"]
        self._progress(f"[{total}/{total}] Administrator", {}, notes)
        return superuser

    @staticmethod
    def _delete_written_files(builder: DemoBuilder) -> None:
        for storage, name in builder.written_files:
            storage.delete(name)

    def _list_missing(self, translator: english.EnglishDemo) -> None:
        if translator.missing:
            self.stdout.write(english.missing_as_po(translator.missing))
        else:
            self.stdout.write("# Every German demo string has an English translation.")

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
