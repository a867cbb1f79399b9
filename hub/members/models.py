"""Member accounts' access to organisations, their invitations and their submissions."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hub.members.roles import MemberRole


class OrganisationMemberQuerySet(models.QuerySet):
    def active(self):
        """Access that counts now: not revoked, and the account is active."""
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class OrganisationMember(models.Model):
    """A member account's access to one organisation profile, with a role.

    ``organisation`` is the profile in the source locale (German): members edit the source,
    translators take it from there. Revoking keeps the row, so the audit trail stays whole.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
        verbose_name="member account",
    )
    organisation = models.ForeignKey(
        "snippets.Organisation",
        on_delete=models.CASCADE,
        related_name="member_accounts",
        verbose_name="organisation",
    )
    role = models.CharField("role", max_length=10, choices=MemberRole)
    granted_at = models.DateTimeField("granted", default=timezone.now)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="granted by",
    )
    revoked_at = models.DateTimeField("revoked", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="revoked by",
    )

    objects = OrganisationMemberQuerySet.as_manager()

    class Meta:
        verbose_name = "member access"
        verbose_name_plural = "member access"
        ordering = ["organisation__name", "user__email"]
        permissions = [("manage_members", "Can invite member accounts and revoke their access")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(revoked_at__isnull=True),
                name="hub_one_current_access_per_member_and_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.organisation} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.user.is_active


class MemberInvitationQuerySet(models.QuerySet):
    def usable(self):
        """Not accepted, not revoked, not expired (see :attr:`MemberInvitation.is_usable`)."""
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class MemberInvitation(models.Model):
    """An invitation to a contact person to become a member of an organisation.

    The link in the mail carries a random token; only its SHA-256 digest is stored. It can
    be used once, until ``expires_at``, unless staff revoke it first.
    """

    email = models.EmailField("email")
    organisation = models.ForeignKey(
        "snippets.Organisation",
        on_delete=models.CASCADE,
        related_name="member_invitations",
        verbose_name="organisation",
    )
    role = models.CharField("role", max_length=10, choices=MemberRole, default=MemberRole.EDITOR)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="invited by",
    )
    created_at = models.DateTimeField("sent", default=timezone.now)
    expires_at = models.DateTimeField("expires")
    accepted_at = models.DateTimeField("accepted", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="accepted by",
    )
    revoked_at = models.DateTimeField("revoked", null=True, blank=True)

    objects = MemberInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = "member invitation"
        verbose_name_plural = "member invitations"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation of {self.email} to {self.organisation}"

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", "Pending review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    # A newer submission for the same organisation replaced it before review.
    SUPERSEDED = "superseded", "Replaced by a newer submission"
    # The workflow was cancelled (by the member or staff) without a decision.
    WITHDRAWN = "withdrawn", "Withdrawn"


class SubmissionChannel(models.TextChoices):
    ADMIN = "admin", "Admin"
    API = "api", "API"


class ProfileSubmission(models.Model):
    """One submission of changes to an organisation profile, and the decision on it.

    This is the audit trail of member updates: who submitted what, when, through which
    channel (and token), and who decided when with which comment. ``changes`` maps each
    changed field to its live and submitted values, e.g.::

        {"city": {"live": "Goslar", "submitted": "Bad Harzburg"},
         "sectors": {"live": ["chemie"], "submitted": ["chemie", "recycling"]}}

    ``public_id`` names the submission in its status URL, so ids cannot be enumerated.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "snippets.Organisation",
        on_delete=models.CASCADE,
        related_name="profile_submissions",
        verbose_name="organisation",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="profile_submissions",
        verbose_name="submitted by",
    )
    channel = models.CharField("channel", max_length=10, choices=SubmissionChannel)
    token_prefix = models.CharField(
        "API token", max_length=16, blank=True, help_text="Prefix of the token used, if any."
    )
    submitted_at = models.DateTimeField("submitted", default=timezone.now)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="submitted revision",
    )
    # The live revision the changes were made against: approval applies the changes to
    # the live version of that time or, if staff published since, to the newer one.
    base_live_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The latest revision before the submission (a staff draft, or the live revision):
    # after a rejection the profile's draft goes back to it.
    base_latest_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changes = models.JSONField("changes", default=dict)
    status = models.CharField(
        "status", max_length=12, choices=SubmissionStatus, default=SubmissionStatus.PENDING
    )
    decided_at = models.DateTimeField("decided", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="decided by",
    )
    comment = models.TextField("reviewer's comment", blank=True)
    # Fields both the member and staff changed, whose submitted value replaced staff's
    # newer live value on approval (recorded so the overwritten value can be found again).
    conflicts = models.JSONField("conflicts with staff edits", default=dict, blank=True)

    class Meta:
        verbose_name = "profile submission"
        verbose_name_plural = "profile submissions"
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status="pending"),
                name="hub_one_pending_submission_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"Submission for {self.organisation} ({self.get_status_display()})"
