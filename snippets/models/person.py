from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.rich_text import PROFILE_FEATURES


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A speaker, manager or contact person.

    Email and phone are personal data: they are published only while ``contact_consent``
    is set, which is why the API should read ``public_email`` and ``public_phone``.
    """

    honorific = models.CharField(
        "honorific",
        max_length=50,
        blank=True,
        help_text="Academic title before the name, e.g. Dr., Dr. habil. or Prof. Dr.",
    )
    first_name = models.CharField("first name", max_length=100)
    last_name = models.CharField("last name", max_length=100)
    position = models.CharField(
        "position", max_length=255, blank=True, help_text="Job title, e.g. Geschäftsführer."
    )
    organisation = models.ForeignKey(
        "snippets.Organisation",
        verbose_name="organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    email = models.EmailField("email", blank=True)
    phone = models.CharField("phone", max_length=50, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = RichTextField("biography", blank=True, features=PROFILE_FEATURES)
    contact_consent = models.BooleanField(
        "consents to publishing contact details",
        default=False,
        help_text="Email and phone are shown publicly only with this person's consent.",
    )
    consent_given_at = models.DateTimeField(
        "consent given at",
        null=True,
        blank=True,
        help_text="When the person agreed; keep the written consent on file.",
    )

    search_fields = [
        index.SearchField("first_name"),
        index.AutocompleteField("first_name"),
        index.SearchField("last_name", boost=2),
        index.AutocompleteField("last_name"),
        index.SearchField("position"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("first_name"),
        index.FilterField("last_name"),
        index.FilterField("position"),
        index.FilterField("organisation"),
        index.FilterField("contact_consent"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
    ]

    # What wagtail-localize translates and what it copies from the German source
    # (docs/translation.md). Names, contact details and consent are facts about the person.
    override_translatable_fields = [
        TranslatableField("position"),
        TranslatableField("biography"),
        # Academic titles are sometimes rendered differently (Dipl.-Ing.).
        SynchronizedField("honorific", overridable=True),
        SynchronizedField("first_name", overridable=False),
        SynchronizedField("last_name", overridable=False),
        SynchronizedField("organisation", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("photo", overridable=False),
        SynchronizedField("contact_consent", overridable=False),
        SynchronizedField("consent_given_at", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["last_name", "first_name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Name with academic title, e.g. "Dr. Christoph Mühlhaus"."""
        return " ".join(part for part in (self.honorific, self.first_name, self.last_name) if part)

    @property
    def public_email(self) -> str:
        return self.email if self.contact_consent else ""

    @property
    def public_phone(self) -> str:
        return self.phone if self.contact_consent else ""

    def clean(self) -> None:
        super().clean()
        if self.contact_consent and self.consent_given_at is None:
            raise ValidationError(
                {"consent_given_at": "Enter when the person consented to publication."}
            )
        if self.consent_given_at is not None and self.consent_given_at > timezone.now():
            raise ValidationError({"consent_given_at": "Consent cannot be given in the future."})
