"""The text rules shared by the database backends (and mirrored by Elasticsearch's analyzer)."""

import pytest

from search.analysis import QueryWord, fold, index_terms, lower_kept, parse_query, salient_words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("İctimai", "ictimai"),  # Turkish-style: dotted capital İ is i
        ("ISTANBUL", "istanbul"),  # dotless capital I folds to i too
        ("ıslahat", "islahat"),
        ("Şəhər", "seher"),
        ("ÇAĞIRIŞ", "cagiris"),
        ("Öğrənci Ünvanı", "ogrenci unvani"),
        ("Ə", "e"),
        ("Ёлка", "елка"),  # Russian ё is е
        ("йод", "йод"),  # but й keeps its breve: it is another letter
        ("Café", "cafe"),
    ],
)
def test_folding(text, folded):
    assert fold(text) == folded


def test_folding_keeps_every_position():
    text = "İctimai Şəhər İİ ıı ẞ Ǆ 2025"
    assert len(fold(text)) == len(text)


def test_the_original_spelling_is_kept_as_a_variant():
    terms = index_terms("Şəhər İcra Hakimiyyəti")
    assert terms.words == "seher icra hakimiyyeti"
    assert "şəhər" in terms.variants.split()
    assert "hakimiyyəti" in terms.variants.split()
    assert lower_kept("İcra") == "icra"


def test_english_and_russian_words_get_their_stems():
    terms = index_terms("Reports on budgets, отчёты о бюджетах")
    variants = terms.variants.split()
    assert "report" in variants
    assert "budget" in variants
    assert "бюджет" in variants


def test_a_query_of_words_phrases_and_exclusions():
    parsed = parse_query('budget "annual report" -draft İctimai')
    assert [w.folded for w in parsed.words] == ["budget", "ictimai"]
    assert [[w.folded for w in p] for p in parsed.phrases] == [["annual", "report"]]
    assert [w.folded for w in parsed.excluded] == ["draft"]
    assert not parsed.is_empty


def test_an_empty_or_punctuation_query_is_a_browse():
    assert parse_query("").is_empty
    assert parse_query('  "" -- !!! ').is_empty


@pytest.mark.parametrize(
    ("word", "prefix"),
    [
        ("büdcənin", "budce"),
        ("büdcəsi", "budce"),
        ("hesabatlar", "hesabat"),
        ("məktəblərə", "mekteb"),
        ("contracts", "contracts"),  # English words keep their whole form
        ("pul", ""),  # too short for a prefix
        ("2025", ""),
    ],
)
def test_azerbaijani_endings_are_stripped_for_prefix_matching(word, prefix):
    assert QueryWord.of(word).prefix == prefix


def test_query_words_are_limited_and_unique():
    parsed = parse_query(" ".join(f"word{n}" for n in range(100)) + " word1 word1")
    assert len(parsed.words) == 32
    assert len({w.folded for w in parsed.words}) == 32


def test_salient_words_leave_out_stop_words():
    words = [w.folded for w in salient_words("Please send me the budget execution report")]
    assert "please" not in words and "the" not in words
    assert words[:3] == ["execution", "budget", "report"]
