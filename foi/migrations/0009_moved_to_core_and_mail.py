"""The e-mail models moved to the mail app and the task queue's DeferredTask to core
(issue 18). Their tables keep their names; this only takes them out of foi's state."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("foi", "0008_law_in_force"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are; only the app that owns the models changes.
            state_operations=[
                migrations.DeleteModel(
                    name="DeferredTask",
                ),
                migrations.RemoveField(
                    model_name="inboundemail",
                    name="decided_by",
                ),
                migrations.RemoveField(
                    model_name="inboundemail",
                    name="foi_request",
                ),
                migrations.RemoveField(
                    model_name="inboundemail",
                    name="guessed_requests",
                ),
                migrations.RemoveField(
                    model_name="inboundemail",
                    name="message",
                ),
                migrations.RemoveField(
                    model_name="milestonenotice",
                    name="foi_request",
                ),
                migrations.RemoveField(
                    model_name="notificationpreferences",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="outboundemail",
                    name="foi_request",
                ),
                migrations.RemoveField(
                    model_name="outboundemail",
                    name="message",
                ),
                migrations.RemoveField(
                    model_name="outboundemail",
                    name="to_body",
                ),
                migrations.RemoveField(
                    model_name="outboundemail",
                    name="to_user",
                ),
                migrations.DeleteModel(
                    name="HeldEmail",
                ),
                migrations.DeleteModel(
                    name="InboundEmail",
                ),
                migrations.DeleteModel(
                    name="MilestoneNotice",
                ),
                migrations.DeleteModel(
                    name="NotificationPreferences",
                ),
                migrations.DeleteModel(
                    name="OutboundEmail",
                ),
            ],
            database_operations=[],
        ),
    ]
