"""A law's rules in plain words, for the body page and the filing wizard.

Everything is read from the ``Law`` row (and its appeal levels); the words come from gettext in
the reader's language. Rules the law's data marks unconfirmed are named as such.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from foi.deadlines.explanations import _amount, _article


def _cite(article: str) -> str:
    return f" ({_article(article)})" if article else ""


def _unconfirmed_topics(law) -> list[str]:
    topics = {
        "extension": _("extensions"),
        "clarification": _("clarifications"),
        "transfer": _("transfers"),
        "urgent": _("urgent requests"),
        "response": _("the answer period"),
        "clock": _("when the clock starts"),
        "fee": _("fees"),
        "fees": _("fees"),
    }
    found = []
    for field in law.unconfirmed_rules or []:
        prefix = str(field).split("_")[0]
        topic = topics.get(prefix)
        if topic and topic not in found:
            found.append(topic)
    return found


def law_summary(law) -> list[str]:
    """Sentences: the deadline, urgent deadlines, extension, transfer, clarification."""
    sentences = [
        _("The body must answer within %(period)s%(article)s; %(start)s%(start_article)s.")
        % {
            "period": _amount(law.response_value, law.response_unit),
            "article": _cite(law.response_article),
            "start": law.get_clock_start_display(),
            "start_article": _cite(law.clock_start_article),
        }
    ]
    if law.urgent_relevance_value and law.urgent_relevance_unit:
        sentences.append(
            _("If the information would lose its value by then: within %(period)s%(article)s.")
            % {
                "period": _amount(law.urgent_relevance_value, law.urgent_relevance_unit),
                "article": _cite(law.urgent_relevance_article),
            }
        )
    if law.urgent_life_value and law.urgent_life_unit:
        sentences.append(
            _("If there is a threat to life, health or liberty: within %(period)s%(article)s.")
            % {
                "period": _amount(law.urgent_life_value, law.urgent_life_unit),
                "article": _cite(law.urgent_life_article),
            }
        )
    if law.extension_value and law.extension_unit and law.extension_max_count:
        sentences.append(
            ngettext(
                "It may extend the deadline by %(period)s, once, and must tell you%(article)s.",
                "It may extend the deadline by %(period)s, at most %(count)d times, and must tell "
                "you%(article)s.",
                law.extension_max_count,
            )
            % {
                "period": _amount(law.extension_value, law.extension_unit),
                "count": law.extension_max_count,
                "article": _cite(law.extension_article),
            }
        )
    if law.transfer_value and law.transfer_unit:
        sentences.append(
            _(
                "If it does not hold the information, it must forward the request to the body that "
                "does within %(period)s and tell you%(article)s."
            )
            % {
                "period": _amount(law.transfer_value, law.transfer_unit),
                "article": _cite(law.transfer_article),
            }
        )
    if law.clarification_notice_value and law.clarification_notice_unit:
        sentences.append(
            _(
                "If the request is unclear, it must ask you within %(period)s; %(effect)s"
                "%(article)s."
            )
            % {
                "period": _amount(law.clarification_notice_value, law.clarification_notice_unit),
                "effect": law.get_clarification_effect_display(),
                "article": _cite(law.clarification_article),
            }
        )
    sentences += fee_summary(law)
    return sentences


def fee_summary(law) -> list[str]:
    """Sentences on fees: whether the body may charge, and what an estimate does."""
    if not law.fees_apply:
        return [_("The law lets no body charge for a request.")]
    if not law.charges_fees():
        return [
            _("Requests are free or discounted%(article)s.") % {"article": _cite(law.fee_article)}
        ]
    sentences = [
        _(
            "For some requests the body may charge a fee in %(currency)s and must send you an "
            "estimate first%(article)s; %(clock)s."
        )
        % {
            "currency": law.fee_currency,
            "article": _cite(law.fee_article),
            "clock": _("the clock stops until you pay or the fee is waived")
            if law.fee_estimate_pauses_clock
            else _("the clock keeps running meanwhile"),
        }
    ]
    if law.fee_payment_value and law.fee_payment_unit:
        sentences.append(
            _("A fee not paid within %(period)s lets the body close the request.")
            % {"period": _amount(law.fee_payment_value, law.fee_payment_unit)}
        )
    return sentences


def law_unconfirmed(law) -> str:
    topics = _unconfirmed_topics(law)
    if not topics:
        return ""
    return _("Not yet confirmed in the law's text, and may change: the rules on %(topics)s.") % {
        "topics": ", ".join(topics)
    }
