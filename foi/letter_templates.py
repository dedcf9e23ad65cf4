"""Placeholders in officers' letter templates: a fixed list of names, nothing else.

A coordinator writes the template; an officer's form gets the text with ``{reference}``,
``{requester}`` and the others filled in. Only the names in ``PLACEHOLDERS`` are replaced, and
only plain ones: no attribute (``{requester.email}``), no index (``{grounds[0]}``), no
conversion (``{reference!r}``) and no format (``{reference:>9999}``). The text is never handed
to ``str.format`` or to a template engine, so a template cannot reach a model's internals; the
values are computed by ``foi.selectors.letter_templates`` from what the request shows in public.
``{{`` and ``}}`` write a brace.
"""

from __future__ import annotations

import string

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PLACEHOLDERS = {
    "requester": gettext_lazy("the requester's public name (their pseudonym, or “name withheld”)"),
    "reference": gettext_lazy("the request's reference"),
    "subject": gettext_lazy("the request's subject"),
    "due_date": gettext_lazy("the date the request is due"),
    "grounds": gettext_lazy("the grounds chosen, one a line, each with its article"),
    "body": gettext_lazy("the body's name"),
}

_PARSER = string.Formatter()


class PlaceholderError(ValueError):
    """A template that names something other than the placeholders, or has a stray brace."""


def _parts(text: str):
    try:
        return list(_PARSER.parse(text))
    except ValueError as error:
        raise PlaceholderError(
            _("A brace is not closed or not opened; write {{ or }} for a brace itself.")
        ) from error


def placeholders_check(text: str) -> None:
    """Raise ``PlaceholderError`` naming the first placeholder that is not allowed."""
    for _literal, field, spec, conversion in _parts(text):
        if field is None:
            continue
        if field not in PLACEHOLDERS or spec or conversion:
            shown = "{" + field + ("!" + conversion if conversion else "")
            shown += (":" + spec if spec else "") + "}"
            raise PlaceholderError(
                _("Unknown placeholder %(placeholder)s. Use only: %(allowed)s.")
                % {
                    "placeholder": shown,
                    "allowed": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
                }
            )


def placeholders_fill(text: str, values: dict[str, str]) -> str:
    """The text with each placeholder replaced by its value (checked first)."""
    placeholders_check(text)
    filled = []
    for literal, field, _spec, _conversion in _parts(text):
        filled.append(literal)
        if field is not None:
            filled.append(str(values.get(field, "")))
    return "".join(filled)
