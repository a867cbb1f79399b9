"""Translations made through wagtail-localize, as translators make them in its editor."""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from tests.factories.snippets import locale


def start_translation(instance, language: str = "en") -> Translation:
    """The source of ``instance`` (extracted now) and its translation into ``language``."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale(language)
    )
    return translation


def translate_strings(translation: Translation, texts: dict[str, str]) -> int:
    """Translate the source's strings found in ``texts`` (keyed by source text); returns
    how many segments were translated."""
    count = 0
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={
                    "data": texts[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
            count += 1
    return count


def translate(instance, texts: dict[str, str], *, language: str = "en", publish: bool = True):
    """Translate ``instance`` with ``texts`` and save the target (missing strings fall back
    to the source text). Publishing happens when the transaction commits: wrap the call in
    ``django_capture_on_commit_callbacks(execute=True)``."""
    translation = start_translation(instance, language)
    translate_strings(translation, texts)
    translation.save_target(publish=publish)
    return translation
