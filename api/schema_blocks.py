"""How StreamFields appear in the OpenAPI schema: typed per block, never free-form.

A StreamField is an array whose items are ``oneOf`` the item components of its blocks,
told apart by ``type``::

    body:
      type: array
      items:
        oneOf: [{$ref: HeadingBlock}, {$ref: ParagraphBlock}, ...]
        discriminator:
          propertyName: type
          mapping: {heading: HeadingBlock, paragraph: ParagraphBlock, ...}

Each item component is ``{type: <block name>, id: uuid, value: ...}``. ``type`` refers to
a one-value enum component of its own (``HeadingBlockType``), named here rather than by
drf-spectacular's enum naming, which would rename it whenever another component used the
same value. ``value`` is the schema of the block's value field
(api/serializers/blocks/registry.py), which for struct blocks is a component of its own
(``HeadingBlockValue``).

Item components are named after the block class when the block name matches it
(``heading`` → ``HeadingBlock``; ``article`` → ``NewsletterArticleBlock``), otherwise
after both (a ``photo`` that is an ImageBlock → ``PhotoImageBlock``). The name depends
only on the block, so adding a StreamField never renames the components of another one.
"""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import (
    ComponentIdentity,
    ResolvedComponent,
    build_array_type,
    build_object_type,
)
from wagtail import blocks


def pascal_case(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def block_item_component_name(name: str, block: blocks.Block) -> str:
    """The component name of the items of block type ``name`` (see the module doc)."""
    class_name = type(block).__name__
    if class_name.endswith(f"{pascal_case(name)}Block"):
        return class_name
    return pascal_case(name) + class_name


def block_item_component(auto_schema, direction, *, name: str, block, value_field):
    """The (registered) item component of block type ``name`` of a stream."""
    component = ResolvedComponent(
        name=block_item_component_name(name, block),
        type=ResolvedComponent.SCHEMA,
        # Same name, same block class: the same component, whichever stream it is in.
        object=ComponentIdentity((name, type(block))),
    )
    if component in auto_schema.registry:
        return auto_schema.registry[component]
    # Registered before its value is mapped, so a stream nested in itself terminates.
    auto_schema.registry.register(component)
    type_component = ResolvedComponent(
        name=f"{component.name}Type",
        type=ResolvedComponent.SCHEMA,
        schema={"type": "string", "enum": [name]},
        object=ComponentIdentity(("type", name, type(block))),
    )
    auto_schema.registry.register(type_component)
    component.schema = build_object_type(
        properties={
            "type": type_component.ref,
            "id": {"type": "string", "format": "uuid"},
            "value": auto_schema._map_serializer_field(value_field, direction),
        },
        required=["type", "id", "value"],
        description=str(block.meta.description or block.label),
    )
    return component


class StreamFieldSerializerFieldExtension(OpenApiSerializerFieldExtension):
    """The schema of api.serializers.streamfield.StreamFieldSerializerField."""

    target_class = "api.serializers.streamfield.StreamFieldSerializerField"

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        one_of, mapping = [], {}
        for name, block in field.stream_block.child_blocks.items():
            component = block_item_component(
                auto_schema, direction, name=name, block=block, value_field=field.child_fields[name]
            )
            one_of.append(component.ref)
            mapping[name] = component.ref["$ref"]
        return build_array_type(
            {"oneOf": one_of, "discriminator": {"propertyName": "type", "mapping": mapping}}
        )
