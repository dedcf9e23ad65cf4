"""DeferredTask, made by foi's migration 0003 when it lived in foi; its table keeps its name."""

import django.utils.timezone
from django.db import migrations, models



def content_types_follow(app_label, model_names):
    """The content types (and so the permissions given to groups) follow the models: rows made
    while they were foi's are relabelled rather than left stale beside new ones."""

    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in model_names:
            if not ContentType.objects.filter(app_label=app_label, model=model).exists():
                ContentType.objects.filter(app_label="foi", model=model).update(app_label=app_label)

    def backwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in model_names:
            if not ContentType.objects.filter(app_label="foi", model=model).exists():
                ContentType.objects.filter(app_label=app_label, model=model).update(app_label="foi")

    return migrations.RunPython(forwards, backwards)


# Where the background tasks' code used to be, and where it is now (issue 18).
MOVED_MODULES = (
    ("foi.mail.", "mail."),
    ("foi.workspace.", "workspace."),
    ("foi.api.", "api."),
    ("foi.taskqueue.", "core.taskqueue."),
)


def task_paths_follow(apps, schema_editor):
    """Tasks kept while the queue was down name their function by module path: point them at
    the module's new home, so ``foi_requeue`` can still run them."""
    DeferredTask = apps.get_model("core", "DeferredTask")
    for task in DeferredTask.objects.all().only("task_path"):
        for old, new in MOVED_MODULES:
            if task.task_path.startswith(old):
                task.task_path = new + task.task_path[len(old):]
                task.save(update_fields=["task_path"])
                break


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("foi", "0009_moved_to_core_and_mail"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are; only the app that owns the models changes.
            state_operations=[
                migrations.CreateModel(
                    name='DeferredTask',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('task_path', models.CharField(max_length=200)),
                        ('args', models.JSONField(default=list)),
                        ('kwargs', models.JSONField(default=dict)),
                        ('run_after', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('attempts', models.PositiveIntegerField(default=0)),
                        ('last_error', models.CharField(blank=True, max_length=500)),
                    ],
                    options={
                        'verbose_name': 'task waiting for the queue',
                        'verbose_name_plural': 'tasks waiting for the queue',
                        'db_table': 'foi_deferredtask',
                        'ordering': ['id'],
                    },
                ),
            ],
            database_operations=[],
        ),
        content_types_follow("core", ["deferredtask"]),
        migrations.RunPython(task_paths_follow, migrations.RunPython.noop),
    ]
