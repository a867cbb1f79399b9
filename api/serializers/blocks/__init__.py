"""Value serializers of the hub's blocks, one per block class, mirroring pages/blocks/.

Each serializer renders a block's value and, through its declared fields, describes it
in the OpenAPI schema. ``registry.block_value_field()`` picks the field for a block;
``prefetch`` and ``resolution`` look up what block values refer to in bulk.
"""
