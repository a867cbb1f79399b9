"""Create-once helpers for the demo content.

Every helper looks its object up by a stable natural key (image and document title, snippet
key, page slug under its parent, site hostname) and returns what it finds untouched; only a
missing object is created, validated like an editor's input and published. A second load
therefore writes nothing: no new rows, revisions or changed timestamps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test.utils import override_settings
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page, ReferenceIndex, Site
from wagtail.search import index

from hub.demo import images
from hub.demo.images import Palette
from hub.demo.indexing import automatic_indexing_paused
from hub.models import FrontendSettings

FRONTEND_PORT = 3000
HUB_PORT = 8000


@dataclass(frozen=True)
class SiteSpec:
    """A demo site: its name, host, colours and the words on its hero image."""

    name: str
    hostname: str
    palette: Palette
    tagline: str
    hero_caption: str
    is_default: bool = False

    @property
    def frontend_url(self) -> str:
        return f"http://{self.hostname}:{FRONTEND_PORT}"


class DemoBuilder:
    """Finds or creates demo objects and counts what it created, by kind."""

    def __init__(self, *, log: Callable[[str], None]) -> None:
        self.locale = Locale.get_default()
        self.created: Counter[str] = Counter()
        self.notes: list[str] = []
        self.new_objects: list = []
        # Every page and snippet a step asked for, found or created, in the order asked:
        # parents before children, a snippet before the objects that refer to it.
        self.touched: list = []
        self.written_files: list[tuple[object, str]] = []
        self.site: SiteSpec | None = None
        self.palette = Palette("#1d3557", "#457b9d", "#e9c46a")
        self._log = log
        self._collection = Collection.get_first_root_node()

    def count_new(self, kind: str, label: str, instance=None) -> None:
        """Count a new object; ``kind`` is plural, as the progress lines show it."""
        self.created[kind] += 1
        if instance is not None:
            self.new_objects.append(instance)
        self._log(f"  + {kind}: {label}")

    @contextmanager
    def deferred_indexing(self) -> Iterator[None]:
        """Update the search and reference indexes once per new object, when the load is done.

        Left to the signal handlers, every save of a page or snippet (creation, revision,
        publication) would index the object again, which doubles the time of a load.
        """
        backends = {
            name: {**params, "AUTO_UPDATE": False}
            for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        with automatic_indexing_paused(), override_settings(WAGTAILSEARCH_BACKENDS=backends):
            yield
        # Publishing saved a copy made from the revision; index what is stored now, in the
        # order of creation (the search index's title norms depend on it).
        stored = self._stored_new_objects()
        for created in self.new_objects:
            instance = stored[type(created), created.pk]
            if ReferenceIndex.is_indexed(type(instance)):
                ReferenceIndex.create_or_update_for_object(instance)
            if isinstance(instance, index.Indexed):
                index.insert_or_update_object(instance)

    def _stored_new_objects(self) -> dict:
        """The new objects as stored now, by model and primary key: one query per model."""
        keys_by_model: dict[type, list] = {}
        for created in self.new_objects:
            keys_by_model.setdefault(type(created), []).append(created.pk)
        return {
            (model, key): instance
            for model, keys in keys_by_model.items()
            for key, instance in model._default_manager.in_bulk(keys).items()
        }

    def use_site(self, spec: SiteSpec) -> None:
        """File the following images and documents in the site's collection, in its colours."""
        self.site, self.palette = spec, spec.palette
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=spec.name).first()
        if collection is None:
            collection = root.add_child(instance=Collection(name=spec.name))
            self.count_new("collections", spec.name)
        self._collection = collection

    def _stored_file(self, model, kind: str, title: str, make_file, set_metadata: str, **fields):
        """The image or document titled ``title``; created from ``make_file()`` if missing.

        A created file is remembered so it can be deleted if the load rolls back.
        """
        existing = model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        instance = model(title=title, collection=self._collection, file=make_file(), **fields)
        getattr(instance, set_metadata)()
        instance.save()
        self.written_files.append((instance.file.storage, instance.file.name))
        self.count_new(kind, title, instance)
        return instance

    def _image(self, title: str, render: Callable[[], bytes], filename: str, description: str):
        return self._stored_file(
            get_image_model(),
            "images",
            title,
            lambda: ImageFile(BytesIO(render()), name=filename),
            "_set_image_file_metadata",
            description=description,
        )

    def image(self, title: str, subtitle: str = ""):
        """A banner picture with ``title`` in the current site's colours."""
        palette = self.palette
        return self._image(
            title,
            lambda: images.banner(title, subtitle, palette),
            f"{slugify(title)}.jpg",
            description=f"Grafik mit der Aufschrift „{title}“",
        )

    def logo(self, name: str):
        """A square logo with the initials of ``name``, titled "Logo <name>"."""
        palette = self.palette
        return self._image(
            f"Logo {name}",
            lambda: images.logo(name, palette),
            f"{slugify(name)}-logo.png",
            description=f"Logo von {name}",
        )

    def document(self, title: str, *paragraphs: str):
        """A one-page PDF with the title and the paragraphs."""
        return self._stored_file(
            get_document_model(),
            "documents",
            title,
            lambda: ContentFile(images.pdf(title, list(paragraphs)), name=f"{slugify(title)}.pdf"),
            "_set_document_file_metadata",
        )

    def snippet(self, model, key: dict, **fields):
        """The snippet with ``key`` in the default locale; created (and published) if missing."""
        existing = model.objects.filter(locale=self.locale, **key).first()
        if existing is not None:
            self.touched.append(existing)
            return existing
        instance = model(locale=self.locale, **key, **fields)
        instance.full_clean()
        if isinstance(instance, DraftStateMixin):
            instance.live = False
            instance.save()
            instance.save_revision().publish()
        else:
            instance.save()
        self.count_new(str(model._meta.verbose_name_plural), str(instance), instance)
        self.touched.append(instance)
        return instance

    def snippets(self, model, key: str, rows: list[dict], **shared) -> list:
        """One snippet per row, found by the row's ``key`` field; ``shared`` goes to every row."""
        return [
            self.snippet(
                model, {key: row[key]}, **shared, **{f: v for f, v in row.items() if f != key}
            )
            for row in rows
        ]

    def page(self, parent: Page, page_class, slug: str, **fields):
        """The child of ``parent`` with ``slug``; created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            existing = existing.specific
            self.touched.append(existing)
            return existing
        page = page_class(slug=slug, locale=self.locale, live=False, **fields)
        _validate_streams(page)
        parent.add_child(instance=page)
        page.save_revision(log_action=False).publish()
        self.count_new("pages", page.url_path, page)
        self.touched.append(page)
        return page

    def remove_welcome_page(self) -> None:
        """Delete the placeholder page and site that Wagtail's first migration creates.

        Only the untouched placeholder goes: a plain ``Page`` at depth 2 without children.
        """
        welcome = Page.objects.filter(
            depth=2,
            slug="home",
            numchild=0,
            content_type__app_label="wagtailcore",
            content_type__model="page",
        ).first()
        if welcome is not None:
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
            self.notes.append("removed Wagtail's welcome page")

    def site_page(self, spec: SiteSpec, *slugs: str):
        """A page of an earlier site, found by the slugs below its home page."""
        page = Site.objects.get(hostname=spec.hostname, port=HUB_PORT).root_page
        for slug in slugs:
            page = page.get_children().get(slug=slug)
        return page.specific

    def home(self, spec: SiteSpec, home_class, **fields):
        """The site's home page under the tree root, its Site and its frontend settings."""
        root = Page.get_first_root_node()
        home = self.page(root, home_class, slugify(spec.name), **fields)
        site = Site.objects.filter(hostname=spec.hostname, port=HUB_PORT).first()
        if site is None:
            other_default = Site.objects.filter(is_default_site=True).exists()
            site = Site.objects.create(
                hostname=spec.hostname,
                port=HUB_PORT,
                site_name=spec.name,
                root_page=home,
                is_default_site=spec.is_default and not other_default,
            )
            self.count_new("sites", spec.hostname)
        _settings, created = FrontendSettings.objects.get_or_create(
            site=site,
            defaults={
                "base_url": spec.frontend_url,
                "preview_url": f"{spec.frontend_url}/_preview",
            },
        )
        if created:
            self.count_new("frontend settings", spec.frontend_url)
        return home


def _validate_streams(instance) -> None:
    """Validate StreamField content the way the page editor would."""
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            field.stream_block.clean(getattr(instance, field.name))
