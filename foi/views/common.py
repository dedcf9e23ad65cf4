"""What the portal's views share: turning a service's refusal into what the person sees."""

from __future__ import annotations

from django.http import Http404

from core.errors import NotVisible, ServiceError
from foi import selectors


def get_visible_request(request, reference):
    """The request if this person may see it; 404 otherwise (hiding that it exists)."""
    try:
        return selectors.foi_request_get(reference=reference, user=request.user)
    except NotVisible as error:
        raise Http404(str(error)) from error


def attach_errors(form, error: ServiceError) -> None:
    """Put a service's refusal next to the fields it names, or above the form."""
    placed = False
    for name in error.errors:
        if name in form.fields:
            form.add_error(name, error.message)
            placed = True
    if not placed:
        form.add_error(None, error.message)


def with_version(foi_request, version):
    """The request as the person saw it: the services refuse it if it changed since."""
    if version:
        foi_request.seen_version = version
    return foi_request
