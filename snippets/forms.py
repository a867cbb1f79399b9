"""Admin forms for snippets whose editing needs more than field-level validation."""

from wagtail.admin.forms import WagtailAdminModelForm


class OrganisationForm(WagtailAdminModelForm):
    """Organisation editor: offers sectors of the organisation's own language only, and
    rejects a second membership in the same network, cluster or project."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sectors = self.fields.get("sectors")
        if sectors is not None and self.instance.locale_id is not None:
            sectors.queryset = sectors.queryset.filter(locale_id=self.instance.locale_id)

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
