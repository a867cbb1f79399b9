"""Shared base for the struct blocks of the library."""

from wagtail import blocks

# Blocks whose empty value the admin stores as "" rather than null.
TEXT_VALUE_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def missing_child_value(block: blocks.Block):
    """The value a child block gets when a struct value leaves it out."""
    if isinstance(block, TEXT_VALUE_BLOCKS) and block.meta.default is None:
        return block.normalize("")
    return block.get_default()


class StructBlock(blocks.StructBlock):
    """A StructBlock whose values carry every child, also when they are built in code.

    Values created in code (demo content, imports) may leave out optional children.
    Stored like that, frontends would get objects with missing keys, and wagtail-localize
    fails to extract segments from a nested image block whose key is absent. Missing
    children therefore get the value the admin would store for them.
    """

    def get_default(self):
        return self.normalize(self._evaluate_callable(self.meta.default) or {})

    def normalize(self, value):
        if isinstance(value, self.meta.value_class):
            return value
        return self._to_struct_value(
            {
                name: block.normalize(value[name]) if name in value else missing_child_value(block)
                for name, block in self.child_blocks.items()
            }
        )
