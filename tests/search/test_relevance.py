"""Relevance on a small hand-made corpus where the right first hit is known, in az, en and ru.

These run on whichever database the suite runs on: PostgreSQL full text or SQLite FTS5.
"""

import pytest

from search import search
from tests.search.conftest import document

CORPUS = [
    ("1", "İctimai nəqliyyatda gedişhaqqı", "Bakı metrosunun sərnişin sayı barədə məlumat.", ()),
    ("2", "Su tarifləri 2026", "Azərsu içməli su üçün yeni tarifləri açıqlayıb.", ()),
    ("3", "Məktəblərə qəbul", "Bakı şəhərində birinci sinifə qəbul qaydaları.", ()),
    ("4", "Sumqayıt hava keyfiyyəti", "Stansiyalarda aparılan ölçmələr.", ()),
    ("5", "Budget execution report 2025", "The ministry published the annual budget.", ()),
    ("6", "Hospital waiting times", "Waiting lists at hospitals in Baku were reported.", ()),
    (
        "7",
        "Road repair contracts",
        "Contracts signed for the city's roads.",
        (("contracts-2025.csv", "tender amount contractor Azyol"),),
    ),
    ("8", "Исполнение бюджета за 2025 год", "Министерство финансов опубликовало отчёт.", ()),
    ("9", "Тарифы на воду", "Тарифы на питьевую воду для населения.", ()),
    ("10", "Очереди в больницах", "Сколько пациентов ждут приёма врача.", ()),
]


@pytest.fixture
def corpus(backend):
    backend.upsert([document(object_id=i, title=t, text=x, files=f) for i, t, x, f in CORPUS])
    return backend


def ids(query, **filters):
    return [hit.object_id for hit in search(query, filters).hits]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # Azerbaijani: case and letters folded, the original kept
        ("ictimai", "1"),
        ("İCTİMAİ", "1"),
        ("ICTIMAI", "1"),
        ("neqliyyatda", "1"),
        ("nəqliyyatda", "1"),
        ("sumqayit hava keyfiyyeti", "4"),
        # Azerbaijani endings: a root found through the prefix
        ("məktəblərin", "3"),
        ("tarif", "2"),
        # English: a stem finds its inflections
        ("reporting", "5"),
        ("hospital", "6"),
        ("waits", "6"),
        ("contract", "7"),
        # Russian stems
        ("бюджет", "8"),
        ("бюджетов", "8"),
        ("больница", "10"),
        ("тарифов", "9"),
        ("отчет", "8"),  # ё folded to е
    ],
)
def test_the_right_first_hit(corpus, query, first):
    found = ids(query)
    assert found, f"{query!r} found nothing"
    assert found[0] == first


def test_every_word_must_match(corpus):
    assert ids("budget hospital") == []
    assert ids("budget execution") == ["5"]


def test_phrases_match_words_in_order(corpus):
    assert ids('"budget execution"') == ["5"]
    assert ids('"execution budget"') == []
    assert ids('"İctimai nəqliyyatda"') == ["1"]


def test_excluded_words(corpus):
    assert ids("contracts -road") == []
    assert "7" in ids("contracts")
    assert ids("tarifləri -azərsu") == []


def test_text_inside_released_files_is_found(corpus):
    results = search("contractor")
    assert [hit.object_id for hit in results.hits] == ["7"]
    assert any("<mark>contractor</mark>" in snippet for snippet in results.hits[0].snippets)


def test_title_ranks_above_text_above_files(backend):
    backend.upsert(
        [
            document(object_id="files", title="Hesabat", files=(("a.txt", "zəmanət"),)),
            document(object_id="text", title="Hesabat", text="Bank zəmanət verib."),
            document(object_id="title", title="Zəmanət məktubu", text="Hesabat"),
        ]
    )
    assert ids("zəmanət") == ["title", "text", "files"]


def test_matched_words_are_highlighted_in_title_and_snippets(corpus):
    hit = search("ictimai sərnişin").hits[0]
    assert hit.title_html == "<mark>İctimai</mark> nəqliyyatda gedişhaqqı"
    assert "<mark>sərnişin</mark>" in hit.snippets[0]


def test_markup_in_documents_is_escaped(backend):
    backend.upsert([document(object_id="x", title="<b>Bold</b> budget", text="<script>x</script>")])
    hit = search("budget").hits[0]
    assert hit.title_html == "&lt;b&gt;Bold&lt;/b&gt; <mark>budget</mark>"
    assert "<script>" not in "".join(hit.snippets)


def test_sorting_by_date(backend):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    backend.upsert(
        [
            document(object_id="old", title="Budget 2020", date=now - datetime.timedelta(days=900)),
            document(object_id="new", title="Budget", text="budget budget", date=now),
        ]
    )
    assert [h.object_id for h in search("budget", sort="date").hits] == ["new", "old"]
