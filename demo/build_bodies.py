"""The 46 real public bodies of Azerbaijan, from ``fixtures/az_public_bodies.csv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from foi.models import Law, PublicBody

from .body_names_ru import RUSSIAN_NAMES


@dataclass
class BodiesLoaded:
    created: int = 0
    updated: int = 0


def request_email_for(slug: str) -> str:
    # Made up on the reserved .example domain: the demo must never write to a real body.
    return f"foi@{slug}.example"


def _save_if_changed(body: PublicBody, values: dict) -> bool:
    changed = [name for name, value in values.items() if getattr(body, name) != value]
    for name in changed:
        setattr(body, name, values[name])
    if changed:
        body.full_clean()
        body.save()
    return bool(changed)


def bodies_load(*, csv_path: Path, law_code: str = "az") -> BodiesLoaded:
    """Create or update every body by slug, then set parents in a second pass (a parent may
    come later in the file). A body whose fields are already right is not saved again."""
    law = Law.objects.get(code=law_code)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    created, changed = set(), set()
    with transaction.atomic():
        bodies = {}
        for row in rows:
            values = {
                "acronym": row["acronym"],
                "name_az": row["name_az"],
                "name_en": row["name_en"],
                "name_ru": RUSSIAN_NAMES.get(row["slug"], ""),
                "kind": row["kind"],
                "law": law,
                "website": f"https://{row['website']}",
                "request_email": request_email_for(row["slug"]),
                "is_active": True,
            }
            body = PublicBody.objects.filter(slug=row["slug"]).first()
            if body is None:
                body = PublicBody(slug=row["slug"], **values)
                # The parent is set in the second pass.
                body.full_clean(exclude=["parent"])
                body.save()
                created.add(body.slug)
            elif _save_if_changed(body, values):
                changed.add(body.slug)
            bodies[row["slug"]] = body
        for row in rows:
            parent = bodies[row["parent_slug"]] if row["parent_slug"] else None
            body = bodies[row["slug"]]
            if body.parent_id != (parent.pk if parent else None):
                body.parent = parent
                body.save(update_fields=["parent", "updated_at"])
                changed.add(body.slug)
    return BodiesLoaded(created=len(created), updated=len(changed - created))
