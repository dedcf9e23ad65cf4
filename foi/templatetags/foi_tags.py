from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from foi import selectors, transitions
from foi.privacy.masking import mask_text, requester_identifiers

register = template.Library()

FILE_KINDS = {
    "application/pdf": _("PDF"),
    "text/csv": _("CSV spreadsheet"),
    "text/plain": _("text"),
    "image/png": _("PNG image"),
    "image/jpeg": _("JPEG image"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _("Word document"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _("Excel spreadsheet"),
    "application/vnd.oasis.opendocument.text": _("OpenDocument text"),
    "application/vnd.oasis.opendocument.spreadsheet": _("OpenDocument spreadsheet"),
    "application/msword": _("Word document"),
    "application/vnd.ms-excel": _("Excel spreadsheet"),
    "application/vnd.ms-powerpoint": _("PowerPoint presentation"),
    "application/rtf": _("Rich Text document"),
    "image/tiff": _("TIFF image"),
    "application/zip": _("ZIP archive"),
}

# A request's state as a GOV.UK Frontend tag colour (templates/foi/_state.html;
# docs/design-system.md). Blue, the tag's own colour, has no modifier.
STATE_TAG_COLOURS = {
    "draft": "grey",
    "submitted": "",
    "in_progress": "teal",
    "awaiting_clarification": "yellow",
    "awaiting_payment": "yellow",
    "answered": "green",
    "refused": "red",
    "rejected": "orange",
    "withdrawn": "grey",
    "under_appeal": "purple",
    "closed": "grey",
}


@register.filter
def state_tag_class(state: str) -> str:
    """``govuk-tag--<colour>`` for a request's state ("" for the blue default)."""
    colour = STATE_TAG_COLOURS.get(state, "grey")
    return f"govuk-tag--{colour}" if colour else ""


@register.filter
def action_label(name: str) -> str:
    return str(transitions.label(name))


@register.filter
def file_kind(content_type: str) -> str:
    """A file's type in words a reader knows."""
    return str(FILE_KINDS.get(content_type, content_type))


@register.filter
def masked(text: str, identifiers) -> str:
    """``text`` with the requester's identity masked, when the page masks it for this reader
    (``identifiers`` is None for the parties, who read the original)."""
    return mask_text(text, identifiers)


@register.filter
def public_subject(foi_request) -> str:
    """A request's subject as lists show it to everyone: the requester's identity masked (the
    list's query selects the requester with the request)."""
    return mask_text(foi_request.subject, requester_identifiers(foi_request))


@register.simple_tag
def event_actor(event, visible_ids=()) -> str:
    """Who made ``event``, in brackets, for the audit trail: for a body's move recorded from
    its letter, a link to that letter when this reader sees it, else to the public entry the
    recording made (the letter itself is the parties' only). "" for a person's own act."""
    description = event.actor_description()
    if not description:
        return ""
    target = None
    if event.recorded_via:
        if event.letter_id is not None and event.letter_id in visible_ids:
            target = event.letter_id
        elif event.message_id is not None and event.message_id in visible_ids:
            target = event.message_id
    if target is not None:
        return format_html('(<a href="#message-{}">{}</a>)', target, description)
    return format_html("({})", description)


@register.filter
def letter_outcome(outcome: str) -> str:
    """What a body's e-mailed letter was recorded as, in words."""
    from foi.services.letters import LABELS

    return str(LABELS.get(outcome, outcome))


@register.filter
def offers_redaction(attachment) -> bool:
    """A listed letter file that may be redacted (``selectors.offers_redaction``)."""
    return selectors.offers_redaction(attachment)
