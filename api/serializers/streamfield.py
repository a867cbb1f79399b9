"""StreamField content as a list of ``{type, id, value}`` with a typed value per block.

::

    [{"type": "heading", "id": "0c4b5c8e-6d2a-4b52-9d0e-0d7f7b1f3a11",
      "value": {"text": "Kompetenzregion Westharz", "level": "h2"}},
     {"type": "paragraph", "id": "5e0e0f5c-8a57-4a3c-b0b5-0f7d35d7f0a2",
      "value": "<p>Das Netzwerk verbindet <b>19 Mitglieder</b>.</p>"}]

Each block's value is rendered by the serializer field that api/serializers/blocks/
registry.py gives its block class; the same fields describe the value in the OpenAPI
schema (api/schema_blocks.py), where a StreamField is an array of ``oneOf`` the block
item components with ``type`` as discriminator.

Declare the field with the StreamBlock of the model field::

    body = StreamFieldSerializerField(BodyStreamBlock)
    articles = StreamFieldSerializerField.for_model_field(NewsletterIssuePage, "articles")

The second form is for StreamFields defined as a list of blocks, which have no
StreamBlock class of their own.
"""

import copy
from functools import cached_property

from rest_framework import serializers
from wagtail import blocks
from wagtail.fields import StreamField

import api.schema_blocks  # noqa: F401  (registers the schema of this field)
from api.serializers.blocks.prefetch import prefetch_stream
from api.serializers.blocks.registry import block_value_field
from api.serializers.blocks.resolution import references_for


class StreamFieldSerializerField(serializers.Field):
    """A StreamField's value; takes the StreamBlock (class or instance) that defines it.

    Everything the value refers to (images and their renditions, pages, snippets, link
    targets in rich text, embeds) is looked up in bulk for the response's locale before
    the blocks are rendered, so a stream costs a fixed number of queries. The context
    must carry ``request`` and ``locale``.
    """

    def __init__(self, stream_block: type[blocks.StreamBlock] | blocks.StreamBlock, **kwargs):
        if isinstance(stream_block, type):
            stream_block = stream_block()
        if not isinstance(stream_block, blocks.StreamBlock):
            raise TypeError(f"Expected a StreamBlock, got {stream_block!r}.")
        self.stream_block = stream_block
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    @classmethod
    def for_model_field(cls, model, field_name: str, **kwargs) -> "StreamFieldSerializerField":
        """The field for ``model``'s StreamField ``field_name``."""
        model_field = model._meta.get_field(field_name)
        if not isinstance(model_field, StreamField):
            raise TypeError(f"{model.__name__}.{field_name} is not a StreamField.")
        return cls(model_field.stream_block, **kwargs)

    def __deepcopy__(self, memo):
        # Serializers deep-copy their declared fields. Block definitions are immutable and
        # shared by the whole project; copying one would only cost time.
        kwargs = {name: value for name, value in self._kwargs.items() if name != "stream_block"}
        return type(self)(self.stream_block, **copy.deepcopy(kwargs, memo))

    @cached_property
    def child_fields(self) -> dict[str, serializers.Field]:
        """The value field of each block type of the stream, by block name."""
        fields = {}
        for name, block in self.stream_block.child_blocks.items():
            fields[name] = block_value_field(block)
            fields[name].bind(field_name=name, parent=self)
        return fields

    def to_representation(self, stream_value):
        prefetch_stream(self.stream_block, stream_value, references=references_for(self.context))
        items = []
        for child in stream_value:
            field = self.child_fields[child.block_type]
            # A chooser block whose object has been deleted holds None.
            value = None if child.value is None else field.to_representation(child.value)
            items.append({"type": child.block_type, "id": child.id, "value": value})
        return items
