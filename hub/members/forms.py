"""Forms of member accounts: the password of an accepted invitation, the admin's invitation
and role forms, and the form that creates an organisation API token."""

from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.core.exceptions import ValidationError

from api.members.tokens import DEFAULT_LIFETIME, MAX_LIFETIME
from hub.members.access import can_submit_profile, is_member_account, organisations_for_member
from hub.members.invitations import account_problem, find_account, normalise_email
from hub.members.models import OrganisationMember
from hub.members.roles import MemberRole
from hub.translation.roles import source_locale_id


def source_organisations():
    from snippets.models import Organisation

    return Organisation.objects.filter(locale_id=source_locale_id()).order_by("name")


class MemberPasswordForm(SetPasswordMixin, forms.Form):
    """The password of a new member account, typed twice and checked by Django's
    ``AUTH_PASSWORD_VALIDATORS`` against ``user`` (the unsaved account)."""

    password1, password2 = SetPasswordMixin.create_password_fields(
        label1="Passwort · Password", label2="Passwort wiederholen · Repeat the password"
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        self.validate_passwords("password1", "password2")
        self.validate_password_for_user(self.user, "password2")
        return super().clean()

    @property
    def password(self) -> str:
        return self.cleaned_data["password1"]


class InvitationForm(forms.Form):
    """Staff invite a contact person to an organisation (German profiles only)."""

    email = forms.EmailField(label="Email address", max_length=254)
    organisation = forms.ModelChoiceField(label="Organisation", queryset=None)
    role = forms.ChoiceField(label="Role", choices=MemberRole.choices, initial=MemberRole.EDITOR)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = source_organisations()

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        problem = account_problem(find_account(email))
        if problem:
            raise ValidationError(problem)
        return email

    def clean(self):
        cleaned = super().clean()
        email, organisation = cleaned.get("email"), cleaned.get("organisation")
        if email and organisation:
            current = (
                OrganisationMember.objects.active()
                .filter(organisation=organisation, user__email__iexact=email)
                .first()
            )
            if current is not None:
                raise ValidationError(
                    f"{email} has access to {organisation} already "
                    f"({current.get_role_display()}); change the role in the list instead."
                )
        return cleaned


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=MemberRole.choices)


class TokenForm(forms.Form):
    """A new organisation API token. The organisations offered are those the user may
    submit changes for; a member with one such organisation gets it preselected."""

    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What the token is for, e.g. “Member portal” or “CRM sync”.",
    )
    organisation = forms.ModelChoiceField(label="Organisation", queryset=None)
    expires_in_days = forms.IntegerField(
        label="Expires after (days)",
        min_value=1,
        max_value=MAX_LIFETIME.days,
        initial=DEFAULT_LIFETIME.days,
        help_text=f"Between 1 and {MAX_LIFETIME.days} days.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if is_member_account(user):
            choices = organisations_for_member(user, roles=[MemberRole.EDITOR])
        else:
            choices = source_organisations()
        field = self.fields["organisation"]
        field.queryset = choices.order_by("name")
        if is_member_account(user) and len(field.queryset) == 1:
            field.initial = field.queryset[0].pk
            field.empty_label = None

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        # The choices were worked out from the same rules; this holds for a role revoked
        # between showing the form and posting it.
        if not can_submit_profile(self.user, organisation):
            raise ValidationError("You may not create tokens for this organisation.")
        return organisation
