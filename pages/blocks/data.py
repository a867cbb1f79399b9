"""Structured data blocks: key figures, timelines and a cluster's fields of action."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from pages.blocks.base import StructBlock
from pages.blocks.text import INLINE_RICH_TEXT_FEATURES


class KeyFigureBlock(StructBlock):
    # Kept as text so editors write the number the way it is read ("12.000", "1,5");
    # frontends show it as given instead of re-formatting it per locale.
    value = blocks.CharBlock(max_length=20, help_text="The number as it is shown, e.g. 12.000")
    unit = blocks.CharBlock(
        required=False, max_length=30, help_text="Written after the number, e.g. Mrd. € or %"
    )
    label = blocks.CharBlock(max_length=120, help_text="What is counted, e.g. Arbeitsplätze")

    class Meta:
        icon = "decimal"
        label = "Key figure"
        description = "One number with its unit and a short label."
        preview_value = {"value": "12.000", "unit": "", "label": "direkte und indirekte Jobs"}


class KeyFiguresBlock(StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200)
    items = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        template = "pages/blocks/key_figures.html"
        label = "Key figures"
        group = "Data"
        description = "A row of highlighted numbers, e.g. jobs, value added, members."
        preview_value = {
            "heading": "Chemie im Westharz",
            "items": [
                {"value": "12.000", "unit": "", "label": "direkte und indirekte Arbeitsplätze"},
                {"value": "1,5", "unit": "Mrd. €", "label": "jährliche Wertschöpfung"},
                {"value": "19", "unit": "", "label": "Mitglieder"},
            ],
        }


class TimelineItemBlock(StructBlock):
    date_label = blocks.CharBlock(
        max_length=60, help_text="When, as it should read, e.g. August 2016 or 2016 bis 2019"
    )
    title = blocks.CharBlock(max_length=200)
    text = blocks.RichTextBlock(required=False, features=INLINE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "date"
        label = "Milestone"
        description = "One entry of a timeline."


class TimelineBlock(StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200)
    items = blocks.ListBlock(TimelineItemBlock(), min_num=1)

    class Meta:
        icon = "history"
        template = "pages/blocks/timeline.html"
        label = "Timeline"
        group = "Data"
        description = "Milestones in order, e.g. the history of a network or a project."
        preview_value = {
            "heading": "Unsere Geschichte",
            "items": [
                {
                    "date_label": "August 2016",
                    "title": "Erste Förderung",
                    "text": "<p>Übergabe des Zuwendungsbescheids.</p>",
                },
                {
                    "date_label": "November 2019",
                    "title": "Zweite Förderphase",
                    "text": "<p>Die Förderung wird fortgesetzt.</p>",
                },
            ],
        }


class MeasureBlock(StructBlock):
    title = blocks.CharBlock(max_length=200, help_text="e.g. Roadmap-Prozess")
    description = blocks.TextBlock(required=False, max_length=1000)

    class Meta:
        icon = "tick-inverse"
        label = "Measure"
        description = "One activity within a field of action."


class FieldOfActionBlock(StructBlock):
    """A field of action (Handlungsfeld) of a cluster and what is done in it."""

    title = blocks.CharBlock(max_length=120, help_text="e.g. Innovation")
    summary = blocks.TextBlock(max_length=1500)
    measures = blocks.ListBlock(MeasureBlock(), min_num=0, collapsed=True)

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        duplicates = {}
        for index, measure in enumerate(value["measures"]):
            title = (measure.get("title") or "").strip().casefold()
            if title and title in seen:
                duplicates[index] = StructBlockValidationError(
                    block_errors={"title": ValidationError("This measure is listed twice.")}
                )
            seen.add(title)
        if duplicates:
            raise StructBlockValidationError(
                block_errors={"measures": ListBlockValidationError(block_errors=duplicates)}
            )
        return value

    class Meta:
        icon = "tasks"
        template = "pages/blocks/field_of_action.html"
        label = "Field of action"
        group = "Data"
        description = "A cluster's field of action with a summary and its measures."
        preview_value = {
            "title": "Innovation",
            "summary": "Gründer, Unternehmen und Wissenschaft entwickeln gemeinsam eine "
            "chemiegeprägte Innovationslandschaft.",
            "measures": [
                {
                    "title": "Innovationspreis",
                    "description": "Ein Clusterpreis zeichnet innovative Ideen aus.",
                },
                {
                    "title": "Roadmap-Prozess",
                    "description": "Der Innovationsbedarf der Akteure wird ermittelt.",
                },
            ],
        }
