"""Admin views of the translation workflow: submitting for review, the review panel in
localize's editor, the status report, and localize's sync view without a way around review.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, Site, WorkflowMixin, WorkflowState
from wagtail_localize.models import SourceDeletedError, Translation, get_edit_url
from wagtail_localize.views.update_translations import UpdateTranslationsView

from hub.translation.drafts import SubmissionError, submit_translation_for_review
from hub.translation.permissions import user_can_edit_translation, user_can_publish
from hub.translation.roles import PAGE_PERMISSIONS, source_locale_id
from hub.translation.status import (
    Status,
    TranslationStatus,
    translation_status,
    translation_statuses,
)


@require_POST
def submit_for_review(request, translation_id: int):
    """Save a translation as a draft and start its review (see
    :func:`hub.translation.drafts.submit_translation_for_review`), then return to the
    translation editor."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not user_can_edit_translation(request.user, target):
        raise PermissionDenied

    described = (
        f"The {translation.target_locale.get_display_name()} translation of "
        f"'{translation.source.object_repr}'"
    )
    try:
        submit_translation_for_review(translation, user=request.user)
    except SubmissionError as error:
        messages.error(request, str(error))
    except (ValidationError, SourceDeletedError) as error:
        details = "; ".join(getattr(error, "messages", [])) or "its source was deleted"
        messages.error(request, f"{described} could not be saved: {details}")
    else:
        messages.success(request, f"{described} was submitted for review.")
    return redirect(get_edit_url(target))


def review_panel_context(request, translation: Translation) -> dict:
    """What the review panel above localize's editor shows; see
    ``hub/templates/hub/translation/review_panel.html``."""
    status = translation_status(translation)
    context = {
        "status": status,
        "up_to_date": status.status is Status.UP_TO_DATE,
        "translation": translation,
    }
    if status.status is Status.MISSING:
        return context
    target = translation.get_target_instance()
    state = target.current_workflow_state if isinstance(target, WorkflowMixin) else None
    can_edit = user_can_edit_translation(request.user, target)
    has_workflow = isinstance(target, WorkflowMixin) and target.get_workflow() is not None
    source_code = translation.source.locale.language_code
    context |= {
        "workflow_state": state,
        "in_review": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "changes_requested": (
            state.current_task_state
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
            else None
        ),
        "can_submit": can_edit
        and has_workflow
        and (state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES),
        "submit_url": reverse("hub_translation_submit", args=[translation.pk]),
        "source_language": get_language_info(source_code)["name"],
        "sync_url": (
            reverse("wagtail_localize:update_translations", args=[translation.source_id])
            if status.status is Status.OUTDATED
            and request.user.has_perm("wagtail_localize.submit_translation")
            else None
        ),
    }
    return context


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """Localize's "Sync translations" view, served at localize's own address.

    Localize offers "Publish immediately" to anyone who may submit translations, which
    would let translators publish without review. The option is kept for users who may
    publish every translation of the source; for others it is removed from the form, and
    a request that sets it anyway is ignored.
    """

    def get_form(self):
        form = super().get_form()
        if not self.user_can_publish_all:
            field = form.fields["publish_translations"]
            field.disabled = True
            field.widget = forms.HiddenInput()
        return form

    @cached_property
    def user_can_publish_all(self) -> bool:
        for translation in self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        ):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            if not user_can_publish(self.request.user, target):
                return False
        return True


def can_view_translation_status(user) -> bool:
    """Staff who translate, review, or may send content for translation."""
    return user.is_active and (
        user.is_superuser
        or user.has_perm("wagtail_localize.submit_translation")
        or user.groups.filter(name__in=PAGE_PERMISSIONS).exists()
    )


@dataclass
class StatusRow:
    """One row of the report: a source page in one target locale."""

    page: Page
    locale: Locale
    translation: TranslationStatus
    source_url: str | None = None
    target_url: str | None = None

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def locale_name(self) -> str:
        return self.locale.get_display_name()

    @property
    def status(self) -> Status:
        return self.translation.status

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def target_link_text(self) -> str:
        return "Edit translation" if self.target_url else "No translation"

    @property
    def source_published_at(self):
        return self.translation.source_published_at

    @property
    def last_synced_at(self):
        return self.translation.last_synced_at


STATUS_CHOICES = [(status.name.lower(), status.label) for status in Status]


def _site_choices():
    return [(site.pk, str(site)) for site in Site.objects.order_by("site_name")]


def _target_locale_choices():
    return [
        (locale.language_code, locale.get_display_name())
        for locale in Locale.objects.exclude(pk=source_locale_id()).order_by("language_code")
    ]


class TranslationStatusFilterSet(WagtailFilterSet):
    site = django_filters.ChoiceFilter(
        label="Site", choices=_site_choices, empty_label="All", method="filter_site"
    )
    # Locale and status are applied to the rows, not to the queryset of source pages.
    locale = django_filters.ChoiceFilter(
        label="Locale", choices=_target_locale_choices, empty_label="All", method="keep"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_CHOICES, empty_label="All", method="keep"
    )

    class Meta:
        model = Page
        fields = []

    def filter_site(self, queryset, name, value):
        site = Site.objects.filter(pk=value).select_related("root_page").first()
        return queryset.filter(path__startswith=site.root_page.path) if site else queryset

    def keep(self, queryset, name, value):
        return queryset


class TargetLinkColumn(TitleColumn):
    """Link to the translation editor, labelled for screen readers with page and locale."""

    def get_link_attrs(self, instance, parent_context):
        attrs = super().get_link_attrs(instance, parent_context)
        attrs["aria-label"] = f"Edit the {instance.locale_name} translation of {instance.title}"
        return attrs


class TranslationStatusReportView(ReportView):
    """Each source page in each target locale with its translation status."""

    page_title = "Translation status"
    header_icon = "site"
    index_url_name = "hub_translation_status"
    index_results_url_name = "hub_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    columns = [
        TitleColumn("title", label="Page", get_url=lambda row: row.source_url),
        Column("locale_name", label="Locale"),
        StatusTagColumn(
            "status_label",
            label="Status",
            primary=lambda row: row.status is Status.UP_TO_DATE,
        ),
        TargetLinkColumn("target_link_text", label="Translation", get_url=lambda r: r.target_url),
        DateColumn("source_published_at", label="Source last published"),
        DateColumn("last_synced_at", label="Last synced"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Page.objects.filter(
            locale_id=source_locale_id(), depth__gt=1, alias_of__isnull=True
        ).order_by("path")

    def get_filtered_queryset(self) -> list[StatusRow]:
        pages = self.filter_queryset(self.get_queryset())
        chosen = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        locales = Locale.objects.exclude(pk=source_locale_id()).order_by("language_code")
        if chosen.get("locale"):
            locales = locales.filter(language_code=chosen["locale"])
        locales = list(locales)
        wanted = Status[chosen["status"].upper()] if chosen.get("status") else None

        pages = list(pages)
        statuses = translation_statuses(pages=pages, locales=locales)
        return [
            StatusRow(page, locale, statuses[(page.translation_key, locale.language_code)])
            for page in pages
            for locale in locales
            if wanted is None
            or statuses[(page.translation_key, locale.language_code)].status is wanted
        ]

    def decorate_paginated_queryset(self, rows: list[StatusRow]) -> list[StatusRow]:
        """Link only what the user may open; one query for the targets on this page."""
        user = self.request.user
        targets = Page.objects.in_bulk(
            [row.translation.target_id for row in rows if row.translation.target_id]
        )
        for row in rows:
            if row.page.permissions_for_user(user).can_edit():
                row.source_url = reverse("wagtailadmin_pages:edit", args=[row.page.pk])
            target = targets.get(row.translation.target_id)
            if target is not None and target.permissions_for_user(user).can_edit():
                row.target_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
        return rows
