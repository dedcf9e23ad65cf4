"""A database migrated on the layout before issue 18 (e-mail and the task queue's models inside
foi) migrates forward: the rows stay, the content types and the permissions given on them follow
the models to their new apps, and waiting tasks point at the tasks' new modules."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.module_loading import import_string

OLD_LAYOUT = [("foi", "0008_law_in_force")]


@pytest.mark.django_db(transaction=True)
def test_a_database_on_the_old_layout_migrates_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(OLD_LAYOUT)
    old = executor.loader.project_state(OLD_LAYOUT).apps

    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    # Unapplying the move gave the content types back to foi, as they were on the old layout.
    outbound_type, _ = ContentType.objects.get_or_create(app_label="foi", model="outboundemail")
    task_type, _ = ContentType.objects.get_or_create(app_label="foi", model="deferredtask")
    view_outbound, _ = Permission.objects.get_or_create(
        content_type=outbound_type, codename="view_outboundemail", defaults={"name": "Can view"}
    )
    auditors = Group.objects.create(name="E-mail auditors")
    auditors.permissions.add(view_outbound)
    sent = old.get_model("foi", "OutboundEmail").objects.create(
        kind="requester_receipt",
        to_email="person@example.org",
        from_email="noreply@example.org",
        subject="Received",
        body_text="We received your request.",
    )
    waiting = old.get_model("foi", "DeferredTask").objects.create(
        task_path="foi.mail.tasks.notify_case_event", args=[1]
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from django.contrib.auth.models import Group as NewGroup
    from django.contrib.contenttypes.models import ContentType as NewContentType

    from core.models import DeferredTask
    from mail.models import OutboundEmail

    assert OutboundEmail.objects.get(pk=sent.pk).subject == "Received"
    task = DeferredTask.objects.get(pk=waiting.pk)
    assert task.task_path == "mail.tasks.notify_case_event"
    import_string(task.task_path)  # the task is found where the path now points
    NewContentType.objects.clear_cache()
    assert NewContentType.objects.get(pk=outbound_type.pk).app_label == "mail"
    assert NewContentType.objects.get(pk=task_type.pk).app_label == "core"
    assert not NewContentType.objects.filter(app_label="foi", model="outboundemail").exists()
    kept = NewGroup.objects.get(pk=auditors.pk).permissions.get()
    assert (kept.content_type.app_label, kept.codename) == ("mail", "view_outboundemail")
