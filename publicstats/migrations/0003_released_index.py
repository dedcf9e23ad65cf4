"""The private requests whose date has passed are summed live from one covering index."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("foi", "0005_request_list_indexes"),
        ("publicstats", "0002_year_sums"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="casestat", name="casestat_private"),
        migrations.AddIndex(
            model_name="casestat",
            index=models.Index(
                condition=models.Q(("visibility", "private")),
                fields=["received_on", "private_until"],
                include=(
                    "body",
                    "month",
                    "law",
                    "state",
                    "outcome",
                    "on_time",
                    "first_response_days",
                    "answer_days",
                    "grounds",
                    "appeals",
                    "appeals_upheld",
                    "appeals_overturned",
                    "appeals_pending",
                ),
                name="casestat_released",
            ),
        ),
    ]
