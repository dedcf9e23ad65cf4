"""The Ministry of Finance's prepared letters in the demo: a clarification request and a
refusal, each in az, en and ru, written by its coordinator through the service (so they pass
the same placeholder check as any other). Loading the demo again adds none twice."""

from __future__ import annotations

from foi.models import LetterTemplate, PublicBody
from foi.services import letter_template_create

BODY = "ministry-of-finance"

TEMPLATES = {
    ("ask_clarification", "az"): (
        "Dəqiqləşdirmə",
        "Hörmətli {requester},\n\n{reference} nömrəli sorğunuzu ({subject}) aldıq. Sorğunun "
        "icrası üçün hansı dövrə və hansı sənədlərə aid olduğunu dəqiqləşdirməyinizi xahiş "
        "edirik.\n\nHörmətlə,\n{body}",
    ),
    ("ask_clarification", "en"): (
        "Clarification",
        "Dear {requester},\n\nWe received your request {reference} ({subject}). Please tell us "
        "which period and which documents it concerns, so that we can answer it.\n\n"
        "Yours sincerely,\n{body}",
    ),
    ("ask_clarification", "ru"): (
        "Уточнение",
        "Уважаемый(ая) {requester},\n\nМы получили ваш запрос {reference} ({subject}). Просим "
        "уточнить, к какому периоду и каким документам он относится.\n\nС уважением,\n{body}",
    ),
    ("refuse", "az"): (
        "İmtina",
        "Hörmətli {requester},\n\n{reference} nömrəli sorğunuz üzrə məlumat aşağıdakı "
        "əsaslarla verilə bilməz:\n{grounds}\n\nBu qərardan şikayət verə bilərsiniz.\n\n"
        "Hörmətlə,\n{body}",
    ),
    ("refuse", "en"): (
        "Refusal",
        "Dear {requester},\n\nThe information asked for in request {reference} cannot be "
        "given, on these grounds:\n{grounds}\n\nYou may appeal against this decision.\n\n"
        "Yours sincerely,\n{body}",
    ),
    ("refuse", "ru"): (
        "Отказ",
        "Уважаемый(ая) {requester},\n\nИнформация по запросу {reference} не может быть "
        "предоставлена по следующим основаниям:\n{grounds}\n\nВы вправе обжаловать это "
        "решение.\n\nС уважением,\n{body}",
    ),
}


def letter_templates_load(*, coordinator) -> int:
    body = PublicBody.objects.filter(slug=BODY).select_related("law").first()
    if body is None or coordinator is None:
        return 0
    made = 0
    for (action, language), (title, text) in TEMPLATES.items():
        if LetterTemplate.objects.filter(
            body=body, action=action, language=language, title=title
        ).exists():
            continue
        letter_template_create(
            actor=coordinator, body=body, action=action, language=language, title=title, text=text
        )
        made += 1
    return made
