"""Bulk lookup behind embed blocks: a StreamField costs one query for all its videos.

Linked pages and snippets are looked up in bulk by api/selectors/pages.py
(``localized_public_pages``) and api/selectors/localized.py (``localized_by_pk``).
"""

from collections.abc import Iterable

from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

# An embed as blocks store it: the URL and the size limits of the block.
EmbedKey = tuple[str, int | None, int | None]


def cached_embeds(*, keys: Iterable[EmbedKey]) -> dict[EmbedKey, Embed]:
    """The unexpired rows of Wagtail's embed cache for ``keys``; one query.

    Wagtail's ``get_embed`` reads the same rows one at a time; missing keys are for it to
    fetch from the provider.
    """
    hashes = {get_embed_hash(*key): key for key in set(keys)}
    if not hashes:
        return {}
    rows = Embed.objects.filter(hash__in=hashes).exclude(cache_until__lte=timezone.now())
    return {hashes[embed.hash]: embed for embed in rows}
