import datetime

from django.db import migrations, models

# The day each shipped law's right of access began (docs/laws.md).
IN_FORCE = {
    "az": datetime.date(2005, 12, 19),
    "uk": datetime.date(2005, 1, 1),
    "us": datetime.date(1967, 7, 4),
    "de": datetime.date(2006, 1, 1),
    "in": datetime.date(2005, 10, 12),
}


def fill(apps, schema_editor):
    Law = apps.get_model("foi", "Law")
    for code, day in IN_FORCE.items():
        Law.objects.filter(code=code, in_force_from__isnull=True).update(in_force_from=day)


class Migration(migrations.Migration):
    dependencies = [("foi", "0007_remove_discarded_drafts")]

    operations = [
        migrations.AddField(
            model_name="law",
            name="in_force_from",
            field=models.DateField(
                blank=True,
                help_text="The day the right of access began: no request is received before it.",
                null=True,
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
