"""The laws' pages: each law's clock in plain words, its grounds for withholding with the
advice on challenging them (Exemption.not_applies, .appeal_text), and its appeal route. Law
data is public: anyone may read these pages."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from core.errors import NotVisible
from foi import selectors
from foi.deadlines import law_text


def law_list(request):
    return render(request, "foi/law_list.html", {"laws": selectors.law_list()})


def law_detail(request, code):
    try:
        law = selectors.law_get(code=code)
    except NotVisible as error:
        raise Http404(str(error)) from error
    return render(
        request,
        "foi/law_detail.html",
        {
            "law": law,
            "law_sentences": law_text.law_summary(law),
            "law_unconfirmed": law_text.law_unconfirmed(law),
            "exemptions": list(law.exemptions.all()),
            "appeal_levels": list(law.appeal_levels.all()),
        },
    )
