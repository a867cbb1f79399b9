"""Editor submits -> reviewer approves -> published: the "Communications review" workflow."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowState,
)

from hub.members import roles as member_roles
from hub.translation import roles as translation_roles
from pages import workflows
from pages.models import (
    DocumentationItemPage,
    EventPage,
    NewsIndexPage,
    NewsletterIssuePage,
    NewsPage,
    StandardPage,
)
from tests.factories import (
    PAGE_FACTORIES,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.factories.pages import translate_page
from tests.factories.users import is_denied
from tests.pages.publishing import (
    CommunicationsReviewerFactory,
    EditorFactory,
    add_url,
    approve,
    edit_url,
    logged_in,
    news_form,
    reject,
    workflow_state,
)

pytestmark = pytest.mark.django_db

MIGRATION = "0004_communications_review"
REVIEWED_TYPES = [NewsletterIssuePage, NewsPage, EventPage, DocumentationItemPage]


def migration_module():
    return importlib.import_module(f"pages.migrations.{MIGRATION}")


@pytest.fixture
def editor():
    return EditorFactory()


@pytest.fixture
def reviewer():
    return CommunicationsReviewerFactory()


@pytest.fixture
def news_index():
    return NewsIndexPageFactory()


def submitted_news(client, news_index) -> NewsPage:
    """A news item that the logged-in editor of ``client`` writes and submits for review."""
    response = client.post(
        add_url(news_index),
        news_form(title="Neues Mitglied", slug="neues-mitglied", **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return NewsPage.objects.get(slug="neues-mitglied")


# What the data migration created


def test_the_migration_uses_the_names_of_pages_workflows():
    migration = migration_module()

    assert migration.REVIEWERS == workflows.REVIEWERS
    assert migration.WORKFLOW == workflows.WORKFLOW
    assert migration.APPROVAL_TASK == workflows.APPROVAL_TASK
    assert [
        f"{app}.{codename}" for app, _model, codename, _name in migration.GROUP_PERMISSIONS
    ] == (list(workflows.GROUP_PERMISSIONS))
    assert [codename for codename, _name in migration.PAGE_PERMISSIONS] == list(
        workflows.PAGE_PERMISSIONS
    )
    assert [
        f"{app}.{codename}" for app, _model, codename, _name in migration.COLLECTION_PERMISSIONS
    ] == list(workflows.COLLECTION_PERMISSIONS)


def test_the_reviewers_group_holds_moderator_rights_on_the_tree_and_media_rights():
    group = Group.objects.get(name=workflows.REVIEWERS)

    # Moderating member updates (hub/migrations/0005_member_profile_review) adds the rights
    # on organisations and to manage member accounts.
    assert {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()} == {
        *workflows.GROUP_PERMISSIONS,
        *member_roles.REVIEWER_PERMISSIONS,
        member_roles.MANAGE_MEMBERS_PERMISSION,
    }
    page_grants = GroupPagePermission.objects.filter(group=group)
    assert {grant.page_id for grant in page_grants} == {Page.get_first_root_node().pk}
    assert {grant.permission.codename for grant in page_grants} == set(workflows.PAGE_PERMISSIONS)
    collection_grants = GroupCollectionPermission.objects.filter(group=group)
    assert {grant.collection for grant in collection_grants} == {Collection.get_first_root_node()}
    assert {
        f"{grant.permission.content_type.app_label}.{grant.permission.codename}"
        for grant in collection_grants
    } == set(workflows.COLLECTION_PERMISSIONS)


def test_the_workflow_has_one_approval_task_for_the_reviewers():
    workflow = Workflow.objects.get(name=workflows.WORKFLOW)

    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    assert task.name == workflows.APPROVAL_TASK
    assert [group.name for group in task.groups.all()] == [workflows.REVIEWERS]
    assert list(workflows.reviewer_groups()) == [Group.objects.get(name=workflows.REVIEWERS)]


def test_the_migration_is_idempotent_and_reversible():
    migration = migration_module()
    historical_apps = MigrationLoader(connection).project_state(("pages", MIGRATION)).apps

    migration.create_workflow(historical_apps, None)
    assert Group.objects.filter(name=workflows.REVIEWERS).count() == 1
    assert Task.objects.filter(name=workflows.APPROVAL_TASK).count() == 1
    assert Workflow.objects.get(name=workflows.WORKFLOW).workflow_tasks.count() == 1

    migration.remove_workflow(historical_apps, None)
    assert not Group.objects.filter(name=workflows.REVIEWERS).exists()
    assert not Task.objects.filter(name=workflows.APPROVAL_TASK).exists()
    assert not Workflow.objects.filter(name=workflows.WORKFLOW).exists()
    assert not GroupPagePermission.objects.filter(group__name=workflows.REVIEWERS).exists()
    # Wagtail's own moderation and the translation workflow are left alone.
    assert Workflow.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name=translation_roles.WORKFLOW).exists()

    migration.create_workflow(historical_apps, None)
    assert workflows.communications_workflow() is not None


# Which pages use it


@pytest.mark.parametrize("model", REVIEWED_TYPES, ids=lambda model: model.__name__)
def test_german_pages_of_the_four_types_use_communications_review(model):
    page = PAGE_FACTORIES[model]()

    assert page.get_workflow().name == workflows.WORKFLOW


@pytest.mark.parametrize("model", REVIEWED_TYPES, ids=lambda model: model.__name__)
def test_their_translations_keep_translation_review(model):
    english = translate_page(PAGE_FACTORIES[model](), publish=False)

    assert english.specific.get_workflow().name == translation_roles.WORKFLOW


@pytest.mark.parametrize("model", [StandardPage, NewsIndexPage], ids=lambda m: m.__name__)
def test_other_page_types_keep_the_workflow_of_their_subtree(model):
    page = PAGE_FACTORIES[model]()

    assert page.get_workflow().name == "Moderators approval"


def test_a_disabled_workflow_falls_back_to_the_subtree():
    page = NewsPageFactory()
    Workflow.objects.filter(name=workflows.WORKFLOW).update(active=False)

    assert page.get_workflow().name == "Moderators approval"


def test_reviewers_are_the_task_groups_and_superusers(editor, reviewer, staff_user):
    assert workflows.can_review(reviewer)
    assert workflows.can_review(staff_user)
    assert not workflows.can_review(editor)


# Through the admin


def test_editor_submits_and_reviewer_approves_which_publishes(editor, reviewer, news_index):
    editor_client, reviewer_client = logged_in(editor), logged_in(reviewer)

    page = submitted_news(editor_client, news_index)

    assert not page.live, "nothing goes live before review"
    state = workflow_state(page)
    assert state.workflow.name == workflows.WORKFLOW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert state.current_task_state.task.name == workflows.APPROVAL_TASK

    # The editor can neither approve nor publish.
    assert is_denied(approve(editor_client, page))
    editor_client.post(
        edit_url(page),
        news_form(title="Neues Mitglied", slug="neues-mitglied", **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live

    response = approve(reviewer_client, page, "Passt so.")

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_a_rejected_page_goes_back_to_the_editor_with_the_comment(editor, reviewer, news_index):
    editor_client = logged_in(editor)
    page = submitted_news(editor_client, news_index)

    response = reject(logged_in(reviewer), page, "Bitte das Beitrittsdatum ergänzen.")

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert workflow_state(page).status == WorkflowState.STATUS_NEEDS_CHANGES
    editor_view = editor_client.get(edit_url(page))
    assert editor_view.status_code == 200
    assert "Bitte das Beitrittsdatum ergänzen." in editor_view.text

    # Resubmitting resumes the same workflow.
    editor_client.post(
        edit_url(page),
        news_form(title="Neues Mitglied", slug="neues-mitglied", **{"action-submit": "1"}),
    )
    resumed = workflow_state(page)
    assert resumed.status == WorkflowState.STATUS_IN_PROGRESS
    assert resumed.workflow.name == workflows.WORKFLOW


def test_standard_pages_do_not_go_to_communications_reviewers(editor, reviewer):
    about = StandardPageFactory(live=False)
    # The standard page's form has the news form's fields but the date.
    logged_in(editor).post(
        edit_url(about), news_form(title=about.title, slug=about.slug, **{"action-submit": "1"})
    )

    state = workflow_state(about)
    assert state.workflow.name == "Moderators approval"
    assert is_denied(approve(logged_in(reviewer), about))
