"""bench/ocr.py's own arithmetic: the words read back are counted with their repetitions."""

from bench.ocr import recall, tokens


def test_recall_counts_each_drawn_word_once_per_time_it_was_drawn():
    assert tokens("Şəhər, küçə!") == ["şəhər", "küçə"]
    assert recall(["su", "su", "xətti"], "su xətti") == 2 / 3
    assert recall(["Göygöl"], "göygöl") == 1
