"""The "Email edition" of a newsletter issue in the admin: who would receive it, the test
send, "Send to subscribers" with a confirmation step, and the progress of each mailing.

Everything here needs the permission "Can send newsletter issues to subscribers"
(``hub.send_newsletter``) or a superuser; test sends and mailings record the user.
"""

import smtplib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from hub.newsletter.models import Mailing, Subscriber, SubscriberStatus, TestSend
from hub.newsletter.sending import (
    SendRefused,
    mailing_progress,
    retry_failed,
    send_readiness,
    send_test,
    start_mailing,
)
from pages.models import NewsletterIssuePage

SEND_PERMISSION = "hub.send_newsletter"


def user_can_send(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(SEND_PERMISSION))


def _require_send_permission(request) -> None:
    if not user_can_send(request.user):
        raise PermissionDenied


def edition_url(issue_id: int) -> str:
    return reverse("hub_newsletter_email_edition", args=[issue_id])


class LocaleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Locale) -> str:
        return obj.get_display_name() or obj.language_code


class TestSendForm(forms.Form):
    __test__ = False  # a form, not a test case

    address = forms.EmailField(label="Send to", max_length=254)
    locale = LocaleChoiceField(
        label="Edition",
        queryset=Locale.objects.order_by("pk"),
        to_field_name="language_code",
        empty_label=None,
        help_text="The language of the readers whose mail you want to see.",
    )


class IssueViewMixin(WagtailAdminTemplateMixin):
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        _require_send_permission(request)
        if self.issue.locale_id != Locale.get_default().pk:
            source = self.issue.get_translation_or_none(Locale.get_default())
            if source is not None:
                return redirect(edition_url(source.pk))
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def issue(self) -> NewsletterIssuePage:
        return get_object_or_404(
            NewsletterIssuePage.objects.select_related("locale"), pk=self.kwargs["page_id"]
        )

    def get_page_subtitle(self):
        return self.issue.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.issue.pk]),
                "label": self.issue.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class EmailEditionView(IssueViewMixin, TemplateView):
    """Subscriber counts, the test send form, the send button and the mailings."""

    page_title = "Email edition"
    template_name = "newsletter/admin/email_edition.html"

    def post(self, request, *args, **kwargs):
        form = TestSendForm(request.POST)
        if form.is_valid():
            address = form.cleaned_data["address"]
            try:
                send_test(
                    issue=self.issue,
                    address=address,
                    locale=form.cleaned_data["locale"],
                    user=request.user,
                )
            except SendRefused as error:
                form.add_error(None, str(error))
            except (smtplib.SMTPException, OSError) as error:
                form.add_error(None, f"The mail server did not accept the test: {error}")
            else:
                messages.success(request, f"Test sent to {address}.")
                return redirect(edition_url(self.issue.pk))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.issue
        readiness = send_readiness(issue)
        series = issue.get_parent()
        mailings = list(
            Mailing.objects.filter(issue=issue).select_related("requested_by").order_by("-pk")
        )
        progress = mailing_progress(mailings)
        context.update(
            issue=issue,
            series=series,
            readiness=readiness,
            form=kwargs.get("form")
            or TestSendForm(initial={"address": self.request.user.email, "locale": "de"}),
            locale_counts=subscriber_counts(series_id=series.pk),
            new_recipients=new_recipient_count(issue=issue, series_id=series.pk),
            test_sends=test_sends(issue=issue, readiness=readiness),
            mailings=[(mailing, progress.get(mailing.pk)) for mailing in mailings],
        )
        return context


class SendToSubscribersView(IssueViewMixin, TemplateView):
    """The confirmation step of "Send to subscribers" (GET) and the sending (POST)."""

    page_title = "Send to subscribers"
    template_name = "newsletter/admin/send_confirm.html"

    def get(self, request, *args, **kwargs):
        readiness = send_readiness(self.issue)
        if not readiness.can_send:
            messages.error(request, readiness.reason)
            return redirect(edition_url(self.issue.pk))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            mailing = start_mailing(issue=self.issue, user=request.user)
        except SendRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"Sending to {mailing.recipient_count} subscribers in the background.",
            )
        return redirect(edition_url(self.issue.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        series = self.issue.get_parent()
        context.update(
            issue=self.issue,
            locale_counts=subscriber_counts(series_id=series.pk),
            new_recipients=new_recipient_count(issue=self.issue, series_id=series.pk),
        )
        return context


@require_POST
def retry_mailing(request, mailing_id: int):
    _require_send_permission(request)
    mailing = get_object_or_404(Mailing, pk=mailing_id)
    try:
        count = retry_failed(mailing)
    except SendRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Sending {count} failed deliveries again.")
    return redirect(edition_url(mailing.issue_id))


# Figures of the view


def subscriber_counts(*, series_id: int) -> list[dict]:
    """Subscribers of a series by locale and status, in one query::

    [{"locale": "Deutsch", "confirmed": 12, "pending": 2, "unsubscribed": 1}, ...]
    """
    rows = (
        Subscriber.objects.filter(series_id=series_id)
        .values("locale_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=SubscriberStatus.CONFIRMED)),
            pending=Count("pk", filter=Q(status=SubscriberStatus.PENDING)),
            unsubscribed=Count("pk", filter=Q(status=SubscriberStatus.UNSUBSCRIBED)),
        )
        .order_by("locale_id")
    )
    locales = Locale.objects.in_bulk()
    return [{**row, "locale": locales[row.pop("locale_id")].get_display_name()} for row in rows]


def new_recipient_count(*, issue: NewsletterIssuePage, series_id: int) -> int:
    """Confirmed subscribers who have not received ``issue`` yet."""
    return (
        Subscriber.objects.filter(series_id=series_id, status=SubscriberStatus.CONFIRMED)
        .exclude(deliveries__issue=issue)
        .count()
    )


def test_sends(*, issue: NewsletterIssuePage, readiness, limit: int = 10) -> list[dict]:
    """The latest test sends, each marked when it shows what is live now."""
    live_digest = readiness.edition.digest if readiness.edition else None
    rows = TestSend.objects.filter(issue=issue).select_related("sent_by", "locale")[:limit]
    return [
        {
            "test_send": row,
            "matches_live": (
                issue.live_revision_id is not None and row.revision_id == issue.live_revision_id
            )
            or (row.locale_id == issue.locale_id and row.content_digest == live_digest),
        }
        for row in rows
    ]
