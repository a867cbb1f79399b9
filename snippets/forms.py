"""Admin forms for snippets, and the choice filtering that page forms share with them."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page, TranslatableMixin

from hub.members.logos import discard_logo_file, store_logo, validate_logo
from hub.members.validation import contains_html


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


# Plain-text profile fields in which a member's markup is refused rather than stored.
MEMBER_PLAIN_TEXT_FIELDS = ("summary", "street", "postal_code", "city", "phone")
LOGO_UPLOAD_TYPES = "image/png,image/jpeg,image/webp"


class MemberOrganisationForm(OrganisationForm):
    """The profile form of member accounts (``OrganisationViewSet.member_edit_handler``).

    It has only the fields members may change (``MEMBER_EDITABLE_FIELDS``), so values
    posted for any other field are ignored. Markup in plain-text fields is refused. The
    logo is a file upload instead of the image chooser, which needs image permissions that
    members do not hold; the upload is checked by its content and filed in "Member logos".
    """

    logo_upload = forms.FileField(
        label="Logo",
        required=False,
        help_text="A PNG, JPEG or WebP image; it replaces the current logo.",
        widget=forms.ClearableFileInput(attrs={"accept": LOGO_UPLOAD_TYPES}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set by save() when an upload became an image, so a failed save can remove its file.
        self.stored_logo = None
        if "logo_upload" in self.fields and self.instance.logo_id:
            self.initial["logo_upload"] = self.instance.logo.file

    def clean(self):
        cleaned_data = super().clean()
        for name in MEMBER_PLAIN_TEXT_FIELDS:
            if name in self.fields and contains_html(cleaned_data.get(name) or ""):
                self.add_error(name, "Enter plain text; HTML tags are not allowed here.")
        return cleaned_data

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        if isinstance(upload, UploadedFile):
            validate_logo(upload)
        return upload

    def save(self, commit=True):
        upload = self.cleaned_data.get("logo_upload")
        if upload is False:
            # "Clear" was ticked.
            self.instance.logo = None
        elif isinstance(upload, UploadedFile):
            self.stored_logo = store_logo(upload, organisation=self.instance, user=self.for_user)
            self.instance.logo = self.stored_logo
        return super().save(commit=commit)

    def get_field_updates_for_resave(self):
        updates = list(super().get_field_updates_for_resave())
        if self.stored_logo is not None:
            # After an autosave the page stays open with the file still chosen; emptying the
            # input keeps the next autosave from storing the same logo again.
            updates.append((self.add_prefix("logo_upload"), ""))
        return updates

    def discard_stored_logo(self) -> None:
        """Remove the file of a logo stored by a save whose transaction failed."""
        discard_logo_file(self.stored_logo)
        self.stored_logo = None
