"""The database cache's table, where production keeps rate limits and used TOTP codes when there
is no Redis (config/settings/production.py). createcachetable does nothing for other caches and
for a table that exists, so this is safe everywhere and again after a switch of cache (then run
``manage.py createcachetable``, as docs/deploy.md says)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("foi", "0005_request_list_indexes")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
