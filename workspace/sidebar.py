"""Wagtail's sidebar, kept for a minute per person and language.

Every admin page builds the sidebar's menu: each item asks the person's permissions (Wagtail's
page and collection permissions among them, four queries) and the whole menu is packed into
JSON. On the officer queue, which staff reload all day, that was about a tenth of the page's
time (docs/benchmarks.md, "The officer queue"). The menu holds no secret and nothing of the
moment: labels, links, the person's name and avatar. The key holds the person, the language,
whether they are a superuser and their memberships (what decides the workspace's items), so
gaining or losing a body's membership shows at once; a change of a group's permissions shows
within ``WORKSPACE_SIDEBAR_SECONDS``. Every page checks its own permission whatever the menu
shows.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags

from foi import permissions

_build = wagtailadmin_tags.sidebar_props


def _key(user) -> str:
    roles = sorted((body, sorted(held)) for body, held in permissions.body_roles(user).items())
    seed = repr((user.pk, get_language(), user.is_superuser, user.is_staff, roles))
    return "workspace:sidebar:" + hashlib.sha256(seed.encode()).hexdigest()[:32]


def sidebar_props(context):
    request = context["request"]
    user = getattr(request, "user", None)
    seconds = settings.WORKSPACE_SIDEBAR_SECONDS
    if user is None or not user.is_authenticated or seconds <= 0:
        return _build(context)
    key = _key(user)
    props = cache.get(key)
    if props is None:
        props = str(_build(context))
        cache.set(key, props, seconds)
    return mark_safe(props)  # json_script's own output, escaped when it was built


def install() -> None:
    """Put the cached sidebar in place of Wagtail's tag, before any template is compiled."""
    wagtailadmin_tags.register.simple_tag(takes_context=True, name="sidebar_props")(sidebar_props)
