"""Numbers as people read them in the active language: "12,345" and "87.5" in English,
"12 345" and "87,5" in Azerbaijani and Russian. Templates use humanize's ``intcomma``, which
does the same; Django's ``localize`` groups thousands only with USE_THOUSAND_SEPARATOR, which
the site leaves off (it would also group years and keys written into templates)."""

from __future__ import annotations

from django.utils import formats


def number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return formats.number_format(value, use_l10n=True, force_grouping=True)
