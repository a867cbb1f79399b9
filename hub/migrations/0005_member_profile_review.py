# Data migration, written by hand.
#
# Creates what member submissions need: the group "Members" (admin access only; what a
# member may do with an organisation follows from their OrganisationMember rows), the
# permission to manage member accounts for Moderators and Communications reviewers, and the
# workflow "Member profile review" with the group approval task "Member profile approval"
# for Communications reviewers, assigned to organisations. Communications reviewers get the
# rights to open, correct and publish German organisations, which approving needs. English organisations keep
# "Translation review" (hub.translation.workflows.TargetLocaleWorkflowMixin).
#
# The names are a copy frozen at the time of writing, as a migration's data must be;
# hub/members/roles.py holds the current ones and the tests compare the two.

from django.db import migrations

MEMBERS = "Members"
WORKFLOW = "Member profile review"
APPROVAL_TASK = "Member profile approval"
REVIEWERS = "Communications reviewers"
MANAGE_MEMBERS_GROUPS = ("Moderators", REVIEWERS)
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
REVIEWER_PERMISSIONS = (
    ("snippets", "organisation", "view_organisation", "Can view organisation"),
    ("snippets", "organisation", "change_organisation", "Can change organisation"),
    ("snippets", "organisation", "publish_organisation", "Can publish organisation"),
    ("hub", "translationpermissions", "edit_source_content", "Can edit source-language content"),
)
MANAGE_MEMBERS = (
    "hub",
    "organisationmember",
    "manage_members",
    "Can invite member accounts and revoke their access",
)


def get_permission(apps, app_label, model, codename, name):
    """The permission row, created when Django's post-migrate step has not run yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_member_review(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")

    members, _ = Group.objects.get_or_create(name=MEMBERS)
    members.permissions.add(get_permission(apps, *ACCESS_ADMIN))

    manage_members = get_permission(apps, *MANAGE_MEMBERS)
    for group in Group.objects.filter(name__in=MANAGE_MEMBERS_GROUPS):
        group.permissions.add(manage_members)

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(
        *(get_permission(apps, *permission) for permission in REVIEWER_PERMISSIONS)
    )
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task_content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=APPROVAL_TASK, content_type=task_content_type, active=True
        )
    task.groups.add(reviewers)

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    organisation_type, _ = ContentType.objects.get_or_create(
        app_label="snippets", model="organisation"
    )
    WorkflowContentType.objects.update_or_create(
        content_type=organisation_type, defaults={"workflow": workflow}
    )


def remove_member_review(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Permission = apps.get_model("auth", "Permission")

    # The workflow's assignment, states and task states go with it.
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=APPROVAL_TASK).delete()
    Group.objects.filter(name=MEMBERS).delete()
    Permission.objects.filter(content_type__app_label="hub", codename="manage_members").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0004_member_accounts"),
        ("pages", "0004_communications_review"),
        ("snippets", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_member_review, remove_member_review)]
