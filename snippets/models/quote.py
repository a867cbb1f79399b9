from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField


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

    override_translatable_fields = [SynchronizedField("author_name", overridable=False)]

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
