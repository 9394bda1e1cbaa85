"""The roles Sekretariat, Medredaktør and Rapportlæser (docs/roles.md), the
"Godkendelse" workflow that sends co-editors' drafts to the secretariat, and
the "Indsendte billeder" collection for residents' photos.

Wagtail's own "Moderators" and "Editors" groups and the reach app's
"Rapportlæsere" are left as they are: existing users keep working until the
secretariat moves them to the new roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home import roles

APPS_WITH_PERMISSIONS = (
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "home",
    "stories",
    "locations",
    "channels",
    "reach",
)


def _ensure_permissions(apps):
    """Permissions are normally created after all migrations; we need them now."""
    for label in APPS_WITH_PERMISSIONS:
        try:
            app_config = apps.get_app_config(label)
        except LookupError:
            continue
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    _ensure_permissions(apps)
    apply_roles(apps)


def apply_roles(apps):
    """Everything but creating permissions; also used by tests that flush the
    database (transactional browser tests) to rebuild the roles."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    roles.grant_role_permissions(Group, Permission)

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for role, codenames in roles.PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for codename in codenames:
            perm = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if perm and root_page:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=perm
                )
    for role, pairs in roles.COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for app_label, codename in pairs:
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm and root_collection:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )

    if root_collection and not Collection.objects.filter(
        name=roles.SUBMITTED_IMAGES_COLLECTION
    ).exists():
        # Treebeard's API is not available on historical models: add the child by hand.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = int(last.path[-4:], 36) + 1 if last else 1
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        suffix = ""
        for _ in range(4):
            step, rest = divmod(step, 36)
            suffix = digits[rest] + suffix
        Collection.objects.create(
            name=roles.SUBMITTED_IMAGES_COLLECTION,
            path=root_collection.path + suffix,
            depth=2,
            numchild=0,
        )
        root_collection.numchild += 1
        root_collection.save(update_fields=["numchild"])

    _create_workflow(apps, root_page)


def _create_workflow(apps, root_page):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=roles.APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=roles.APPROVAL_TASK_NAME, content_type=task_ct, active=True
        )
    task.groups.add(Group.objects.get(name=roles.SEKRETARIAT))
    workflow, _ = Workflow.objects.get_or_create(
        name=roles.WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=roles.WORKFLOW_NAME).delete()
    Group.objects.filter(name__in=roles.ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("stories", "0003_community"),
        ("locations", "0002_placepage_external_id_help"),
        ("channels", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
