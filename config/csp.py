"""Content Security Policy: no inline script anywhere on the public site.

The policy itself is ``CONTENT_SECURITY_POLICY`` in the settings. The public site (every page
but the admins) gets a strict one: scripts, styles, images, fonts and connections from this
origin only, no inline script or style, no plugins, no framing, forms post only here. Our
templates have no inline script, event handler or style attribute, and
tests/browser/test_csp.py loads the public pages in Chromium and fails on any violation.

The Wagtail and Django admins are not yet written for a strict policy (Wagtail still uses inline
scripts and ``eval`` in places), so under ``/admin/`` and ``/django-admin/`` inline scripts and
styles are allowed; everything else stays as strict, and those pages are seen only by staff,
who sign in with a second factor.
"""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

ADMIN_RELAXED = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],  # previews of images being uploaded
    "frame-src": [SELF],  # Wagtail's live preview
    "frame-ancestors": [SELF],
}


# Swagger UI (the API's documentation page) writes a <style> element; its scripts stay strict.
API_DOCS_PREFIX = "/api/docs/"
API_DOCS_RELAXED = {"style-src": [SELF, UNSAFE_INLINE]}


class SorguCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.replace = {**ADMIN_RELAXED, **(parts.replace or {})}
        elif request.path_info.startswith(API_DOCS_PREFIX):
            parts.replace = {**API_DOCS_RELAXED, **(parts.replace or {})}
        return parts
