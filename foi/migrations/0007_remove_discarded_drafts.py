"""Delete the drafts that discarding used to turn into ``withdrawn`` requests.

Such a row was never sent (no reference, no ``submitted_at``) yet the public filter let it
through. Discarding now deletes a draft; this removes the ones made before, with their audit
chains. Each request has its own chain (``seq`` and ``prev_hash`` run within one request), so
removing a chain whole, with its request, in one transaction, leaves ``foi_verify_audit``
passing. Irreversible by nature; going back leaves the rows gone.
"""

from django.db import migrations

CHUNK = 500


def discarded_draft_ids(FOIRequest, alias: str) -> list[int]:
    return list(
        FOIRequest.objects.using(alias)
        .filter(state="withdrawn", reference__isnull=True, submitted_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def remove_discarded_drafts(apps, schema_editor):
    FOIRequest = apps.get_model("foi", "FOIRequest")
    CaseEvent = apps.get_model("foi", "CaseEvent")
    Attachment = apps.get_model("foi", "Attachment")
    connection = schema_editor.connection
    ids = discarded_draft_ids(FOIRequest, connection.alias)
    files = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        files += [
            attachment.file
            for attachment in Attachment.objects.using(connection.alias).filter(
                message__foi_request_id__in=chunk
            )
        ]
        # The events go by plain SQL: the model refuses to delete them (append-only).
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {CaseEvent._meta.db_table} WHERE foi_request_id IN "
                f"({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
        FOIRequest.objects.using(connection.alias).filter(pk__in=chunk).delete()
    for stored in files:
        if stored.name:
            stored.storage.delete(stored.name)


class Migration(migrations.Migration):
    dependencies = [
        ("foi", "0006_database_cache_table"),
        # Their rows that point at requests (statistics, disclosure pages) are in this state,
        # so that deleting a request takes them along or unlinks them.
        ("publicstats", "0003_released_index"),
        ("cms", "0002_disclosures"),
    ]

    operations = [
        migrations.RunPython(remove_discarded_drafts, migrations.RunPython.noop, elidable=True),
    ]
