"""Serializer fields for the values of Wagtail's own blocks inside the hub's blocks:
choices, lists, and choosers of pages and snippets.

Chooser values are stored as German originals; these fields show them in the response's
locale (``context["locale"]``) through the References of the response, which a
StreamField fills in bulk beforehand (api/serializers/blocks/prefetch.py).
"""

from drf_spectacular.drainage import set_override
from rest_framework import serializers

from api.serializers.blocks.resolution import references_for
from api.serializers.pages.fields import PageReferenceSerializer


class ChoiceValueField(serializers.ChoiceField):
    """A ChoiceBlock's value: one of the choices' keys, e.g. ``"h2"``.

    With ``component_name`` the keys become an enum component of that name; otherwise
    drf-spectacular names the enum after the field (``LevelEnum``), and renames it when
    another field of the same name gets other choices.
    """

    def __init__(self, choices, *, component_name: str | None = None, **kwargs):
        self.component_name = component_name
        super().__init__(choices, **kwargs)
        if component_name:
            set_override(self, "field", {"type": "string", "enum": list(self.choices)})
            set_override(self, "field_component_name", component_name)


class BlockListField(serializers.ListField):
    """A ListBlock's items; items that render as null (a chooser whose object is gone or
    not public) are left out rather than sent as holes in the list."""

    def __init__(self, **kwargs):
        child = kwargs.get("child")
        if child is not None and child.allow_null:
            # Null items are left out, so the schema must not allow them.
            kwargs["child"] = type(child)(*child._args, **{**child._kwargs, "allow_null": False})
        super().__init__(**kwargs)

    def to_representation(self, data):
        rendered = (self.child.to_representation(item) for item in data if item is not None)
        return [item for item in rendered if item is not None]


class PageChooserField(serializers.Field):
    """A PageChooserBlock's value as a PageReference in the response's locale::

        {"id": 12, "type": "network", "title": "The network", "locale": "en",
         "path": "/en/the-network/"}

    It is the chosen page's live, public translation, else the page itself when that is
    live and public, else null.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        set_override(self, "field", PageReferenceSerializer(allow_null=self.allow_null))

    def to_representation(self, page):
        target = references_for(self.context).page(page.pk)
        if target is None:
            return None
        return PageReferenceSerializer(target, context=self.context).data


class SnippetChooserField(serializers.Field):
    """A SnippetChooserBlock's value in the response's locale, rendered with
    ``serializer_class``; null when the snippet is not live (an unpublished organisation).

    The References of the response have mapped the snippets this one shows (a person's
    organisation) too; serializers that accept such a mapping as
    ``prefetched_translations`` (api/serializers/snippets.py) get it, so rendering costs
    no further query.
    """

    def __init__(self, serializer_class: type[serializers.Serializer], **kwargs):
        self.serializer_class = serializer_class
        kwargs.setdefault("allow_null", True)
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        set_override(self, "field", serializer_class(allow_null=self.allow_null))

    def to_representation(self, snippet):
        references = references_for(self.context)
        localized = references.snippet(snippet)
        if localized is None:
            return None
        serializer = self.serializer_class(context=self.context)
        if hasattr(serializer, "prefetched_translations"):
            serializer.prefetched_translations = references.translations
        return serializer.to_representation(localized)
