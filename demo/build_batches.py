"""Batch requests in the demo (issue 24), made through ``foi.services.batches``:

- one letter sent 25 days ago to the three city executive authorities (Baku, Ganja,
  Sumgait): Baku answered it in full, Sumgait accepted it and is working on it, Ganja has not
  replied and is overdue, so the batch's page shows three states and its figures;
- one letter to every ministry, more bodies than a batch may reach without approval, waiting
  in the moderators' queue (Requests → Batch requests waiting for approval).

Loading the demo again adds neither a second time (the subject is the key).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from core import clock
from foi import services
from foi.models import Batch, FOIRequest, PublicBody

CITIES = (
    "baku-city-executive-power",
    "ganja-city-executive-power",
    "sumgait-city-executive-power",
)
CITIES_SUBJECT = "Şəhərdə 2025-ci ildə əkilmiş və kəsilmiş ağacların sayı"
CITIES_TEXT = (
    "Hörmətli icra hakimiyyəti,\n\n2025-ci ildə şəhərin ərazisində əkilmiş və kəsilmiş "
    "ağacların sayını, kəsilmə üçün verilmiş icazələrin siyahısını (tarix, ünvan, ağacların "
    "sayı və səbəb göstərilməklə) təqdim etməyinizi xahiş edirəm."
)
MINISTRIES_SUBJECT = "Nazirliklərin 2025-ci ildə xidməti avtomobillərə çəkdiyi xərclər"
MINISTRIES_TEXT = (
    "2025-ci ildə nazirliyin balansında olan xidməti avtomobillərin sayını, onların alınmasına, "
    "yanacağına və təmirinə çəkilmiş xərcləri ayrı-ayrılıqda göstərməklə təqdim etməyinizi "
    "xahiş edirəm."
)
BAKU_ANSWER = (
    "Hörmətli Günel xanım,\n\n2025-ci ildə Bakı şəhərində 41 250 ağac əkilmiş, 1 180 ağacın "
    "kəsilməsinə icazə verilmişdir. İcazələrin siyahısı əlavə olunur."
)


def _moment(now: datetime, days_ago: int, hour: int) -> datetime:
    day = timezone.localdate(now) - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def batches_load(*, people: dict, now: datetime | None = None) -> list[Batch]:
    now = now or timezone.now()
    made = []
    creator = people["gunel"]
    if not Batch.objects.filter(creator=creator, subject=CITIES_SUBJECT).exists():
        bodies = list(PublicBody.objects.filter(slug__in=CITIES).select_related("law"))
        with clock.travel(_moment(now, 25, 10)):
            batch = services.batch_create(
                creator=creator, bodies=bodies, subject=CITIES_SUBJECT, text=CITIES_TEXT
            )
        requests = {r.body.slug: r for r in FOIRequest.objects.filter(batch=batch)}
        baku, sumgait = people["baku-coordinator"], people["sumgait-coordinator"]
        with clock.travel(_moment(now, 24, 11)):
            services.foi_request_accept(foi_request=requests[CITIES[0]], actor=baku, assignee=baku)
        with clock.travel(_moment(now, 23, 12)):
            services.foi_request_accept(
                foi_request=requests[CITIES[2]], actor=sumgait, assignee=sumgait
            )
        with clock.travel(_moment(now, 20, 15)):
            services.foi_request_answer(
                foi_request=FOIRequest.objects.get(pk=requests[CITIES[0]].pk),
                actor=baku,
                outcome="full",
                text=BAKU_ANSWER,
            )
        made.append(batch)
    creator = people["kamran"]
    if not Batch.objects.filter(creator=creator, subject=MINISTRIES_SUBJECT).exists():
        ministries = list(PublicBody.objects.filter(kind="ministry", is_active=True))
        with clock.travel(_moment(now, 1, 9)):
            made.append(
                services.batch_create(
                    creator=creator,
                    bodies=ministries,
                    subject=MINISTRIES_SUBJECT,
                    text=MINISTRIES_TEXT,
                )
            )
    return made
