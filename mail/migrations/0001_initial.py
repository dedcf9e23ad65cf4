"""The e-mail models, made by foi's migration 0002 when they lived in foi; the tables keep their
names."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
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


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('foi', '0009_moved_to_core_and_mail'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are; only the app that owns the models changes.
            state_operations=[
                migrations.CreateModel(
                    name='InboundEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('received_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('esp_name', models.CharField(blank=True, max_length=40)),
                        ('email_message_id', models.CharField(max_length=300, unique=True, verbose_name='Message-ID')),
                        ('from_email', models.CharField(blank=True, max_length=300, verbose_name='from')),
                        ('to_addresses', models.TextField(blank=True, verbose_name='to')),
                        ('subject', models.CharField(blank=True, max_length=300, verbose_name='subject')),
                        ('text', models.TextField(blank=True, verbose_name='text')),
                        ('raw', models.FileField(max_length=300, upload_to='inbound_email/%Y/%m/', verbose_name='original')),
                        ('attachment_names', models.JSONField(blank=True, default=list)),
                        ('status', models.CharField(choices=[('matched', 'Put on its request'), ('held', 'Waiting for an administrator'), ('filed', 'Filed to a request by an administrator'), ('discarded', 'Discarded')], db_index=True, max_length=16)),
                        ('reason', models.CharField(blank=True, choices=[('unknown_address', "Sent to an address that is not a request's"), ('unknown_request', 'No request has this reference'), ('bad_hmac', "The address's check code is wrong"), ('foreign_sender', "The sender is outside the body's mail domains"), ('automatic_reply', 'An automatic reply'), ('spam', 'Marked as spam by the mail service')], max_length=32, verbose_name='why it was held')),
                        ('decided_at', models.DateTimeField(blank=True, null=True)),
                        ('decision_note', models.TextField(blank=True)),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('foi_request', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='foi.foirequest')),
                        ('guessed_requests', models.ManyToManyField(blank=True, related_name='+', to='foi.foirequest', verbose_name='likely requests')),
                        ('message', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='foi.message')),
                    ],
                    options={
                        'verbose_name': 'inbound e-mail',
                        'verbose_name_plural': 'inbound e-mails',
                        'db_table': 'foi_inboundemail',
                        'ordering': ['-received_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='HeldEmail',
                    fields=[
                    ],
                    options={
                        'verbose_name': 'held e-mail',
                        'verbose_name_plural': 'holding pen',
                        'proxy': True,
                        'indexes': [],
                        'constraints': [],
                    },
                    bases=('mail.inboundemail',),
                ),
                migrations.CreateModel(
                    name='NotificationPreferences',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('requester_accepted', models.BooleanField(default=True, verbose_name='When a body accepts my request')),
                        ('requester_overdue', models.BooleanField(default=True, verbose_name='When a body misses the deadline on my request (I may then appeal)')),
                        ('officer_new_request', models.BooleanField(default=True, verbose_name='New requests to my body')),
                        ('officer_clarification_received', models.BooleanField(default=True, verbose_name='Clarifications from requesters')),
                        ('officer_due_soon', models.BooleanField(default=True, verbose_name='Requests due in two working days')),
                        ('officer_overdue', models.BooleanField(default=True, verbose_name='Overdue requests')),
                        ('officer_appeals', models.BooleanField(default=True, verbose_name="Appeals lodged and decided on my body's requests")),
                        ('follower_digest', models.CharField(choices=[('daily', 'Daily'), ('weekly', 'Weekly'), ('off', 'Never')], default='daily', max_length=8, verbose_name='Digest of requests and bodies I follow')),
                        ('digest_sent_until', models.DateTimeField(blank=True, null=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='notification_preferences', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'notification preferences',
                        'verbose_name_plural': 'notification preferences',
                        'db_table': 'foi_notificationpreferences',
                    },
                ),
                migrations.CreateModel(
                    name='OutboundEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(db_index=True, max_length=40, verbose_name='notice')),
                        ('to_email', models.EmailField(max_length=254, verbose_name='to')),
                        ('language', models.CharField(blank=True, max_length=8)),
                        ('from_email', models.CharField(max_length=300)),
                        ('reply_to', models.CharField(blank=True, max_length=300)),
                        ('subject', models.CharField(max_length=300)),
                        ('body_text', models.TextField()),
                        ('body_html', models.TextField(blank=True)),
                        ('headers', models.JSONField(blank=True, default=dict)),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Sending'), ('retrying', 'Failed, will try again'), ('failed', 'Failed, gave up'), ('sent', 'Sent'), ('deferred', 'Deferred by the receiving server'), ('delivered', 'Delivered'), ('bounced', 'Bounced'), ('complained', 'Marked as spam')], db_index=True, default='queued', max_length=16)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('next_attempt_at', models.DateTimeField(blank=True, db_index=True, null=True)),
                        ('last_attempt_at', models.DateTimeField(blank=True, null=True)),
                        ('last_error', models.TextField(blank=True)),
                        ('rfc_message_id', models.CharField(blank=True, max_length=300, verbose_name='Message-ID')),
                        ('esp_message_id', models.CharField(blank=True, db_index=True, max_length=300)),
                        ('delivery_detail', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('status_updated_at', models.DateTimeField(blank=True, null=True)),
                        ('foi_request', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='foi.foirequest')),
                        ('message', models.ForeignKey(blank=True, help_text='The timeline entry this e-mail carries (a letter sent to a body).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='foi.message')),
                        ('to_body', models.ForeignKey(blank=True, help_text="Set when the e-mail went to a body's request address.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='foi.publicbody')),
                        ('to_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'outbound e-mail',
                        'verbose_name_plural': 'outbound e-mails',
                        'db_table': 'foi_outboundemail',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='MilestoneNotice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('milestone', models.CharField(max_length=16)),
                        ('due_at', models.DateTimeField()),
                        ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('foi_request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='milestone_notices', to='foi.foirequest')),
                    ],
                    options={
                        'db_table': 'foi_milestonenotice',
                        'constraints': [models.UniqueConstraint(fields=('foi_request', 'milestone', 'due_at'), name='milestone_notice_once')],
                    },
                ),
            ],
            database_operations=[],
        ),
        content_types_follow(
            "mail",
            ["outboundemail", "inboundemail", "heldemail", "notificationpreferences", "milestonenotice"],
        ),
    ]
