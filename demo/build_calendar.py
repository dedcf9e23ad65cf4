"""A day the government declared non-working, in the demo: a day of national mourning a few
working days ahead, declared by the demo administrator through the service, so that the open
requests it touches show the moved due date on their trail and in their explanation.

The decree is invented (its basis says so). Loading the demo again adds no second day.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from foi import deadlines
from foi.models import DeclaredDay, Law
from foi.services import declared_day_save

DEMO_BASIS = "Demo only: an invented presidential decree, not a real one."


def declared_day_load(*, admin) -> DeclaredDay | None:
    law = Law.objects.filter(code="az").first()
    if law is None or DeclaredDay.objects.filter(legal_basis=DEMO_BASIS).exists():
        return None
    day = timezone.localdate() + timedelta(days=3)
    while not deadlines.is_working_day(law, day):
        day += timedelta(days=1)
    return declared_day_save(
        actor=admin,
        declared_day=DeclaredDay(
            country=law.holiday_country,
            day=day,
            kind="mourning",
            name_az="Ümumxalq hüzn günü (nümunə)",
            name_en="Day of national mourning (demo)",
            name_ru="День общенационального траура (пример)",
            legal_basis=DEMO_BASIS,
        ),
    ).declared_day
