"""Admin for the snippets: two menu groups, "Directory" and "Taxonomy & funding"."""

from django import forms
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    PublishingPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.ui.tables import BooleanColumn, Column, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.members.permissions import MemberOrganisationViewSet
from hub.translation.permissions import SourceLocaleSnippetViewSet
from snippets.filters import OrganisationFilterSet
from snippets.forms import MemberOrganisationForm, OrganisationForm
from snippets.models import Funding, Organisation, Person, Quote, SiteOffer, Topic
from snippets.models.membership import GROUP_PAGE_TYPES


def indexed_locale_column() -> LocaleColumn:
    """Locale column for models in the search index.

    The default sort key follows the foreign key to the locale's language code, which the
    search backend cannot sort results by; the key column itself is an indexed field.
    """
    return LocaleColumn(sort_key="locale_id")


COORDINATES_HELP = (
    "Decimal degrees as shown by map services, e.g. 51.905 / 10.429 for Goslar. "
    "Needed to show the location on maps."
)


def coordinates_panel(*, heading: str = "Map position") -> MultiFieldPanel:
    return MultiFieldPanel(
        [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
        heading=heading,
        help_text=COORDINATES_HELP,
    )


def contact_location_tab() -> ObjectList:
    """The organisation form's second tab, the same for staff and members."""
    return ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
                heading="Contact",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("street"),
                    FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                    FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
                ],
                heading="Address",
            ),
            coordinates_panel(),
        ],
        heading="Contact & location",
    )


class OrganisationViewSet(MemberOrganisationViewSet):
    """Organisations for staff and translators, and for member accounts their own
    profiles only (:mod:`hub.members.permissions`), in a form of the fields they may change."""

    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "kind", "city", "region", indexed_locale_column(), UpdatedAtColumn()]
    filterset_class = OrganisationFilterSet
    list_export = [
        "name",
        "legal_form",
        "kind",
        "street",
        "postal_code",
        "city",
        "region",
        "country",
        "website",
        "email",
        "phone",
        "latitude",
        "longitude",
    ]
    ordering = ["name"]
    list_per_page = 50
    inspect_view_enabled = True
    # A copy would be a second profile of the same organisation.
    copy_view_enabled = False

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    TitleFieldPanel("name", placeholder=False, required_on_save=True),
                    FieldPanel("slug", required_on_save=True),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("legal_form")]),
                    FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("logo"),
                    FieldRowPanel([FieldPanel("employee_band"), FieldPanel("founded_year")]),
                    PublishingPanel(),
                ],
                heading="Profile",
            ),
            contact_location_tab(),
            ObjectList(
                [
                    InlinePanel(
                        "memberships",
                        heading="Networks, clusters and projects",
                        label="Membership",
                        panels=[
                            PageChooserPanel("group", GROUP_PAGE_TYPES),
                            FieldRowPanel([FieldPanel("role"), FieldPanel("since")]),
                        ],
                    ),
                ],
                heading="Memberships",
            ),
        ],
        base_form_class=OrganisationForm,
    )

    # hub.members.submissions.MEMBER_EDITABLE_FIELDS, without publishing, scheduling or the
    # staff-only fields; the logo is uploaded (members hold no image permissions).
    member_edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("logo_upload"),
                    FieldPanel("employee_band"),
                ],
                heading="Profile",
            ),
            contact_location_tab(),
        ],
        base_form_class=MemberOrganisationForm,
    )


class PersonViewSet(SourceLocaleSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = [
        "__str__",
        "position",
        Column("organisation", label="Organisation"),
        BooleanColumn("contact_consent", label="Consent"),
        indexed_locale_column(),
        UpdatedAtColumn(),
    ]
    list_filter = ["contact_consent", "organisation"]
    ordering = ["last_name", "first_name"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("honorific"),
                            FieldPanel("first_name"),
                            FieldPanel("last_name"),
                        ]
                    ),
                    FieldPanel("position"),
                    FieldPanel("organisation"),
                    FieldPanel("photo"),
                    FieldPanel("biography"),
                ],
                heading="Person",
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    MultiFieldPanel(
                        [FieldPanel("contact_consent"), FieldPanel("consent_given_at")],
                        heading="Consent to publication",
                        help_text=(
                            "Without consent, email and phone are for internal use only "
                            "and must not be published."
                        ),
                    ),
                ],
                heading="Contact",
            ),
        ]
    )

    def get_queryset(self, request):
        return Person.objects.select_related("organisation")


class SiteOfferViewSet(SourceLocaleSnippetViewSet):
    model = SiteOffer
    icon = "crosshairs"
    menu_label = "Site offers"
    list_display = ["title", "kind", "area_m2", "city", "region", indexed_locale_column()]
    list_filter = ["kind", "region"]
    list_export = [
        "title",
        "kind",
        "area_m2",
        "plot_area_m2",
        "street",
        "postal_code",
        "city",
        "region",
        "latitude",
        "longitude",
        "available_from",
        "price_note",
        "reference_url",
    ]
    ordering = ["city", "title"]
    inspect_view_enabled = True

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("kind"),
                    FieldRowPanel([FieldPanel("area_m2"), FieldPanel("plot_area_m2")]),
                    FieldPanel("description"),
                    FieldPanel("image"),
                    FieldRowPanel([FieldPanel("available_from"), FieldPanel("price_note")]),
                    FieldPanel("contact"),
                    FieldPanel("reference_url"),
                ],
                heading="Offer",
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("street"),
                            FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                            FieldPanel("region"),
                        ],
                        heading="Address",
                    ),
                    coordinates_panel(),
                ],
                heading="Location",
            ),
        ]
    )


class TopicViewSet(SourceLocaleSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Sectors & topics"
    list_display = ["name", "kind", "slug", LocaleColumn()]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "description"]
    ordering = ["name"]
    list_per_page = 50
    copy_view_enabled = False

    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
    ]


class FundingViewSet(SourceLocaleSnippetViewSet):
    model = Funding
    icon = "doc-full"
    menu_label = "Fundings"
    list_display = ["title", "funder", "reference_number", "start_date", "end_date", LocaleColumn()]
    list_filter = {"recipient": ["exact"], "funder": ["icontains"]}
    list_export = [
        "title",
        "funder",
        "fund",
        "programme",
        "reference_number",
        "amount",
        "own_contribution",
        "currency",
        "start_date",
        "end_date",
        "recipient",
    ]
    search_fields = ["title", "funder", "fund", "programme", "reference_number"]
    ordering = ["-start_date", "title"]
    inspect_view_enabled = True

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("recipient"),
                    FieldPanel("funder"),
                    FieldPanel("fund"),
                    FieldPanel("programme"),
                    FieldPanel("reference_number"),
                    FieldPanel("description"),
                ],
                heading="Grant",
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("amount"),
                            FieldPanel("own_contribution"),
                            FieldPanel("currency"),
                        ],
                        heading="Money",
                    ),
                    FieldRowPanel(
                        [FieldPanel("start_date"), FieldPanel("end_date")], heading="Period"
                    ),
                ],
                heading="Amount & period",
            ),
        ]
    )

    def get_queryset(self, request):
        return Funding.objects.select_related("recipient")


class QuoteViewSet(SourceLocaleSnippetViewSet):
    model = Quote
    icon = "openquote"
    menu_label = "Quotes"
    list_display = ["__str__", "organisation", LocaleColumn(), UpdatedAtColumn()]
    list_filter = ["organisation"]
    search_fields = ["text", "author_name", "author_role", "person__last_name"]
    copy_view_enabled = False

    panels = [
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("person"),
                FieldPanel("author_name"),
                FieldPanel("author_role"),
                FieldPanel("organisation"),
            ],
            heading="Author",
            help_text="Choose a person from the directory, or enter a name for anyone else.",
        ),
    ]

    def get_queryset(self, request):
        return Quote.objects.select_related("person", "organisation")


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet, SiteOfferViewSet)
    menu_label = "Directory"
    menu_icon = "folder-open-inverse"
    menu_name = "directory"
    menu_order = 210


class TaxonomyFundingViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, FundingViewSet, QuoteViewSet)
    menu_label = "Taxonomy & funding"
    menu_icon = "tag"
    menu_name = "taxonomy-funding"
    menu_order = 220


register_snippet(DirectoryViewSetGroup)
register_snippet(TaxonomyFundingViewSetGroup)
