"""Translator and reviewer roles: groups, translated site roots, German sources protected."""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)
from wagtail.permissions import policy_registry

from hub.translation import roles
from hub.translation.permissions import SourceLocalePermissionPolicy
from hub.translation.site_roots import prepare_translated_root
from pages.models import HomePage
from snippets.models import Funding, Organisation, Person, Quote, SiteOffer, Topic
from tests.factories import HomePageFactory, OrganisationFactory, locale
from tests.factories.translations import translate
from tests.factories.users import ReviewerFactory, TranslatorFactory, UserFactory, is_denied

pytestmark = pytest.mark.django_db

MIGRATION = "0002_translation_roles"


def permission_names(permissions) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


def page_grants(page) -> set[tuple[str, str]]:
    return set(
        GroupPagePermission.objects.filter(page=page).values_list(
            "group__name", "permission__codename"
        )
    )


def english_home(german_home=None) -> HomePage:
    """The English counterpart of a German home page, made by localize (an alias at first)."""
    german_home = german_home or HomePageFactory()
    return german_home.copy_for_translation(locale("en"), alias=True)


@pytest.fixture
def client_for():
    def log_in(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return log_in


# The groups and the workflow from the data migration


@pytest.mark.parametrize("name", [roles.TRANSLATORS, roles.REVIEWERS])
def test_the_groups_hold_exactly_the_permissions_the_roles_describe(name):
    group = Group.objects.get(name=name)

    assert permission_names(group.permissions.all()) == roles.group_permissions(name)
    collection_grants = GroupCollectionPermission.objects.filter(group=group)
    assert {grant.collection for grant in collection_grants} == {Collection.get_first_root_node()}
    assert permission_names(grant.permission for grant in collection_grants) == set(
        roles.COLLECTION_PERMISSIONS
    )


def test_translators_cannot_publish_anything_by_themselves():
    translators = Group.objects.get(name=roles.TRANSLATORS)

    assert not any("publish" in name for name in permission_names(translators.permissions.all()))
    assert "submit_translation" not in str(roles.group_permissions(roles.REVIEWERS))


def test_staff_groups_may_edit_source_content():
    for name in roles.SOURCE_EDITOR_GROUPS:
        group = Group.objects.get(name=name)
        assert roles.SOURCE_CONTENT_PERMISSION in permission_names(group.permissions.all())
    assert not UserFactory(groups=[roles.TRANSLATORS]).has_perm(roles.SOURCE_CONTENT_PERMISSION)


def test_the_permission_is_offered_in_the_group_editor():
    offered = [
        permission for hook in hooks.get_hooks("register_permissions") for permission in hook()
    ]

    assert roles.SOURCE_CONTENT_PERMISSION in permission_names(offered)


def test_translation_review_has_one_task_for_the_reviewers():
    workflow = Workflow.objects.get(name=roles.WORKFLOW)

    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    assert task.name == roles.REVIEW_TASK
    assert [group.name for group in task.groups.all()] == [roles.REVIEWERS]


# Translated site roots


def test_a_new_english_home_page_is_prepared_for_translators():
    german = HomePageFactory()
    english = english_home(german)

    assert page_grants(german) == set()
    assert page_grants(english) == {
        (roles.TRANSLATORS, "change_page"),
        (roles.REVIEWERS, "change_page"),
        (roles.REVIEWERS, "publish_page"),
    }
    assert WorkflowPage.objects.get(page=english).workflow.name == roles.WORKFLOW
    assert not WorkflowPage.objects.filter(page=german).exists()


def test_preparing_is_idempotent_and_keeps_a_workflow_chosen_by_staff():
    english = english_home()
    other = Workflow.objects.create(name="Englische Redaktion")
    WorkflowPage.objects.filter(page=english).update(workflow=other)

    assert prepare_translated_root(english) is False
    assert len(page_grants(english)) == 3
    assert WorkflowPage.objects.get(page=english).workflow == other


def test_saving_a_translated_root_restores_a_missing_grant():
    english = english_home()
    GroupPagePermission.objects.filter(page=english).delete()

    english.save()

    assert len(page_grants(english)) == 3


def test_without_the_groups_nothing_is_prepared_and_nothing_fails():
    Group.objects.filter(name__in=[roles.TRANSLATORS, roles.REVIEWERS]).delete()

    english = english_home()

    assert page_grants(english) == set()
    assert prepare_translated_root(english) is False


def test_the_migration_prepares_roots_that_existed_before_it():
    english = english_home()
    GroupPagePermission.objects.filter(page=english).delete()
    WorkflowPage.objects.filter(page=english).delete()
    migration = importlib.import_module(f"hub.migrations.{MIGRATION}")
    historical_apps = MigrationLoader(connection).project_state(("hub", MIGRATION)).apps

    migration.create_roles(historical_apps, None)
    migration.create_roles(historical_apps, None)

    assert len(page_grants(english)) == 3
    assert WorkflowPage.objects.get(page=english).workflow.name == roles.WORKFLOW
    assert Group.objects.filter(name=roles.TRANSLATORS).count() == 1
    assert Workflow.objects.filter(name=roles.WORKFLOW).count() == 1


# German sources of snippets


@pytest.mark.parametrize("model", [Organisation, Person, Topic, Funding, Quote, SiteOffer])
def test_translatable_snippets_use_the_source_locale_policy(model):
    assert isinstance(policy_registry.get_by_type(model), SourceLocalePermissionPolicy)


def test_the_policy_protects_source_locale_instances_only():
    german = OrganisationFactory()
    english = translate(OrganisationFactory(), {}).get_target_instance()
    translator, reviewer = TranslatorFactory(), ReviewerFactory()
    editor = UserFactory(groups=["Editors"])
    editor.user_permissions.add(Permission.objects.get(codename="change_organisation"))
    policy = policy_registry.get_by_type(Organisation)

    assert policy.user_has_permission(translator, "change"), "may change organisations at all"
    assert not policy.user_has_permission_for_instance(translator, "change", german)
    assert policy.user_has_permission_for_instance(translator, "change", english)
    assert policy.user_has_permission_for_instance(translator, "view", german)
    assert not policy.user_has_permission_for_instance(reviewer, "publish", german)
    assert policy.user_has_permission_for_instance(reviewer, "publish", english)
    assert not policy.user_has_permission_for_instance(translator, "publish", english)
    assert policy.user_has_permission_for_instance(editor, "change", german)

    changeable = policy.instances_user_has_any_permission_for(translator, ["change"])
    assert set(changeable) == {english}
    viewable = policy.instances_user_has_any_permission_for(translator, ["view", "change"])
    assert set(viewable) == set(Organisation.objects.all())
    assert set(policy.users_with_any_permission_for_instance(["change"], german)) == {editor}
    assert {translator, reviewer, editor} <= set(
        policy.users_with_any_permission_for_instance(["change"], english)
    )


def test_translator_edits_the_english_organisation_but_not_the_german_one(client_for):
    german = OrganisationFactory()
    english = translate(OrganisationFactory(), {}).get_target_instance()
    client = client_for(TranslatorFactory())

    def url(name, organisation):
        return reverse(f"wagtailsnippets_snippets_organisation:{name}", args=[organisation.pk])

    assert is_denied(client.get(url("edit", german)))
    assert is_denied(client.post(url("edit", german), {"name": "Umbenannt"}))
    assert is_denied(client.post(url("lock", german)))
    response = client.get(url("edit", english))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    german.refresh_from_db()
    assert not german.locked


def test_staff_who_may_edit_sources_open_the_german_organisation(client_for):
    german = OrganisationFactory()
    editor = UserFactory(groups=["Editors"])
    editor.user_permissions.add(Permission.objects.get(codename="change_organisation"))

    response = client_for(editor).get(
        reverse("wagtailsnippets_snippets_organisation:edit", args=[german.pk])
    )

    assert response.status_code == 200
    assert "wagtailsnippets/snippets/edit.html" in [t.name for t in response.templates]
