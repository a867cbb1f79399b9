from django.core.exceptions import ValidationError
from django.db import models
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.choices import TopicKind
from snippets.validators import slug_taken_in_locale


class Topic(TranslatableMixin, models.Model):
    """A sector (Branche) that organisations work in, or a topic that content is about."""

    name = models.CharField("name", max_length=100)
    slug = models.SlugField(
        "slug",
        max_length=100,
        help_text="Identifier in URLs and API filters; unique within a language.",
    )
    kind = models.CharField("kind", max_length=20, choices=TopicKind, default=TopicKind.TOPIC)
    description = models.TextField("description", blank=True)

    # What wagtail-localize translates and what it copies from the German source
    # (docs/translation.md). The slug is an API filter value: copied, so that the same
    # filter works in every language, unless a translator gives the topic its own.
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug", overridable=True),
        SynchronizedField("kind", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "topic"
        verbose_name_plural = "topics"
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="snippets_topic_unique_slug_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if slug_taken_in_locale(self):
            raise ValidationError(
                {"slug": "Another topic in this language already uses this slug."}
            )
