"""Demo content of the hub: four sites built from the organisations' public facts.

``manage.py load_demo`` builds it; :mod:`hub.demo.content` holds one module per site,
:mod:`hub.demo.builder` the create-once helpers, :mod:`hub.demo.images` the generated
pictures and PDF files, and :mod:`hub.demo.indexing` what pauses Wagtail's indexing while
they are written.
"""
