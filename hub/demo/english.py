"""The English versions of the demo sites, made the way a translator makes them.

Nothing is copied by hand: every German page and snippet goes through wagtail-localize.
Its translation source is extracted, a translation into English is opened, the translation's
PO file is exported, each entry is filled from the demo's translation memory and imported
through the project's strict PO importer, and localize saves the English object, which is
then published. Pages are translated after their parents, snippets before the objects that
refer to them, so that English pages point at English snippets where a relation is
translated.

The translation memory is the PO files in ``hub/demo/content/en/``: one per site for the
text of its pages and ``directory.po`` for the snippets (organisations, people, topics,
fundings, quotes, site offers). Entries are keyed by the German text alone (``msgctxt`` stays
empty), so a sentence used in several places is translated once. German demo text without an
English entry is an error that names the string and the object; ``manage.py load_demo
--missing-english`` prints the missing entries, ready to be translated and pasted.

Pages and organisations are saved as drafts and their revisions published at once, inside
the load's transaction, rather than left to localize's publication on commit (see
:meth:`EnglishDemo._translate`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from hub.demo.builder import DemoBuilder
from hub.translation.drafts import save_translation_draft
from hub.translation.po import PoImportError, export_po, import_po

LANGUAGE_CODE = "en"
MEMORY_DIR = Path(__file__).resolve().parent / "content" / "en"
SNIPPET_FILE = "directory.po"


class TranslationMemoryError(Exception):
    """A PO file of the translation memory cannot be used."""


@dataclass(frozen=True)
class MissingString:
    """German demo text without an English entry in the translation memory."""

    msgid: str
    field: str
    label: str
    po_file: str


class MissingEnglishError(Exception):
    """German demo text has no English translation; the load stops and changes nothing."""

    shown = 10

    def __init__(self, missing: list[MissingString]) -> None:
        self.missing = missing
        lines = [f"  {item.msgid!r} in {item.label} ({item.field})" for item in missing]
        if len(lines) > self.shown:
            lines = [*lines[: self.shown], f"  ... and {len(lines) - self.shown} more"]
        super().__init__(
            f"{len(missing)} German demo strings have no English translation in "
            f"hub/demo/content/en/*.po; `manage.py load_demo --missing-english` prints them "
            "as PO entries to fill in:\n" + "\n".join(lines)
        )


def load_memory(directory: Path = MEMORY_DIR) -> dict[str, str]:
    """German text -> English text from every PO file in ``directory``.

    Each German string may appear in one file only, without ``msgctxt`` and not fuzzy, so
    that there is exactly one place to change its English. Entries with an empty ``msgstr``
    count as missing.
    """
    memory: dict[str, str] = {}
    found_in: dict[str, str] = {}
    for path in sorted(directory.glob("*.po")):
        try:
            po = polib.pofile(str(path))
        except (OSError, ValueError) as error:
            message = f"{path.name} is not a readable PO file: {error}"
            raise TranslationMemoryError(message) from error
        for entry in po:
            if entry.obsolete:
                continue
            problem = ""
            if entry.msgctxt:
                problem = "has a msgctxt; the memory is keyed by the German text alone"
            elif "fuzzy" in entry.flags:
                problem = "is marked fuzzy"
            elif entry.msgid in found_in:
                problem = f"is also in {found_in[entry.msgid]}"
            if problem:
                raise TranslationMemoryError(f"{path.name}: the entry {entry.msgid!r} {problem}.")
            found_in[entry.msgid] = path.name
            if entry.msgstr:
                memory[entry.msgid] = entry.msgstr
    return memory


def site_po_file(site_module) -> str:
    """The memory file of a site's pages, named after its module in ``hub.demo.content``."""
    return f"{site_module.__name__.rsplit('.', 1)[-1]}.po"


def _describe(instance) -> str:
    if isinstance(instance, Page):
        return f"page {instance.url_path} „{instance.title}“"
    return f"{instance._meta.verbose_name} „{instance}“"


def _fresh(instance):
    """``instance`` as stored: the builder's copy may predate its publication."""
    if isinstance(instance, Page):
        return Page.objects.get(pk=instance.pk).specific
    return type(instance)._default_manager.get(pk=instance.pk)


class EnglishDemo:
    """Translates German demo objects into English through wagtail-localize.

    Objects that already have an English version are left as they are, like the builder
    leaves existing German objects alone: a second load changes nothing.
    """

    def __init__(self, builder: DemoBuilder, memory: dict[str, str], locale: Locale) -> None:
        self.builder = builder
        self.memory = memory
        self.locale = locale
        self.missing: list[MissingString] = []
        self._seen: set = set()

    def translate(self, objects: Iterable, *, po_file: str) -> None:
        """Translate ``objects`` (German pages and snippets, parents first) into English.

        ``po_file`` names the memory file that should hold the text of the pages, for the
        list of missing strings; snippets belong in ``directory.po``.
        """
        for instance in objects:
            self._translate(instance, po_file)

    def _translate(self, instance, po_file: str) -> None:
        if instance.translation_key in self._seen:
            return
        self._seen.add(instance.translation_key)
        instance = _fresh(instance)
        if instance.has_translation(self.locale):
            return
        translation = self._open_translation(instance)
        if not self._fill(translation, instance, po_file):
            return
        if isinstance(instance, Page) and not self._parent_is_translated(instance):
            # Its parent's text is missing (and reported); localize would otherwise publish
            # a German copy of the parent in the English tree.
            return
        self._save(translation, instance)
        self._count(instance.get_translation(self.locale))

    def _open_translation(self, instance) -> Translation:
        """The English translation of ``instance``, after those of the snippets it uses."""
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        for segment in source.relatedobjectsegment_set.select_related("object"):
            self._translate(segment.object.get_instance(source.locale), SNIPPET_FILE)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=self.locale, defaults={"enabled": True}
        )
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])
        return translation

    def _fill(self, translation: Translation, instance, po_file: str) -> bool:
        """Import the memory's English for every string; False if some is missing."""
        # The file a translator downloads; obsolete entries hold translations of text the
        # source no longer has.
        po = polib.pofile(export_po(translation).decode("utf-8"))
        po[:] = [entry for entry in po if not entry.obsolete]
        file_name = po_file if isinstance(instance, Page) else SNIPPET_FILE
        missing = [
            MissingString(entry.msgid, entry.msgctxt, _describe(instance), file_name)
            for entry in po
            if entry.msgid not in self.memory
        ]
        if missing:
            self.missing.extend(missing)
            return False
        if all(entry.msgstr == self.memory[entry.msgid] for entry in po):
            return True
        for entry in po:
            entry.msgstr = self.memory[entry.msgid]
        try:
            # The project's strict importer: the file must match the source exactly.
            import_po(translation, str(po).encode("utf-8"), user=None)
        except PoImportError as error:
            raise TranslationMemoryError(f"{_describe(instance)}: {error}") from error
        return True

    def _save(self, translation: Translation, instance) -> None:
        if isinstance(instance, DraftStateMixin):
            # Not save_target(publish=True): localize would publish on commit, from the copy
            # of the page it holds since saving it. By then the English children exist, and
            # the copy's stale child count would be written back, hiding them (open issue
            # wagtail/wagtail-localize#773). The draft's revision, published at once, keeps
            # the tree right and makes the English objects live in the load's transaction.
            save_translation_draft(translation, user=None).publish()
        else:
            translation.save_target(publish=True)

    def _parent_is_translated(self, page: Page) -> bool:
        parent = page.get_parent()
        return parent.is_root() or parent.has_translation(self.locale)

    def _count(self, target) -> None:
        if isinstance(target, Page):
            target = target.specific
            url_parts = target.get_url_parts()
            label = url_parts[2] if url_parts and url_parts[2] else target.url_path
            kind = "English pages"
        else:
            label = str(target)
            kind = f"English {target._meta.verbose_name_plural}"
        self.builder.count_new(kind, label, target)


def missing_as_po(missing: list[MissingString]) -> str:
    """The missing strings as PO entries with empty ``msgstr``, grouped by memory file.

    A string used in several places is listed once, for the file of its first use.
    """
    by_file: dict[str, list[str]] = {}
    seen: set[str] = set()
    for item in missing:
        if item.msgid in seen:
            continue
        seen.add(item.msgid)
        entry = polib.POEntry(msgid=item.msgid, msgstr="", comment=item.label)
        by_file.setdefault(item.po_file, []).append(str(entry))
    return "\n".join(
        f"# hub/demo/content/en/{po_file}\n\n" + "\n".join(entries)
        for po_file, entries in by_file.items()
    )
