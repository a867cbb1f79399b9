from django.core.exceptions import ValidationError
from django.db import models
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.choices import Region, SiteOfferKind
from snippets.rich_text import PROFILE_FEATURES
from snippets.validators import germany_coordinate_errors, validate_latitude, validate_longitude


class SiteOffer(TranslatableMixin, index.Indexed, models.Model):
    """A commercial plot or hall on offer to investors, shown on a location map."""

    title = models.CharField("title", max_length=255)
    kind = models.CharField("kind", max_length=10, choices=SiteOfferKind)
    description = RichTextField("description", blank=True, features=PROFILE_FEATURES)
    area_m2 = models.PositiveIntegerField(
        "area (m²)", help_text="Plot area for plots, usable floor area for halls."
    )
    plot_area_m2 = models.PositiveIntegerField(
        "plot area (m²)",
        null=True,
        blank=True,
        help_text="For halls: the area of the plot the hall stands on.",
    )
    street = models.CharField("street and number", max_length=255, blank=True)
    postal_code = models.CharField("postal code", max_length=10, blank=True)
    city = models.CharField("city", max_length=100)
    region = models.CharField("region", max_length=20, choices=Region)
    latitude = models.DecimalField(
        "latitude", max_digits=9, decimal_places=6, validators=[validate_latitude]
    )
    longitude = models.DecimalField(
        "longitude", max_digits=9, decimal_places=6, validators=[validate_longitude]
    )
    available_from = models.DateField("available from", null=True, blank=True)
    price_note = models.CharField(
        "price note", max_length=255, blank=True, help_text="e.g. 25 €/m², negotiable."
    )
    contact = models.ForeignKey(
        "snippets.Person",
        verbose_name="contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="site_offers",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reference_url = models.URLField(
        "reference URL", blank=True, help_text="The offer on the owner's or agency's website."
    )

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.FilterField("title"),
        index.FilterField("kind"),
        index.FilterField("city"),
        index.FilterField("region"),
        index.FilterField("area_m2"),
        index.FilterField("available_from"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
    ]

    # What wagtail-localize translates and what it copies from the German source
    # (docs/translation.md): areas, address, coordinates and dates are facts.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("price_note"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("area_m2", overridable=False),
        SynchronizedField("plot_area_m2", overridable=False),
        SynchronizedField("street", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("region", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("available_from", overridable=False),
        SynchronizedField("contact", overridable=False),
        SynchronizedField("image", overridable=False),
        SynchronizedField("city", overridable=True),
        # The agency may describe the offer in the target language, too.
        SynchronizedField("reference_url", overridable=True),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["city", "title"]
        verbose_name = "site offer"
        verbose_name_plural = "site offers"

    def __str__(self) -> str:
        return f"{self.title} ({self.city})" if self.city else self.title

    def clean(self) -> None:
        super().clean()
        errors = germany_coordinate_errors(self.latitude, self.longitude)
        if self.kind == SiteOfferKind.PLOT and self.plot_area_m2 is not None:
            errors["plot_area_m2"] = "For plots, enter the plot's size as the area only."
        if errors:
            raise ValidationError(errors)
