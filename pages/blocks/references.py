"""Blocks that point at snippets (quotes, funding, people, organisations) or at links."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock as WagtailImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from pages.blocks.base import StructBlock


def repeated_choice_errors(chosen, message: str) -> ListBlockValidationError | None:
    """Errors for the items of a list of chooser values that repeat an earlier item."""
    seen = set()
    errors = {}
    for index, item in enumerate(chosen):
        if item is None:
            continue
        if item.pk in seen:
            errors[index] = ValidationError(message)
        seen.add(item.pk)
    return ListBlockValidationError(block_errors=errors) if errors else None


class QuoteSnippetBlock(SnippetChooserBlock):
    """A testimonial kept as a Quote snippet, so it can appear on several pages."""

    def __init__(self, **kwargs):
        super().__init__("snippets.Quote", **kwargs)

    class Meta:
        icon = "openquote"
        template = "pages/blocks/quote_snippet.html"
        label = "Quote from the directory"
        group = "References"
        description = "A member's testimonial chosen from the quotes directory."


class FundingNoticeBlock(StructBlock):
    """The funding disclosure that publicly funded work has to show (EFRE, BMBF, ...)."""

    funding = SnippetChooserBlock("snippets.Funding")
    notice = blocks.TextBlock(
        max_length=800,
        help_text="The wording the funder prescribes, e.g. "
        "Gefördert aus Mitteln des Europäischen Fonds für regionale Entwicklung (EFRE).",
    )
    emblem = WagtailImageBlock(
        required=False, help_text="Logo or emblem the funder requires, e.g. the EU emblem."
    )

    class Meta:
        icon = "info-circle"
        template = "pages/blocks/funding_notice.html"
        label = "Funding notice"
        group = "References"
        description = "Discloses public funding with the funder's wording and emblem."


class ChosenListBlock(StructBlock):
    """A heading and a list of snippets, each listed at most once.

    Subclasses name their list child in ``chosen_list`` and the message for a repeat in
    ``repeat_message``.
    """

    chosen_list: str
    repeat_message: str

    def clean(self, value):
        value = super().clean(value)
        errors = repeated_choice_errors(value[self.chosen_list], self.repeat_message)
        if errors:
            raise StructBlockValidationError(block_errors={self.chosen_list: errors})
        return value


class PeopleBlock(ChosenListBlock):
    heading = blocks.CharBlock(required=False, max_length=200, help_text="e.g. Clustersprecher")
    people = blocks.ListBlock(SnippetChooserBlock("snippets.Person"), min_num=1)

    chosen_list = "people"
    repeat_message = "This person is already listed."

    class Meta:
        icon = "group"
        template = "pages/blocks/people.html"
        label = "People"
        group = "References"
        description = "Contact cards of people from the directory (speakers, team, contacts)."


class OrganisationsBlock(ChosenListBlock):
    heading = blocks.CharBlock(required=False, max_length=200, help_text="e.g. Projektpartner")
    organisations = blocks.ListBlock(SnippetChooserBlock("snippets.Organisation"), min_num=1)

    chosen_list = "organisations"
    repeat_message = "This organisation is already listed."

    class Meta:
        icon = "site"
        template = "pages/blocks/organisations.html"
        label = "Organisations"
        group = "References"
        description = "Logos and names of organisations from the directory, e.g. partners."


class LinkBlock(StructBlock):
    """An optional link to a page of the hub or an external address."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="External address, if no page is chosen.")
    label = blocks.CharBlock(required=False, max_length=120, help_text="Link text")

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            message = "Choose a page or enter a URL, not both."
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        if value.get("label") and not (value.get("page") or value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("A link text needs a page or a URL.")}
            )
        return value

    class Meta:
        icon = "link"
        template = "pages/blocks/link.html"
        label = "Link"
        description = "A link to a page or an external address, with its text."
        preview_value = {"url": "https://www.example.org", "label": "Weitere Informationen"}
