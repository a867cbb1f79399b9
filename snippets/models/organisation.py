from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    Site,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import (
    BaseTranslatableField,
    SynchronizedField,
    TranslatableField,
)

from api.preview.handoff import preview_response
from hub.translation.workflows import TargetLocaleWorkflowMixin
from snippets.choices import EmployeeBand, OrganisationKind, Region, TopicKind
from snippets.rich_text import PROFILE_FEATURES
from snippets.validators import (
    germany_coordinate_errors,
    slug_taken_in_locale,
    validate_country_code,
    validate_latitude,
    validate_longitude,
)


class KeptPerLocaleField(BaseTranslatableField):
    """A field that wagtail-localize neither translates nor copies from the source.

    Each translation keeps its own value. Meant for publishing dates: when the English
    version was first published, or is scheduled to go live or expire, follows from its
    own review. wagtail-localize leaves the same fields of pages alone for that reason.
    """

    def __repr__(self) -> str:
        return f"<KeptPerLocaleField {self.field_name}>"


class Organisation(
    TargetLocaleWorkflowMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A company, research institute, university or other body in a network or cluster.

    Changes go through drafts and workflows: member companies submit updates to their
    own profile and staff approve them before they go live. The admin's preview shows a
    draft on the frontend of the default site: an organisation belongs to no one site.
    """

    name = models.CharField("name", max_length=255)
    slug = models.SlugField(
        "slug",
        max_length=100,
        help_text="Identifier in URLs and API filters; unique within a language.",
    )
    kind = models.CharField("kind", max_length=30, choices=OrganisationKind)
    legal_form = models.CharField(
        "legal form", max_length=50, blank=True, help_text="For example e.V., GmbH or AG."
    )
    sectors = ParentalManyToManyField(
        "snippets.Topic",
        blank=True,
        related_name="organisations",
        limit_choices_to={"kind": TopicKind.SECTOR},
        verbose_name="sectors",
    )
    summary = models.CharField(
        "summary",
        max_length=300,
        blank=True,
        help_text="One or two sentences for directory listings and map pop-ups.",
    )
    description = RichTextField("description", blank=True, features=PROFILE_FEATURES)

    website = models.URLField("website", blank=True)
    email = models.EmailField("email", blank=True)
    phone = models.CharField("phone", max_length=50, blank=True)
    street = models.CharField("street and number", max_length=255, blank=True)
    postal_code = models.CharField("postal code", max_length=10, blank=True)
    city = models.CharField("city", max_length=100, blank=True)
    region = models.CharField("region", max_length=20, choices=Region, blank=True)
    country = models.CharField(
        "country",
        max_length=2,
        default="DE",
        validators=[validate_country_code],
        help_text="Two-letter ISO 3166 code.",
    )
    latitude = models.DecimalField(
        "latitude",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_latitude],
    )
    longitude = models.DecimalField(
        "longitude",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_longitude],
    )

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    employee_band = models.CharField("employees", max_length=10, choices=EmployeeBand, blank=True)
    founded_year = models.PositiveSmallIntegerField("year founded", null=True, blank=True)

    # Give revisions and workflow states a reverse query name ("organisation") so they
    # can be filtered by organisation fields, e.g. in moderation reports.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="organisation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="organisation",
        for_concrete_model=False,
    )

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("legal_form"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.RelatedFields("sectors", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("name"),
        index.FilterField("slug"),
        index.FilterField("kind"),
        index.FilterField("city"),
        index.FilterField("region"),
        index.FilterField("employee_band"),
        index.FilterField("live"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
    ]

    # What wagtail-localize translates and what it copies from the German source
    # (docs/translation.md). The name is a proper name: copied, but a translator may use an
    # established English name (and its slug); the address and figures are facts.
    # Memberships are copied with the organisation: they are facts, not text.
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("description"),
        SynchronizedField("name", overridable=True),
        SynchronizedField("slug", overridable=True),
        SynchronizedField("city", overridable=True),
        # Many members have an English version of their website.
        SynchronizedField("website", overridable=True),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("legal_form", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("street", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("region", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("logo", overridable=False),
        SynchronizedField("employee_band", overridable=False),
        SynchronizedField("founded_year", overridable=False),
        SynchronizedField("sectors", overridable=False),
        SynchronizedField("memberships", overridable=False),
        KeptPerLocaleField("first_published_at"),
        KeptPerLocaleField("go_live_at"),
        KeptPerLocaleField("expire_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "organisation"
        verbose_name_plural = "organisations"
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="snippets_organisation_unique_slug_locale"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(latitude__isnull=True, longitude__isnull=True)
                    | models.Q(latitude__isnull=False, longitude__isnull=False)
                ),
                name="snippets_organisation_coordinates_pair",
                violation_error_message="Enter both latitude and longitude, or neither.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def legal_name(self) -> str:
        """The name with its legal form, e.g. "ChemieNetzwerk Harz e.V."."""
        if self.legal_form and not self.name.endswith(self.legal_form):
            return f"{self.name} {self.legal_form}"
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def serve_preview(self, request, mode_name):
        """The draft profile on the default site's frontend (api/preview/handoff.py)."""
        default_site = Site.objects.filter(is_default_site=True).first()
        return preview_response(request, self, site=default_site)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}

        if slug_taken_in_locale(self):
            errors["slug"] = "Another organisation in this language already uses this slug."

        if self.latitude is None and self.longitude is not None:
            errors["latitude"] = "Enter the latitude too, or clear the longitude."
        elif self.longitude is None and self.latitude is not None:
            errors["longitude"] = "Enter the longitude too, or clear the latitude."
        elif self.country == "DE":
            errors.update(germany_coordinate_errors(self.latitude, self.longitude))

        if self.founded_year is not None and self.founded_year > timezone.now().year:
            errors["founded_year"] = "The year founded cannot be in the future."

        if errors:
            raise ValidationError(errors)
