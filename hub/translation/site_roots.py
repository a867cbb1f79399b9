"""Translated site roots: where translators and reviewers get their rights over a locale.

Every site's German home page may get a counterpart per target locale (created by
wagtail-localize as a sibling at the top of the tree). Translators and reviewers hold their
page permissions on those counterparts, never on the German roots, and the "Translation
review" workflow is assigned there, so each translated subtree goes through review. A new
locale thus needs no admin step: its home pages are prepared when they are created.
"""

import logging

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission, WorkflowPage

from hub.translation.roles import (
    PAGE_PERMISSIONS,
    is_source_locale,
    translation_groups,
    translation_workflow,
)

logger = logging.getLogger(__name__)


def prepare_translated_root(home_page) -> bool:
    """Grant the translation groups their page permissions on ``home_page`` and assign it
    the "Translation review" workflow, if it is in a target locale. Idempotent.

    Returns whether anything was created. Does nothing for German roots, and nothing (with
    a warning) when the groups or the workflow are missing, e.g. deleted by staff.
    """
    if is_source_locale(home_page):
        return False
    groups = translation_groups()
    workflow = translation_workflow()
    if len(groups) < len(PAGE_PERMISSIONS) or workflow is None:
        logger.warning(
            "Translation groups or workflow missing; %s (%s) was not prepared for translators.",
            home_page,
            home_page.locale_id,
        )
        return False

    codenames = {codename for names in PAGE_PERMISSIONS.values() for codename in names}
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        )
    }
    created = False
    for group_name, group_codenames in PAGE_PERMISSIONS.items():
        for codename in group_codenames:
            _grant, grant_created = GroupPagePermission.objects.get_or_create(
                group=groups[group_name], page=home_page, permission=permissions[codename]
            )
            created |= grant_created
    # A workflow that staff assigned to this root on purpose is kept.
    _assignment, assignment_created = WorkflowPage.objects.get_or_create(
        page=home_page, defaults={"workflow": workflow}
    )
    return created or assignment_created


def is_prepared(home_page) -> bool:
    """Whether the translators' grant on ``home_page`` exists."""
    return GroupPagePermission.objects.filter(
        page=home_page, group__name__in=PAGE_PERMISSIONS
    ).exists()


def _home_page_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if raw or is_source_locale(instance):
        return
    if created or not is_prepared(instance):
        prepare_translated_root(instance)


def connect() -> None:
    """Prepare target-locale home pages when they are saved; called from HubConfig.ready()."""
    from pages.models import HomePage

    post_save.connect(
        _home_page_saved, sender=HomePage, dispatch_uid="hub.translation.prepare_translated_root"
    )
