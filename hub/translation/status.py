"""How far each translation is: missing, in progress, outdated or up to date.

Nothing here is stored; the status follows from dates wagtail-localize and Wagtail keep:

- missing: no page with the source's translation key in the locale (an alias of the
  source does not count; it shows the German text);
- outdated: the source was published after translators last synced it
  (``TranslationSource.last_updated_at``); for a translation made by hand, without
  wagtail-localize, after the translation was last published;
- in progress: the translation is not live, has unpublished changes, is in review, was
  last published before the last sync, has strings translated since it was last published
  (saved in the editor, not yet submitted), or has strings without a translation (it is
  then shown with the source text where the translation is missing);
- up to date: none of these.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, Count, Exists, F, Max, OuterRef, QuerySet
from django.db.models.functions import Cast
from wagtail.models import DraftStateMixin, Locale, Page, WorkflowMixin, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource


class Status(StrEnum):
    MISSING = "missing"
    OUTDATED = "outdated"
    IN_PROGRESS = "in progress"
    UP_TO_DATE = "up to date"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class TargetState:
    """What the status needs to know about an existing translation."""

    live: bool
    has_unpublished_changes: bool
    in_moderation: bool
    last_published_at: datetime | None


@dataclass(frozen=True)
class StringProgress:
    untranslated: int
    updated_at: datetime | None


@dataclass(frozen=True)
class TranslationStatus:
    status: Status
    target_id: int | None = None
    translation_id: int | None = None
    source_published_at: datetime | None = None
    last_synced_at: datetime | None = None
    untranslated_segments: int = 0
    strings_updated_at: datetime | None = None


def decide_status(
    *,
    target: TargetState | None,
    source_published_at: datetime | None,
    last_synced_at: datetime | None,
    untranslated_segments: int,
    strings_updated_at: datetime | None = None,
) -> Status:
    """The status from the facts; ``last_synced_at`` is None for a translation by hand,
    ``strings_updated_at`` is when a string of the translation was last translated."""
    if target is None:
        return Status.MISSING
    compared_with = last_synced_at if last_synced_at is not None else target.last_published_at
    if source_published_at and compared_with and source_published_at > compared_with:
        return Status.OUTDATED
    # Without a publishing date (snippets without drafts, pages made live without
    # publishing) there is nothing to compare.
    published = target.last_published_at
    published_before_sync = last_synced_at is not None and published and published < last_synced_at
    strings_changed = (
        strings_updated_at is not None and published and published < strings_updated_at
    )
    if (
        not target.live
        or target.has_unpublished_changes
        or target.in_moderation
        or published_before_sync
        or strings_changed
        or untranslated_segments
    ):
        return Status.IN_PROGRESS
    return Status.UP_TO_DATE


def translation_statuses(
    *, pages: Iterable[Page], locales: Iterable[Locale]
) -> dict[tuple, TranslationStatus]:
    """Status of every page in ``pages`` (source-locale pages) in each of ``locales``.

    Keyed by ``(translation_key, language_code)``. Runs the same few queries for any number
    of pages: targets, sources, translations and two for string progress (plus one for
    ``pages`` if it is an unevaluated queryset).
    """
    locales = list(locales)
    locale_codes = {locale.pk: locale.language_code for locale in locales}
    # A queryset becomes a subquery in each lookup; a list becomes a list of keys.
    keys = (
        pages.values("translation_key")
        if isinstance(pages, QuerySet)
        else [page.translation_key for page in pages]
    )
    pages = list(pages)

    targets = _target_states(keys, list(locale_codes))
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys).only(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    source_ids = [source.pk for source in sources.values()]
    translations = {
        (translation.source_id, translation.target_locale_id): translation.pk
        for translation in Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_codes, enabled=True
        ).only("id", "source_id", "target_locale_id")
    }
    strings = _string_progress(source_ids, list(locale_codes))

    statuses = {}
    for page in pages:
        source = sources.get((page.translation_key, page.locale_id))
        for locale_id, code in locale_codes.items():
            target_id, target = targets.get((page.translation_key, locale_id), (None, None))
            translation_id = translations.get((source.pk, locale_id)) if source else None
            synced_at = source.last_updated_at if translation_id else None
            progress = strings.get((source.pk, locale_id)) if translation_id else None
            statuses[(page.translation_key, code)] = _translation_status(
                target=target,
                target_id=target_id,
                translation_id=translation_id,
                source_published_at=page.last_published_at,
                last_synced_at=synced_at,
                progress=progress or StringProgress(0, None),
            )
    return statuses


def _translation_status(
    *,
    target: TargetState | None,
    target_id: int | None,
    translation_id: int | None,
    source_published_at: datetime | None,
    last_synced_at: datetime | None,
    progress: StringProgress,
) -> TranslationStatus:
    return TranslationStatus(
        status=decide_status(
            target=target,
            source_published_at=source_published_at,
            last_synced_at=last_synced_at,
            untranslated_segments=progress.untranslated,
            strings_updated_at=progress.updated_at,
        ),
        target_id=target_id,
        translation_id=translation_id,
        source_published_at=source_published_at,
        last_synced_at=last_synced_at,
        untranslated_segments=progress.untranslated,
        strings_updated_at=progress.updated_at,
    )


def _target_states(keys, locale_ids: list[int]) -> dict[tuple, tuple[int, TargetState]]:
    in_moderation = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    rows = (
        Page.objects.filter(
            translation_key__in=keys, locale_id__in=locale_ids, alias_of__isnull=True
        )
        .annotate(in_moderation=Exists(in_moderation))
        .values_list(
            "pk",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "in_moderation",
            "last_published_at",
        )
    )
    return {
        (key, locale_id): (pk, TargetState(live, unpublished, moderated, published_at))
        for pk, key, locale_id, live, unpublished, moderated, published_at in rows
    }


def _string_progress(source_ids, locale_ids) -> dict[tuple[int, int], StringProgress]:
    """By source and locale: how many string segments lack an (error-free) translation, and
    when a translation was last saved."""
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(count=Count("pk"))
        .values_list("source_id", "count")
    )
    translated = {
        (source_id, locale_id): (count, updated_at)
        for source_id, locale_id, count, updated_at in StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(
            count=Count("pk", distinct=True), updated_at=Max("string__translations__updated_at")
        )
        .values_list("source_id", "string__translations__locale_id", "count", "updated_at")
    }
    progress = {}
    for source_id, total in totals.items():
        for locale_id in locale_ids:
            count, updated_at = translated.get((source_id, locale_id), (0, None))
            progress[(source_id, locale_id)] = StringProgress(total - count, updated_at)
    return progress


def translation_status(translation: Translation) -> TranslationStatus:
    """Status of one translation of a page or snippet, e.g. for its editor.

    Snippets without DraftStateMixin keep no publishing dates: they count as live and
    published, so only missing strings make them "in progress" and they are never
    "outdated".
    """
    source = translation.source
    try:
        source_instance = source.get_source_instance()
        target = source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        return TranslationStatus(Status.MISSING, translation_id=translation.pk)
    if isinstance(target, Page) and target.alias_of_id:
        return TranslationStatus(Status.MISSING, translation_id=translation.pk)

    draftable = isinstance(target, DraftStateMixin)
    state = TargetState(
        live=target.live if draftable else True,
        has_unpublished_changes=target.has_unpublished_changes if draftable else False,
        in_moderation=isinstance(target, WorkflowMixin) and target.workflow_in_progress,
        last_published_at=target.last_published_at if draftable else None,
    )
    key = (source.pk, translation.target_locale_id)
    progress = _string_progress([source.pk], [translation.target_locale_id]).get(
        key, StringProgress(0, None)
    )
    return _translation_status(
        target=state,
        target_id=target.pk,
        translation_id=translation.pk,
        source_published_at=getattr(source_instance, "last_published_at", None),
        last_synced_at=source.last_updated_at if translation.enabled else None,
        progress=progress,
    )
