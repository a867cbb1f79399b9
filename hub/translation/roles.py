"""Who translates, who reviews, and which locale is the source.

The names here are the ones the data migration ``hub/migrations/0002_translation_roles``
created; staff see them in the admin (Settings > Groups, Settings > Workflows). The
migration keeps its own copy of the permission lists, as migrations must; the tests compare
the groups it created with the lists below.
"""

from django.contrib.auth.models import Group
from wagtail.models import Locale, Workflow

TRANSLATORS = "Translators"
REVIEWERS = "Translation reviewers"
WORKFLOW = "Translation review"
REVIEW_TASK = "Review translation"

# Groups that Wagtail creates for staff; they keep the right to change German sources.
SOURCE_EDITOR_GROUPS = ("Editors", "Moderators")
SOURCE_CONTENT_PERMISSION = "hub.edit_source_content"

# Snippet models (app "snippets") with TranslatableMixin; Organisation is the only one
# with DraftStateMixin, so the only one with a "publish" permission.
TRANSLATABLE_SNIPPETS = ("organisation", "person", "topic", "funding", "quote", "siteoffer")
DRAFTABLE_SNIPPETS = ("organisation",)

# Page permissions granted on every site root in a target locale.
PAGE_PERMISSIONS = {
    TRANSLATORS: ("change_page",),
    REVIEWERS: ("change_page", "publish_page"),
}

# Collection permissions on the root collection: translators override images that carry
# text, and documents that exist per language, by choosing another one.
COLLECTION_PERMISSIONS = ("wagtailimages.choose_image", "wagtaildocs.choose_document")


def group_permissions(group_name: str) -> set[str]:
    """The model permissions ("app_label.codename") the group holds, outside the page tree."""
    common = {"wagtailadmin.access_admin"}
    for model in TRANSLATABLE_SNIPPETS:
        common |= {f"snippets.view_{model}", f"snippets.change_{model}"}
    if group_name == TRANSLATORS:
        return common | {"wagtail_localize.submit_translation"}
    if group_name == REVIEWERS:
        return common | {f"snippets.publish_{model}" for model in DRAFTABLE_SNIPPETS}
    raise ValueError(f"{group_name!r} is not a translation group.")


def translation_groups() -> dict[str, Group]:
    """The two groups by name; a group that was deleted is missing from the result."""
    return {group.name: group for group in Group.objects.filter(name__in=PAGE_PERMISSIONS)}


def translation_workflow() -> Workflow | None:
    """The active "Translation review" workflow, or None when staff removed or disabled it."""
    return Workflow.objects.filter(name=WORKFLOW, active=True).first()


def source_locale_id() -> int:
    """Primary key of the source locale (German, ``LANGUAGE_CODE``)."""
    return Locale.get_default().pk


def is_source_locale(instance) -> bool:
    """Whether a translatable page or snippet is in the source locale."""
    return instance.locale_id == source_locale_id()
