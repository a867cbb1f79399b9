"""Pages in the API: type names, the detail payload per page type, and listing items.

- ``registry``: the API type of each page model (``page_type_name()``).
- ``base``: the fields every page payload has, and the compact ``PageListItemSerializer``.
- one module per page family, mirroring pages/models/.
- ``detail``: the per-type serializer of a page and the ``PageDetail`` schema.
"""
