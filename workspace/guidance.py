"""The law, explained where an officer acts, so that nobody needs to know it by heart.

Every sentence is built from the request's ``Law`` row (periods, articles, the clock's rules);
nothing here asks which law it is.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from foi import deadlines, transitions
from foi.services.outcomes import appeal_route_text
from foi.transitions import LawFacts
from workspace import selectors

UNIT_WORDS = {
    "working_days": lambda n: ngettext("%(count)d working day", "%(count)d working days", n),
    "calendar_days": lambda n: ngettext("%(count)d day", "%(count)d days", n),
    "months": lambda n: ngettext("%(count)d month", "%(count)d months", n),
    "hours": lambda n: ngettext("%(count)d hour", "%(count)d hours", n),
    "working_hours": lambda n: ngettext(
        "%(count)d hour not counting rest days and holidays",
        "%(count)d hours not counting rest days and holidays",
        n,
    ),
}


def period_words(value: int | None, unit: str) -> str:
    if not value or unit not in UNIT_WORDS:
        return ""
    return UNIT_WORDS[unit](value) % {"count": value}


def moment_words(law, moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(ZoneInfo(law.time_zone))
    if (local.hour, local.minute, local.second) == (23, 59, 59):
        return _("end of %(day)s") % {"day": date_format(local, "D j M Y")}
    return date_format(local, "D j M Y, H:i")


def _article(article: str) -> str:
    return f" ({_('Art. %(article)s') % {'article': article}})" if article else ""


def clarification(foi_request, *, now: datetime) -> list[str]:
    law = foi_request.law
    sentences = []
    notice = deadlines.clarification_notice_deadline(law, received_at=foi_request.received_at)
    if notice is not None:
        values = {
            "period": period_words(law.clarification_notice_value, law.clarification_notice_unit),
            "article": _article(law.clarification_article),
            "by": moment_words(law, notice),
        }
        if now <= notice:
            sentences.append(_("Ask within %(period)s of receipt%(article)s: by %(by)s.") % values)
        else:
            sentences.append(
                _("The law's %(period)s for asking%(article)s ended on %(by)s.") % values
            )
    sentences.append(
        _("While the body waits for the reply: %(effect)s.")
        % {"effect": law.get_clarification_effect_display()}
    )
    lapse = period_words(law.clarification_lapse_value, law.clarification_lapse_unit)
    if lapse:
        sentences.append(
            _("Without a reply within %(period)s the request is closed.") % {"period": lapse}
        )
    return sentences


def extension(foi_request, *, now: datetime, reason: str = "") -> list[str]:
    law = foi_request.law
    sentences = [
        _("Extensions used: %(used)d of %(allowed)d; each adds %(period)s%(article)s.")
        % {
            "used": foi_request.extensions_count,
            "allowed": law.extension_max_count,
            "period": period_words(law.extension_value, law.extension_unit) or "-",
            "article": _article(law.extension_article),
        }
    ]
    codes = [item.get("code") for item in law.extension_reasons or []]
    new_due = selectors.extension_preview(
        foi_request=foi_request, reason=reason or (codes[0] if codes else ""), at=now
    )
    if new_due is not None:
        sentences.append(
            _("If you extend now, the new due date is %(due)s (now: %(before)s).")
            % {"due": moment_words(law, new_due), "before": moment_words(law, foi_request.due_at)}
        )
        if new_due < now:
            sentences.append(_("That date has passed too: the request stays overdue."))
    notice = period_words(law.extension_notice_value, law.extension_notice_unit)
    if notice:
        sentences.append(
            _(
                "The requester must be told within %(period)s; the notice is published on the "
                "request's page at once."
            )
            % {"period": notice}
        )
    return sentences


def transfer(foi_request, *, now: datetime) -> list[str]:
    law = foi_request.law
    sentences = []
    by = deadlines.transfer_deadline(law, received_at=foi_request.received_at)
    if by is not None:
        values = {
            "period": period_words(law.transfer_value, law.transfer_unit),
            "article": _article(law.transfer_article),
            "by": moment_words(law, by),
        }
        if now <= by:
            sentences.append(
                _("Forward within %(period)s of receipt%(article)s: by %(by)s.") % values
            )
        else:
            sentences.append(
                _("The law's %(period)s for forwarding%(article)s ended on %(by)s.") % values
            )
    sentences.append(
        _("After the transfer %(clock)s.") % {"clock": law.get_transfer_clock_display()}
    )
    return sentences


def appeal_route(foi_request, *, now: datetime) -> list[str]:
    route = appeal_route_text(foi_request.law, foi_request.requester.preferred_language)
    if not route:
        return []
    return [
        _("Added to your letter automatically, in the requester's language: %(route)s")
        % {"route": route}
    ]


def fees(foi_request, *, now: datetime) -> list[str]:
    law = foi_request.law
    sentences = [
        _("Fees are charged in %(currency)s%(article)s.")
        % {"currency": law.fee_currency or "-", "article": _article(law.fee_article)}
    ]
    if law.fee_estimate_pauses_clock:
        sentences.append(_("The clock stops from the estimate until the fee is paid or waived."))
    else:
        sentences.append(_("The clock keeps running while the requester decides to pay."))
    lapse = period_words(law.fee_payment_value, law.fee_payment_unit)
    if lapse:
        sentences.append(_("Unpaid within %(period)s, the request is closed.") % {"period": lapse})
    return sentences


# The law's facts a transition's guidance names (``LawFacts`` in foi.transitions).
LAW_FACTS = {
    "clarification": clarification,
    "extension": extension,
    "transfer": transfer,
    "appeal_route": appeal_route,
    "fees": fees,
}


def for_action(action: str, foi_request, *, now: datetime) -> list[str]:
    """The transition's guidance: its own sentences, and the law's facts where it names them."""
    sentences = []
    for part in transitions.guidance(action):
        if isinstance(part, LawFacts):
            sentences += LAW_FACTS[part.name](foi_request, now=now)
        else:
            sentences.append(str(part))
    return sentences


def clock_facts(foi_request, *, now: datetime) -> list[tuple[str, str]]:
    """The case's clock at a glance: (label, sentence) pairs."""
    law = foi_request.law
    facts = [
        (
            _("Law"),
            _("%(law)s: %(period)s%(article)s")
            % {
                "law": law,
                "period": period_words(law.response_value, law.response_unit),
                "article": _article(law.response_article),
            },
        ),
    ]
    if foi_request.received_at:
        facts.append((_("Received"), moment_words(law, foi_request.received_at)))
    if law.extension_max_count:
        facts.append(
            (
                _("Extensions"),
                _("%(used)d of %(allowed)d used")
                % {"used": foi_request.extensions_count, "allowed": law.extension_max_count},
            )
        )
    return facts
