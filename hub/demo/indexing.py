"""Wagtail's automatic indexing, paused while many objects are written in one go.

After every save of a page, snippet, image or document, Wagtail updates the reference index
and the search index enqueues an index task (which runs at once without a worker). A bulk
load pays for that on each of the many saves of each object; it rather indexes what it made
once at its end (:meth:`hub.demo.builder.DemoBuilder.deferred_indexing`).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save
from wagtail.search import index
from wagtail.search import signal_handlers as search_signal_handlers
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def automatic_indexing_paused() -> Iterator[None]:
    """Save objects without updating the reference or search index after each save.

    Nothing is indexed afterwards: the caller indexes what it needs, or needs no index (a
    test that creates a hundred pages to count the queries of a listing).
    """
    with disable_reference_index_auto_update(), _search_signal_handlers_disconnected():
        yield


@contextmanager
def _search_signal_handlers_disconnected() -> Iterator[None]:
    """Disconnect the search index's ``post_save`` handler from the indexed models.

    Switching ``AUTO_UPDATE`` off is not enough: the handler still enqueues a task per save,
    which looks the object up twice before it finds no backend to update.
    """
    handler = search_signal_handlers.post_save_signal_handler
    disconnected = [
        model for model in index.get_indexed_models() if post_save.disconnect(handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(handler, sender=model)
