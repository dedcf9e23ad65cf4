"""Every demo body has a name in Azerbaijani, English and Russian: TABIB and ASAN were shown
under their English or Azerbaijani name on Russian pages."""

import csv
import re

import pytest

from demo.body_names_ru import RUSSIAN_NAMES
from demo.files import FIXTURES_DIR

ROWS = list(csv.DictReader((FIXTURES_DIR / "az_public_bodies.csv").open(encoding="utf-8")))
NAMES = {
    "az": {row["slug"]: row["name_az"].strip() for row in ROWS},
    "en": {row["slug"]: row["name_en"].strip() for row in ROWS},
    "ru": {row["slug"]: RUSSIAN_NAMES.get(row["slug"], "").strip() for row in ROWS},
}
SCRIPT = {"az": r"[a-zəğıöşüçA-ZƏĞİÖŞÜÇ]", "en": r"[a-zA-Z]", "ru": r"[а-яёА-ЯЁ]"}


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_every_body_has_a_name_in_each_language(language):
    names = NAMES[language]
    missing = [slug for slug, name in names.items() if not name]
    assert not missing, missing
    assert len(set(names.values())) == len(names), "two bodies share a name"
    wrong_script = [name for name in names.values() if not re.search(SCRIPT[language], name)]
    assert not wrong_script, wrong_script


def test_the_russian_names_are_not_the_other_languages():
    copied = [
        slug for slug, name in NAMES["ru"].items() if name in (NAMES["az"][slug], NAMES["en"][slug])
    ]
    assert not copied, copied


def test_russian_names_only_for_bodies_of_the_demo():
    assert set(RUSSIAN_NAMES) <= {row["slug"] for row in ROWS}
