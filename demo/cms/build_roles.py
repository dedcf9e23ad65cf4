"""Who may do what in the demo's CMS: editors write and submit, moderators publish.

Wagtail's migrations give its "Editors" and "Moderators" groups rights on the tree's root; the
demo states them on each language's home page too and adds a moderation workflow for
disclosures and the disclosure log, so that the rules are visible where they apply.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITOR_PAGE_PERMISSIONS = ("add", "change", "lock")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
WORKFLOW_NAME = "Disclosure review"
TASK_NAME = "Moderator approval"

MODERATOR = {
    "email": "moderator@demo.example",
    "password": "demo-moderator-2026",
    "first_name": "Rəna",
    "last_name": "Süleymanova",
}


def _grant(group: Group, page, permission_types) -> None:
    for permission_type in permission_types:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _model_permissions(group: Group, app_label: str, codenames) -> None:
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def _collection_permissions(group: Group, codenames) -> None:
    """Documents are permitted per collection; the root collection covers them all."""
    root = Collection.get_first_root_node()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtaildocs", codename__in=codenames
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def groups_ensure(homes) -> tuple[Group, Group]:
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for group in (editors, moderators):
        _model_permissions(group, "wagtailadmin", ["access_admin"])
        _model_permissions(group, "simple_translation", ["submit_translation"])
        _collection_permissions(group, ["add_document", "change_document", "choose_document"])
    _model_permissions(editors, "cms", ["view_disclosurecategory"])
    _model_permissions(
        moderators,
        "cms",
        ["view_disclosurecategory", "add_disclosurecategory", "change_disclosurecategory"],
    )
    for home in homes:
        _grant(editors, home, EDITOR_PAGE_PERMISSIONS)
        _grant(moderators, home, MODERATOR_PAGE_PERMISSIONS)
    return editors, moderators


def workflow_ensure(moderators: Group, pages) -> Workflow:
    """An editor submits; a moderator approves and so publishes (or asks for changes)."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    # Through the model's manager: the cluster's related manager would only stage it in memory.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def moderator_ensure(moderators: Group):
    User = get_user_model()
    user = User.objects.filter(email__iexact=MODERATOR["email"]).first()
    if user is None:
        user = User.objects.create_user(
            email=MODERATOR["email"],
            password=MODERATOR["password"],
            first_name=MODERATOR["first_name"],
            last_name=MODERATOR["last_name"],
            is_staff=True,
        )
    user.groups.add(moderators)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user
