"""Keep translations in step with their German sources.

Two moments matter:

- A German page is created under a parent that is already translated: its counterparts are
  created in those locales as drafts with a localize ``Translation``, so translators find
  them in their editor and nothing goes live untranslated. The work runs as a background
  task after the transaction commits (:mod:`hub.translation.tasks`).
- A German source is published again: :func:`sync_translations` brings the change into the
  translation sources and saves each translation as a draft; translators then fill in the
  new strings and publish through review.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from hub.translation.drafts import save_translation_draft


def target_locales_for_new_page(page: Page) -> list[Locale]:
    """The configured locales where ``page``'s parent has a translation and ``page`` has none.

    A page whose parent is not translated into a locale stays untranslated there: a site that
    is not translated stays German-only.
    """
    parent = page.get_parent()
    if parent is None:
        return []
    content_languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return list(
        Locale.objects.filter(
            language_code__in=content_languages,
            id__in=Page.objects.filter(translation_key=parent.translation_key).values("locale_id"),
        )
        .exclude(
            id__in=Page.objects.filter(translation_key=page.translation_key).values("locale_id")
        )
        .order_by("language_code")
    )


def create_translations_of_new_page(page_id: int) -> list[str]:
    """Create draft translations of a source page; return the language codes created.

    Called from the background task, possibly long after the page was created, so the
    locales are worked out again here and a page deleted in the meantime is skipped.
    """
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    locales = target_locales_for_new_page(page)
    if not locales:
        return []
    # With WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE off, localize saves the new pages as
    # drafts; the Translation records it creates are what open the translation editor.
    # Related snippets are left out: those without drafts (topics, people, ...) would be
    # published at once with German text. The draft page uses the German snippet until a
    # translator translates it.
    creator = TranslationCreator(user=None, target_locales=locales)
    with transaction.atomic():
        creator.create_translations(page.specific, include_related_objects=False)
    return [locale.language_code for locale in locales]


def _is_new_source_page(instance: Page, *, created: bool, raw: bool) -> bool:
    if not created or raw or instance.alias_of_id is not None or instance.depth <= 1:
        return False
    # Pages that localize creates in target locales land here too and must not recurse.
    return instance.locale_id == Locale.get_default().pk


def _translate_new_source_page(sender, instance, created=False, raw=False, **kwargs) -> None:
    if not isinstance(instance, Page) or not _is_new_source_page(
        instance, created=created, raw=raw
    ):
        return
    if not target_locales_for_new_page(instance):
        return
    # Imported here: the task module imports this one.
    from hub.translation.tasks import create_page_translations

    page_id = instance.pk
    # After commit, so the worker finds the page and the page's first revision.
    transaction.on_commit(lambda: create_page_translations.enqueue(page_id))


def connect() -> None:
    """Connect the signal handler; called once from ``HubConfig.ready()``."""
    # Page subclasses send post_save with their own class as sender, so no sender filter.
    post_save.connect(
        _translate_new_source_page, dispatch_uid="hub.translation.sync.new_source_page"
    )


def sync_translations(source_instance, *, user) -> list[Translation]:
    """Bring the current content of ``source_instance`` into its translations.

    Re-extracts the source, so the translation editor shows the new strings, and saves every
    enabled translation of a model with drafts (pages, organisations) as a draft revision,
    never into a live object's row: the live translations stay as they are until the updated
    ones are published. Snippets without drafts would go live at once if saved here, so they
    change when a translator saves them in the editor. Returns the enabled translations.
    """
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(source_instance)
        translations = list(
            source.translations.filter(enabled=True).select_related("target_locale", "source")
        )
        if issubclass(source.specific_content_type.model_class(), DraftStateMixin):
            for translation in translations:
                save_translation_draft(translation, user=user)
    return translations
