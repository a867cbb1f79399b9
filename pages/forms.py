"""Admin forms of the page types."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin


class BasePageForm(WagtailAdminPageForm):
    """Offers translatable snippets in checkbox lists in the page's language only.

    Topics and fundings exist once per locale; listing every locale's copy would show each
    choice several times. Values already chosen stay available: wagtail-localize copies
    many-to-many values to a translation unchanged, so they may be in the source locale.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if (
                queryset is None
                or not isinstance(field.widget, forms.CheckboxSelectMultiple)
                or not issubclass(queryset.model, TranslatableMixin)
                or issubclass(queryset.model, Page)
            ):
                continue
            chosen = [getattr(item, "pk", item) for item in self.initial.get(name) or []]
            field.queryset = queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))


class NewsletterIssueForm(BasePageForm):
    """Hands the parent series to the page's clean(), which a new page cannot look up yet."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.instance.validation_parent = parent_page
