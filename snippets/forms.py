"""Admin forms for snippets, and the choice filtering that page forms share with them."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page, TranslatableMixin


class LocaleScopedChoicesMixin:
    """Offers translatable snippets in checkbox lists in the edited object's language only.

    Topics, sectors and fundings exist once per locale; listing every locale's copy would
    show each choice several times. Values already chosen stay available: wagtail-localize
    copies many-to-many values to a translation unchanged, so they may be in the source
    locale, and dropping them from the choices would drop them on the next save.
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


class OrganisationForm(LocaleScopedChoicesMixin, WagtailAdminModelForm):
    """Organisation editor: offers sectors of the organisation's own language, and rejects
    a second membership in the same network, cluster or project."""

    def clean(self):
        cleaned_data = super().clean()
        memberships = self.formsets.get("memberships")
        if memberships is None or not memberships.is_valid():
            return cleaned_data

        deleted = {id(form) for form in memberships.deleted_forms}
        seen_groups = set()
        for form in memberships.forms:
            if id(form) in deleted:
                continue
            group = form.cleaned_data.get("group")
            if group is None:
                continue
            if group.pk in seen_groups:
                form.add_error(
                    "group",
                    "This organisation already has a membership here; "
                    "choose the most significant role instead.",
                )
            seen_groups.add(group.pk)
        return cleaned_data
