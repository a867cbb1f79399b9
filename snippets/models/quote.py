from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Quote(TranslatableMixin, models.Model):
    """A member's testimonial, attributed to a known person or to a name as given."""

    text = models.TextField("text")
    person = models.ForeignKey(
        "snippets.Person",
        verbose_name="person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
    )
    author_name = models.CharField(
        "author name",
        max_length=255,
        blank=True,
        help_text="Only needed when the author is not in the people directory.",
    )
    author_role = models.CharField(
        "author role",
        max_length=255,
        blank=True,
        help_text="e.g. Clustersprecher Chemie/Kunststoffe Mitteldeutschland.",
    )
    organisation = models.ForeignKey(
        "snippets.Organisation",
        verbose_name="organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
    )

    # What wagtail-localize translates and what it copies from the German source
    # (docs/translation.md): the words and the role are text, the author is a fact.
    override_translatable_fields = [
        TranslatableField("text"),
        TranslatableField("author_role"),
        SynchronizedField("author_name", overridable=False),
        SynchronizedField("person", overridable=False),
        SynchronizedField("organisation", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-id"]
        verbose_name = "quote"
        verbose_name_plural = "quotes"

    def __str__(self) -> str:
        text = Truncator(self.text).chars(60)
        return f"{text} ({self.attribution})" if self.attribution else text

    @property
    def attribution(self) -> str:
        """The author's name: as entered, or else the linked person's full name."""
        if self.author_name:
            return self.author_name
        return self.person.full_name if self.person_id else ""

    def clean(self) -> None:
        super().clean()
        if not self.person_id and not self.author_name.strip():
            raise ValidationError({"author_name": "Choose a person or enter the author's name."})
