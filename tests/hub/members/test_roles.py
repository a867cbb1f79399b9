"""The groups, workflow and permissions created by hub/migrations/0005_member_profile_review."""

import importlib

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow, WorkflowContentType

from hub.members import roles
from snippets.models import Organisation

pytestmark = pytest.mark.django_db

migration = importlib.import_module("hub.migrations.0005_member_profile_review")


def permission_names(group: Group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_migration_uses_the_names_the_code_looks_up():
    assert (migration.MEMBERS, migration.WORKFLOW, migration.APPROVAL_TASK) == (
        roles.MEMBERS,
        roles.WORKFLOW,
        roles.APPROVAL_TASK,
    )
    assert migration.REVIEWERS == roles.REVIEWERS
    assert migration.MANAGE_MEMBERS_GROUPS == roles.MANAGE_MEMBERS_GROUPS
    assert [
        f"{app}.{codename}" for app, _model, codename, _name in migration.REVIEWER_PERMISSIONS
    ] == (list(roles.REVIEWER_PERMISSIONS))


def test_members_may_enter_the_admin_and_nothing_else():
    assert permission_names(Group.objects.get(name=roles.MEMBERS)) == set(
        roles.MEMBER_GROUP_PERMISSIONS
    )


def test_reviewers_and_moderators_manage_members_and_reviewers_edit_organisations():
    reviewers = permission_names(Group.objects.get(name=roles.REVIEWERS))
    assert set(roles.REVIEWER_PERMISSIONS) <= reviewers
    for name in roles.MANAGE_MEMBERS_GROUPS:
        assert roles.MANAGE_MEMBERS_PERMISSION in permission_names(Group.objects.get(name=name))
    assert roles.MANAGE_MEMBERS_PERMISSION not in permission_names(
        Group.objects.get(name="Editors")
    )


def test_organisations_go_through_member_profile_review_by_the_reviewers():
    workflow = Workflow.objects.get(name=roles.WORKFLOW)
    assert roles.member_profile_workflow() == workflow
    assert WorkflowContentType.objects.get(
        content_type=Organisation.get_content_type()
    ).workflow == (workflow)
    [task] = [workflow_task.task.specific for workflow_task in workflow.workflow_tasks.all()]
    assert task.name == roles.APPROVAL_TASK
    assert [group.name for group in task.groups.all()] == [roles.REVIEWERS]


def test_no_workflow_when_staff_disable_it():
    Workflow.objects.filter(name=roles.WORKFLOW).update(active=False)
    assert roles.member_profile_workflow() is None
