"""The fixed part of the bench data: the law, 300 public bodies in a hierarchy, their staff and
the requesters. Bench objects are marked so that ``--clear`` finds them and nothing else: bodies
by the slug prefix ``bench-``, accounts by the e-mail domain ``bench.invalid``."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction

from demo.files import FIXTURES_DIR
from foi.models import (
    AppealLevel,
    BodyKind,
    Exemption,
    Law,
    Membership,
    MembershipRole,
    PublicBody,
    User,
)
from foi.models.audit import CaseEvent

from . import texts

SLUG_PREFIX = "bench-"
EMAIL_DOMAIN = "bench.invalid"
DEFAULT_PASSWORD = "bench-password"


@dataclass
class Staff:
    coordinator: User
    officers: list[User]


@dataclass
class World:
    law: Law
    levels: list[AppealLevel]
    exemptions: list[Exemption]
    bodies: list[PublicBody]
    staff: dict[int, Staff]
    requesters: list[User]
    ombudsman: PublicBody | None
    users_created: int = 0
    memberships_created: int = 0
    extra: dict = field(default_factory=dict)


def bench_exists() -> bool:
    return (
        PublicBody.objects.filter(slug__startswith=SLUG_PREFIX).exists()
        or User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists()
    )


def law_ensure(code: str) -> Law:
    """The law and its appeal route, loaded from the same fixtures as the demo when missing."""
    if not Law.objects.filter(code=code).exists():
        call_command("loaddata", str(FIXTURES_DIR / "laws.json"), verbosity=0)
    law = Law.objects.get(code=code)
    if not AppealLevel.objects.filter(law=law).exists():
        # The route's fixture holds every law's levels, so every law must be there.
        call_command("loaddata", str(FIXTURES_DIR / "laws.json"), verbosity=0)
        _ombudsman_ensure()
        call_command("loaddata", str(FIXTURES_DIR / "appeal_levels.json"), verbosity=0)
        law = Law.objects.get(code=code)
    return law


def _ombudsman_ensure() -> None:
    """The appeal route names the real Ombudsman by slug; without the demo it is created here,
    and kept by ``--clear`` since the route refers to it."""
    if PublicBody.objects.filter(slug="ombudsman").exists():
        return
    with (FIXTURES_DIR / "az_public_bodies.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["slug"] == "ombudsman")
    PublicBody.objects.create(
        slug="ombudsman",
        name_az=row["name_az"],
        name_en=row["name_en"],
        name_ru="Уполномоченный по правам человека (омбудсмен)",
        kind=BodyKind.OMBUDSMAN,
        law=Law.objects.get(code="az"),
        website=f"https://{row['website']}",
    )


def _body_rows(count: int) -> list[dict]:
    """Plausible bodies, parents before children: the Cabinet, ministries and committees,
    city and district executive authorities, state companies, hospitals and schools."""
    rows = [
        {
            "slug": "cabinet",
            "acronym": "NK",
            "names": ("Nazirlər Kabineti", "Cabinet of Ministers", "Кабинет министров"),
            "kind": BodyKind.EXECUTIVE_AUTHORITY,
            "parent": None,
        }
    ]
    for slug, acronym, az, en, ru in texts.MINISTRIES:
        kind = BodyKind.MINISTRY
        for word, word_kind in (
            ("Committee", BodyKind.COMMITTEE),
            ("Agency", BodyKind.AGENCY),
            ("Service", BodyKind.SERVICE),
        ):
            if word in en:
                kind = word_kind
        rows.append(
            {
                "slug": slug,
                "acronym": acronym,
                "names": (az, en, ru),
                "kind": kind,
                "parent": "cabinet",
            }
        )
    for az, en, ru in texts.CITIES:
        rows.append(
            {
                "slug": f"city-{en.lower()}",
                "acronym": "",
                "names": (
                    f"{az} Şəhər İcra Hakimiyyəti",
                    f"{en} City Executive Authority",
                    f"Исполнительная власть города {ru}",
                ),
                "kind": BodyKind.LOCAL_EXECUTIVE,
                "parent": "cabinet",
            }
        )
    for az, en, ru in texts.DISTRICTS:
        rows.append(
            {
                "slug": f"district-{en.lower()}",
                "acronym": "",
                "names": (
                    f"{az} Rayon İcra Hakimiyyəti",
                    f"{en} District Executive Authority",
                    f"Исполнительная власть {ru} района",
                ),
                "kind": BodyKind.LOCAL_EXECUTIVE,
                "parent": "cabinet",
            }
        )
    for slug, az, en, ru, parent in texts.COMPANIES:
        kind = BodyKind.AGENCY if "Agency" in en else BodyKind.STATE_COMPANY
        rows.append(
            {"slug": slug, "acronym": "", "names": (az, en, ru), "kind": kind, "parent": parent}
        )
    for az, en, ru in texts.DISTRICTS:
        rows.append(
            {
                "slug": f"hospital-{en.lower()}",
                "acronym": "",
                "names": (
                    f"{az} Rayon Mərkəzi Xəstəxanası",
                    f"{en} District Central Hospital",
                    f"Центральная больница {ru} района",
                ),
                "kind": BodyKind.PUBLIC_LEGAL_ENTITY,
                "parent": "tabib",
            }
        )
    number = 0
    while len(rows) < count:
        number += 1
        city_az, city_en, city_ru = texts.CITIES[number % len(texts.CITIES)]
        rows.append(
            {
                "slug": f"school-{city_en.lower()}-{number}",
                "acronym": "",
                "names": (
                    f"{city_az} şəhəri {number} nömrəli tam orta məktəb",
                    f"Secondary School No. {number}, {city_en}",
                    f"Средняя школа № {number} г. {city_ru}",
                ),
                "kind": BodyKind.EDUCATION,
                "parent": "education",
            }
        )
    rows = rows[:count]
    present = {row["slug"] for row in rows}
    for row in rows:
        if row["parent"] and row["parent"] not in present:
            row["parent"] = "cabinet" if row["slug"] != "cabinet" else None
    return rows


def world_create(*, law_code: str, bodies: int, requesters: int, password: str, seed: int) -> World:
    """Create the law, the bodies, their staff and the requesters (a few bulk inserts)."""
    rng = random.Random(f"{seed}-setup")
    law = law_ensure(law_code)
    password_hash = make_password(password)
    rows = _body_rows(bodies)
    with transaction.atomic():
        by_slug: dict[str, PublicBody] = {}
        # Parents before children: one insert per depth of the tree.
        pending = rows
        while pending:
            wave = [row for row in pending if row["parent"] is None or row["parent"] in by_slug]
            objects = [
                PublicBody(
                    slug=SLUG_PREFIX + row["slug"],
                    acronym=row["acronym"],
                    name_az=row["names"][0],
                    name_en=row["names"][1],
                    name_ru=row["names"][2],
                    kind=row["kind"],
                    parent=by_slug.get(row["parent"]) if row["parent"] else None,
                    law=law,
                    request_email=f"foi@{row['slug']}.{EMAIL_DOMAIN}",
                    is_active=True,
                )
                for row in wave
            ]
            PublicBody.objects.bulk_create(objects)
            for row, body in zip(wave, objects, strict=True):
                by_slug[row["slug"]] = body
            pending = [row for row in pending if row["slug"] not in by_slug]
        body_list = [by_slug[row["slug"]] for row in rows]
        ombudsman = PublicBody.objects.filter(slug="ombudsman").first()
        staffed = [
            *body_list,
            *([ombudsman] if ombudsman and not ombudsman.memberships.exists() else []),
        ]

        users, memberships = [], []
        for index, _body in enumerate(staffed, start=1):
            for role, position in (("coordinator", 0), ("officer", 1), ("officer", 2)):
                language = texts.LANGUAGES[rng.randrange(3)]
                local = f"body{index}.{role}{position or ''}"
                users.append(
                    User(
                        email=f"{local}@{EMAIL_DOMAIN}",
                        password=password_hash,
                        first_name=rng.choice(texts.FIRST_NAMES[language]),
                        last_name=rng.choice(texts.LAST_NAMES[language]),
                        preferred_language=language,
                    )
                )
        for index in range(1, requesters + 1):
            language = rng.choices(texts.LANGUAGES, weights=(70, 15, 15))[0]
            users.append(
                User(
                    email=f"requester{index}@{EMAIL_DOMAIN}",
                    password=password_hash,
                    first_name=rng.choice(texts.FIRST_NAMES[language]),
                    last_name=rng.choice(texts.LAST_NAMES[language]),
                    preferred_language=language,
                )
            )
        User.objects.bulk_create(users, batch_size=_chunk(User))
        staff = {}
        for index, body in enumerate(staffed):
            coordinator, *officers = users[index * 3 : index * 3 + 3]
            staff[body.pk] = Staff(coordinator=coordinator, officers=officers)
            memberships.append(
                Membership(user=coordinator, body=body, role=MembershipRole.COORDINATOR)
            )
            memberships.extend(
                Membership(user=officer, body=body, role=MembershipRole.OFFICER)
                for officer in officers
            )
        Membership.objects.bulk_create(memberships, batch_size=_chunk(Membership))
    if ombudsman is not None and ombudsman.pk not in staff:
        members = list(
            Membership.objects.filter(body=ombudsman, is_active=True).select_related("user")
        )
        coordinators = [m.user for m in members if m.role == MembershipRole.COORDINATOR]
        if members:
            staff[ombudsman.pk] = Staff(
                coordinator=(coordinators or [members[0].user])[0],
                officers=[m.user for m in members],
            )
    return World(
        law=law,
        levels=list(AppealLevel.objects.filter(law=law).select_related("reviewer_body")),
        exemptions=list(Exemption.objects.filter(law=law)),
        bodies=body_list,
        staff=staff,
        requesters=users[len(staffed) * 3 :],
        ombudsman=ombudsman,
        users_created=len(users),
        memberships_created=len(memberships),
    )


def _chunk(model) -> int:
    """Rows per INSERT statement: PostgreSQL takes at most 65,535 parameters in one."""
    return max(1, 60_000 // len(model._meta.concrete_fields))


def _referring(target):
    """(model, field name) of every other app's foreign key to ``target``."""
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.app_label == "foi":
            continue
        for model_field in model._meta.concrete_fields:
            if model_field.is_relation and model_field.related_model is target:
                yield model, model_field.name


def bench_clear() -> dict[str, int]:
    """Remove the bench data, and only it. Case events are append-only through the ORM, so
    the bench requests' events go by one plain DELETE."""
    from foi.models import Appeal, Attachment, FOIRequest, InvokedExemption, Message

    bodies = PublicBody.objects.filter(slug__startswith=SLUG_PREFIX)
    users = User.objects.filter(email__endswith="@" + EMAIL_DOMAIN)
    requests = FOIRequest.objects.filter(body__in=bodies) | FOIRequest.objects.filter(
        requester__in=users
    )
    request_ids = requests.values("pk")
    removed = {}
    with transaction.atomic():
        table = CaseEvent._meta.db_table
        request_table = FOIRequest._meta.db_table
        body_table = PublicBody._meta.db_table
        user_table = User._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE foi_request_id IN ("
                f"SELECT r.id FROM {request_table} r "
                f"LEFT JOIN {body_table} b ON b.id = r.body_id "
                f"LEFT JOIN {user_table} u ON u.id = r.requester_id "
                "WHERE b.slug LIKE %s OR u.email LIKE %s)",
                [SLUG_PREFIX + "%", "%@" + EMAIL_DOMAIN],
            )
            removed["case events"] = cursor.rowcount
        for label, model, lookup in (
            ("invoked exemptions", InvokedExemption, "foi_request__in"),
            ("attachments", Attachment, "message__foi_request__in"),
            ("appeals", Appeal, "foi_request__in"),
            ("messages", Message, "foi_request__in"),
        ):
            removed[label] = model.objects.filter(**{lookup: request_ids})._raw_delete(
                connection.alias
            )
        # Other apps' rows about these requests and bodies (public statistics' facts and
        # sums), found by their foreign keys so that foi needs not know those apps.
        for model, name in _referring(FOIRequest):
            model.objects.filter(**{f"{name}__in": request_ids})._raw_delete(connection.alias)
        for model, name in _referring(PublicBody):
            model.objects.filter(**{f"{name}__in": bodies.values("pk")})._raw_delete(
                connection.alias
            )
        removed["requests"] = FOIRequest.objects.filter(pk__in=request_ids)._raw_delete(
            connection.alias
        )
        removed["memberships"] = Membership.objects.filter(user__in=users.values("pk"))._raw_delete(
            connection.alias
        ) + Membership.objects.filter(body__in=bodies.values("pk"))._raw_delete(connection.alias)
        # Children before parents (PROTECT on the parent), deepest first.
        removed["public bodies"] = 0
        while True:
            leaves = bodies.exclude(
                pk__in=PublicBody.objects.filter(parent__isnull=False).values("parent_id")
            )
            count = leaves._raw_delete(connection.alias)
            removed["public bodies"] += count
            if not count:
                break
        removed["users"] = users._raw_delete(connection.alias)
    return removed
