from django.core.exceptions import ValidationError
from django.db import models
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.validators import validate_currency_code


class Funding(TranslatableMixin, models.Model):
    """A grant: who funds what, from which fund and programme, for how much and how long.

    Publicly funded projects must name their funding, so pages refer to these records
    rather than repeating the details in free text.
    """

    title = models.CharField(
        "title", max_length=255, help_text="What is funded, e.g. the network's second period."
    )
    funder = models.CharField(
        "funder",
        max_length=255,
        help_text="The granting body, e.g. NBank or Bundesministerium für Bildung und Forschung.",
    )
    fund = models.CharField(
        "fund",
        max_length=255,
        blank=True,
        help_text="e.g. Europäischer Fonds für regionale Entwicklung (EFRE).",
    )
    programme = models.CharField(
        "programme",
        max_length=255,
        blank=True,
        help_text="Funding programme or guideline, e.g. Innovationsforen Mittelstand.",
    )
    reference_number = models.CharField(
        "reference number", max_length=50, blank=True, help_text="e.g. 01MI2001."
    )
    amount = models.DecimalField(
        "amount granted", max_digits=12, decimal_places=2, null=True, blank=True
    )
    own_contribution = models.DecimalField(
        "own contribution",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Share paid by the recipient or its members.",
    )
    currency = models.CharField(
        "currency", max_length=3, default="EUR", validators=[validate_currency_code]
    )
    start_date = models.DateField("start date")
    end_date = models.DateField("end date", null=True, blank=True)
    recipient = models.ForeignKey(
        "snippets.Organisation",
        verbose_name="recipient",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fundings",
    )
    description = models.TextField("description", blank=True)

    # What wagtail-localize translates and what it copies from the German source
    # (docs/translation.md). Funders, funds and programmes have official English names
    # (BMBF: Federal Ministry of Education and Research); figures and dates are facts.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("funder"),
        TranslatableField("fund"),
        TranslatableField("programme"),
        TranslatableField("description"),
        SynchronizedField("reference_number", overridable=False),
        SynchronizedField("amount", overridable=False),
        SynchronizedField("own_contribution", overridable=False),
        SynchronizedField("currency", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("recipient", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-start_date", "title"]
        verbose_name = "funding"
        verbose_name_plural = "fundings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="snippets_funding_end_after_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="snippets_funding_amount_not_negative",
                violation_error_message="The amount cannot be negative.",
            ),
            models.CheckConstraint(
                condition=models.Q(own_contribution__isnull=True)
                | models.Q(own_contribution__gte=0),
                name="snippets_funding_own_contribution_not_negative",
                violation_error_message="The own contribution cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.funder})" if self.funder else self.title

    @property
    def total(self):
        """Granted amount plus own contribution, or None when neither is known."""
        parts = [value for value in (self.amount, self.own_contribution) if value is not None]
        return sum(parts) if parts else None

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date cannot be before the start date."
        if self.amount is not None and self.amount < 0:
            errors["amount"] = "The amount cannot be negative."
        if self.own_contribution is not None and self.own_contribution < 0:
            errors["own_contribution"] = "The own contribution cannot be negative."
        if errors:
            raise ValidationError(errors)
