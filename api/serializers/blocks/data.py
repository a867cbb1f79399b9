"""Values of the structured data blocks (pages/blocks/data.py): key figures, timelines and a
cluster's fields of action."""

from rest_framework import serializers

from api.serializers.rich_text import RichTextField


class KeyFigureBlockValueSerializer(serializers.Serializer):
    """One number as editors wrote it (not re-formatted per locale), with unit and label.

    ::

        {"value": "1,5", "unit": "Mrd. €", "label": "jährliche Wertschöpfung"}
    """

    value = serializers.CharField()
    unit = serializers.CharField()
    label = serializers.CharField()


class KeyFiguresBlockValueSerializer(serializers.Serializer):
    """A row of highlighted numbers.

    ::

        {"heading": "Chemie im Westharz", "items": [{...KeyFigureBlockValue...}, ...]}
    """

    heading = serializers.CharField()
    items = KeyFigureBlockValueSerializer(many=True)


class TimelineItemBlockValueSerializer(serializers.Serializer):
    """One milestone; ``date_label`` reads as written, ``text`` is HTML.

    ::

        {"date_label": "August 2016", "title": "Erste Förderung",
         "text": "<p>Übergabe des Zuwendungsbescheids.</p>"}
    """

    date_label = serializers.CharField()
    title = serializers.CharField()
    text = RichTextField()


class TimelineBlockValueSerializer(serializers.Serializer):
    """Milestones in order.

    ::

        {"heading": "Unsere Geschichte", "items": [{...TimelineItemBlockValue...}, ...]}
    """

    heading = serializers.CharField()
    items = TimelineItemBlockValueSerializer(many=True)


class MeasureBlockValueSerializer(serializers.Serializer):
    """One activity within a field of action.

    ::

        {"title": "Roadmap-Prozess", "description": "Der Innovationsbedarf ..."}
    """

    title = serializers.CharField()
    description = serializers.CharField()


class FieldOfActionBlockValueSerializer(serializers.Serializer):
    """A cluster's field of action (Handlungsfeld) with its measures.

    ::

        {"title": "Innovation", "summary": "Gründer, Unternehmen und Wissenschaft ...",
         "measures": [{...MeasureBlockValue...}, ...]}
    """

    title = serializers.CharField()
    summary = serializers.CharField()
    measures = MeasureBlockValueSerializer(many=True)
