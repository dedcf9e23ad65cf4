from django import template
from django.utils.translation import gettext_lazy as _

from foi import transitions
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
