# Data migration, written by hand.
#
# Creates the "Communications review" workflow: the group "Communications reviewers" with
# Wagtail's moderator rights on the page tree and the rights to add and choose media, the
# group approval task "Communications approval" for that group, and the workflow with that
# task. The workflow is not assigned to any page: pages.workflows.CommunicationsReviewMixin
# chooses it for German newsletter issues, news, events and documentation.
#
# The names and lists are a copy frozen at the time of writing, as a migration's data must
# be; pages/workflows.py holds the current ones and the tests compare the two.

from django.db import migrations

REVIEWERS = "Communications reviewers"
WORKFLOW = "Communications review"
APPROVAL_TASK = "Communications approval"
GROUP_PERMISSIONS = (("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),)
PAGE_PERMISSIONS = (
    ("add_page", "Can add page"),
    ("change_page", "Can change page"),
    ("publish_page", "Publish any page"),
    ("lock_page", "Lock/unlock pages you've locked"),
    ("unlock_page", "Unlock any page"),
)
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
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


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(
        *(get_permission(apps, *permission) for permission in GROUP_PERMISSIONS)
    )

    tree_root = Page.objects.filter(depth=1).first()
    if tree_root is not None:
        for codename, name in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=reviewers,
                page=tree_root,
                permission=get_permission(apps, "wagtailcore", "page", codename, name),
            )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for permission in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=reviewers,
                collection=root_collection,
                permission=get_permission(apps, *permission),
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


def remove_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    # Workflow states and task states of pages reviewed meanwhile go with them.
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=APPROVAL_TASK).delete()
    # Deleting the group removes its page, collection and model permissions too.
    Group.objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_basepage_show_in_footer"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
