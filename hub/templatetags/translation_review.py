"""Template tags of the translation workflow's admin pages."""

from django import template

from hub.translation.views import review_panel_context

register = template.Library()


@register.inclusion_tag("hub/translation/review_panel.html", takes_context=True)
def translation_review_panel(context):
    """The review panel for the ``translation`` that localize's editor shows."""
    return review_panel_context(context["request"], context["translation"])
