"""Serializer fields the page serializers share: the page type, where a page lives, and
references to snippets and other pages in the locale of the response.

Pages in a target locale keep pointing at German snippets and pages (synchronised
relations, docs/translation.md); these fields map them to ``context["locale"]`` before
they are rendered, falling back to the German original, and leave out what is not public.
"""

from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.selectors.localized import localized_by_pk, localized_objects
from api.selectors.pages import PageLocation, localized_public_page, page_location
from api.serializers.pages.registry import PAGE_TYPE_CHOICES, page_type_name

# Where a page's location is kept while one serializer renders it (path, site and url
# read it; computing it once spares two URL reversals per page).
_LOCATION_ATTR = "_api_page_location"

# Schema component of the enum of all page types.
PAGE_TYPE_COMPONENT = "PageType"


def location_of(page, *, request) -> PageLocation | None:
    """``page_location()`` of ``page``, computed once per page object."""
    if _LOCATION_ATTR not in page.__dict__:
        page.__dict__[_LOCATION_ATTR] = page_location(page=page, request=request)
    return page.__dict__[_LOCATION_ATTR]


class PageTypeField(serializers.ChoiceField):
    """The page's API type (``"news"``); see api/serializers/pages/registry.py.

    Given a ``page_model``, the field stands for that type alone: the per-type detail
    serializers use it, so the schema can tell the types apart by ``type``.
    """

    def __init__(self, page_model=None, **kwargs):
        self.page_model = page_model
        if page_model is None:
            choices = PAGE_TYPE_CHOICES
        else:
            choices = [(page_type_name(page_model), page_model._meta.verbose_name)]
        kwargs.update(source="*", read_only=True)
        super().__init__(choices=choices, **kwargs)
        # Named enums: one of all types (PageType), shared by every schema that names a
        # page type, and one per type (NewsPageType) for the detail payloads. Left to
        # drf-spectacular, the same choices in other schemas would make its names clash.
        component_name = PAGE_TYPE_COMPONENT if page_model is None else f"{page_model.__name__}Type"
        set_override(self, "field", {"type": "string", "enum": list(self.choices)})
        set_override(self, "field_component_name", component_name)

    def to_representation(self, page):
        return page_type_name(self.page_model or page)


@extend_schema_field(OpenApiTypes.STR)
class PagePathField(serializers.Field):
    """The page's frontend path with its locale prefix: ``/en/about-us/``."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return location_of(page, request=self.context["request"]).path


@extend_schema_field(OpenApiTypes.STR)
class PageSiteField(serializers.Field):
    """The hostname of the page's site: ``chemienetzwerk-harz.localhost``."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return location_of(page, request=self.context["request"]).hostname


@extend_schema_field(OpenApiTypes.URI)
class PageFrontendURLField(serializers.Field):
    """The page's full address on its site's frontend; null when no frontend is set."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True, allow_null=True)
        super().__init__(**kwargs)

    def get_attribute(self, page):
        # None here renders as null without calling to_representation.
        return location_of(page, request=self.context["request"]).url

    def to_representation(self, url):
        return url


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class BlankAsNullURLField(serializers.URLField):
    """A URL that editors may leave empty; empty comes out as null."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, allow_null=True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return super().get_attribute(instance) or None


class LocalizedSnippetField(serializers.Field):
    """A snippet foreign key (``many=False``) or many-to-many relation (``many=True``),
    mapped to the response's locale and rendered with ``serializer_class``.

    An unpublished organisation reads as null (foreign key) or is left out (list). The
    schema is ``serializer_class``'s, nullable for a foreign key.
    """

    def __init__(self, serializer_class, *, many: bool = False, **kwargs):
        self.serializer_class = serializer_class
        self.many = many
        kwargs["read_only"] = True
        if not many:
            kwargs["allow_null"] = True
        super().__init__(**kwargs)
        # Declared fields are deep-copied by re-running __init__, so the override survives.
        set_override(self, "field", serializer_class(many=many, allow_null=not many))

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        locale = self.context["locale"]
        if self.many:
            return localized_objects(list(related.all()), locale=locale)
        if related is None:
            return None
        return localized_by_pk([related], locale=locale).get((type(related), related.pk))

    def to_representation(self, value):
        return self.serializer_class(value, many=self.many, context=self.context).data


class SnippetRolesField(serializers.Field):
    """Inline rows that give a snippet a role on the page (a cluster's speakers, a
    project's partners): ``[{"person": {...}, "role": "Sprecher für Chemie"}]``.

    ``item_serializer_class`` declares the item shape: the snippet field named
    ``snippet_field`` and ``role``. The snippets of all rows are mapped to the response's
    locale at once; rows whose snippet is not public (an unpublished organisation) are left
    out.
    """

    def __init__(self, item_serializer_class, *, snippet_field: str, **kwargs):
        self.item_serializer_class = item_serializer_class
        self.snippet_field = snippet_field
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        set_override(self, "field", item_serializer_class(many=True))

    def to_representation(self, rows):
        rows = list(rows.all())
        snippets = [getattr(row, self.snippet_field) for row in rows]
        translations = localized_by_pk(snippets, locale=self.context["locale"])
        shown = [
            (row, translation)
            for row, snippet in zip(rows, snippets, strict=True)
            if (translation := translations.get((type(snippet), snippet.pk))) is not None
        ]
        snippet_serializer_class = type(self.item_serializer_class().fields[self.snippet_field])
        rendered = snippet_serializer_class(
            [snippet for _row, snippet in shown], many=True, context=self.context
        ).data
        return [
            {self.snippet_field: data, "role": row.role}
            for (row, _snippet), data in zip(shown, rendered, strict=True)
        ]


class PageReferenceSerializer(serializers.Serializer):
    """Another page that this one refers to (a directory's group, a documented event).

    ::

        {"id": 12, "type": "network", "title": "The network", "locale": "en",
         "path": "/en/the-network/"}

    It is the referenced page's translation in the response's locale where that is
    public, otherwise the page itself.
    """

    id = serializers.IntegerField()
    type = PageTypeField()
    title = serializers.CharField()
    locale = serializers.CharField(source="locale.language_code")
    path = PagePathField()


class PageReferenceField(serializers.Field):
    """A foreign key to a page, as a PageReference in the response's locale, or null when
    neither the page nor its translation is public."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, allow_null=True)
        super().__init__(**kwargs)
        set_override(self, "field", PageReferenceSerializer(allow_null=True))

    def get_attribute(self, instance):
        page = super().get_attribute(instance)
        return localized_public_page(
            page=page, locale=self.context["locale"], request=self.context["request"]
        )

    def to_representation(self, page):
        return PageReferenceSerializer(page, context=self.context).data
