"""Saving translations as drafts, and submitting them for review.

wagtail-localize saves a draft translation (``Translation.save_target(publish=False)``) by
writing it into the target's database row and then creating a revision. For a live target
that row is what the site serves, so unreviewed text would go live at once (and a
DraftStateMixin snippet would even be taken offline). Here a draft becomes a revision only;
the row changes when the revision is published, through review.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, Revision, WorkflowState
from wagtail_localize.models import CannotSaveDraftError, Translation, TranslationLog


class SubmissionError(Exception):
    """A translation cannot be submitted for review; the message is meant for the user."""


def save_translation_draft(translation: Translation, *, user) -> Revision:
    """Save the current state of ``translation`` as the newest revision of its target.

    Untranslated strings fall back to the source text, as in localize's editor. The
    target's row is left as it is, so a live target keeps serving its published content
    until the revision is published. A target that does not exist yet is created by
    localize as a draft (not live), which is safe.

    Raises localize's ``CannotSaveDraftError`` for targets without drafts (snippets without
    DraftStateMixin), and its ``SourceDeletedError`` when the source is gone.
    """
    source = translation.source
    locale = translation.target_locale
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        translation.save_target(user=user, publish=False)
        return source.get_translated_instance(locale).get_latest_revision()
    if not isinstance(target, DraftStateMixin):
        raise CannotSaveDraftError

    with transaction.atomic():
        if isinstance(target, Page) and target.alias_of_id:
            _convert_alias(target, user=user)
        draft = source.get_ephemeral_translated_instance(locale, fallback=True)
        if isinstance(draft, Page):
            draft.slug = find_available_slug(
                draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
            )
        revision = draft.save_revision(user=user, log_action=True)
        source.update_target_view_restrictions(locale)
        TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return revision


def _convert_alias(page: Page, *, user) -> None:
    """Make an alias page a page of its own, keeping the (source) content it serves.

    Localize does the same when it first saves a translation over an alias, but writes the
    translated content into the row at the same time.
    """
    page.alias_of_id = None
    page.save(update_fields=["alias_of_id"], clean=False)
    revision = page.save_revision(user=user, changed=False, clean=False)
    log(
        instance=page,
        action="wagtail.convert_alias",
        user=user,
        revision=revision,
        data={"page": {"id": page.id, "title": page.get_admin_display_title()}},
    )


def submit_translation_for_review(translation: Translation, *, user) -> WorkflowState:
    """Save ``translation`` as a draft and put its target into its workflow.

    A workflow that a reviewer sent back ("needs changes") is resumed; otherwise the
    target's workflow ("Translation review" for translated pages and organisations) starts.
    Raises :class:`SubmissionError`, changing nothing, when the target has no workflow or
    is already in moderation.
    """
    with transaction.atomic():
        target = _existing_target(translation)
        if target is not None:
            _check_can_submit(target)
        save_translation_draft(translation, user=user)
        target = translation.get_target_instance()
        workflow = _check_can_submit(target)
        state = target.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
            return state
        return workflow.start(target, user)


def _existing_target(translation: Translation):
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def _check_can_submit(target):
    workflow = target.get_workflow() if hasattr(target, "get_workflow") else None
    if workflow is None:
        raise SubmissionError(f"'{target}' has no review workflow, so it cannot be submitted.")
    if target.workflow_in_progress:
        raise SubmissionError(f"'{target}' is already in review.")
    return workflow
