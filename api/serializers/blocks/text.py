"""Values of the text blocks (pages/blocks/text.py): headings, quotes, accordions and calls
to action. A paragraph's value is its HTML (api/serializers/rich_text.py)."""

from rest_framework import serializers

from api.serializers.blocks.fields import ChoiceValueField, PageChooserField
from api.serializers.pages.fields import BlankAsNullURLField
from api.serializers.rich_text import RichTextField
from pages.blocks.text import HEADING_LEVELS


class HeadingBlockValueSerializer(serializers.Serializer):
    """A section heading; the page title is level 1, so levels run from h2 to h4.

    ::

        {"text": "Kompetenzregion Westharz", "level": "h2"}
    """

    text = serializers.CharField()
    level = ChoiceValueField(choices=HEADING_LEVELS, component_name="HeadingLevel")


class QuoteBlockValueSerializer(serializers.Serializer):
    """A quotation typed in place::

        {"text": "Innovative Unternehmen ... sind die Basis ...",
         "attribution": "Dr. Christoph Mühlhaus", "role": "Clustersprecher"}

    ``attribution`` and ``role`` may be empty.
    """

    text = serializers.CharField()
    attribution = serializers.CharField()
    role = serializers.CharField()


class AccordionItemBlockValueSerializer(serializers.Serializer):
    """One question with its answer (HTML).

    ::

        {"question": "Wer kann Mitglied werden?", "answer": "<p>Unternehmen, ...</p>"}
    """

    question = serializers.CharField()
    answer = RichTextField()


class AccordionBlockValueSerializer(serializers.Serializer):
    """Questions and answers that open one at a time.

    ::

        {"heading": "Häufige Fragen", "items": [{...AccordionItemBlockValue...}]}
    """

    heading = serializers.CharField()
    items = AccordionItemBlockValueSerializer(many=True)


class CallToActionBlockValueSerializer(serializers.Serializer):
    """A highlighted box with one button leading to ``page`` or, without one, to ``url``::

        {"title": "Mitglied werden", "text": "Profitieren Sie ...",
         "page": {"id": 7, "type": "standard", "title": "Mitglied werden", "locale": "de",
                  "path": "/mitglied-werden/"},
         "url": null, "label": "Mehr erfahren"}

    ``page`` is null when no page is chosen or it is not public (the box then has no
    target unless ``url`` is set).
    """

    title = serializers.CharField()
    text = serializers.CharField()
    page = PageChooserField()
    url = BlankAsNullURLField()
    label = serializers.CharField()
