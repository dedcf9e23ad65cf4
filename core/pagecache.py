"""The anonymous page cache: whole public pages kept for visitors who are not signed in.

A view opts in with ``@public_page(depends_on=...)`` (or ``register(view, ...)`` for a view
that is not ours, such as Wagtail's page server). ``PageCacheMiddleware`` then answers a GET
or HEAD of that view from the cache when the visitor carries no session, message or
Authorization header, and stores the view's answer when it is shareable: 200, not streamed,
no cookie set, no CSRF token rendered, no session written, no message queued, no
``Cache-Control: private``/``no-store``/``no-cache`` of the view's own, the visitor still
anonymous. What a signed-in person gets is never stored nor served from here, and is marked
``Cache-Control: private, no-store``.

Invalidation is by generations: a page depends on named generations ("site", "lists",
"req:<reference>", ...) whose current values are part of its key. ``bump(name, ...)`` gives a
generation a new random value, at once and again when the transaction commits (so a page
rendered from the old rows between the two is not kept under the new value). The apps say
which of their writes bump what (foi.pagecache, cms.apps, publicstats.store); core knows no
app. The key also holds the path, the normalised query, the language, the host and scheme,
and the day (what is public or overdue turns with the date); entries expire after
``FOI_PAGE_CACHE_TIMEOUT`` seconds at the latest.

Every stored page carries an ETag; a matching ``If-None-Match`` gets 304. Anonymous pages say
``Cache-Control: public, max-age=0, s-maxage=FOI_PUBLIC_CACHE_SECONDS`` and ``X-Accel-Expires``
(``no-cache`` when it is 0): browsers revalidate every time, a proxy (docs/deploy.md's nginx
micro-cache) or a CDN may keep them that long.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language

from core import clock

Dependencies = Callable[..., Iterable[str]]

PREFIX = "pagecache"
MAX_QUERY_LENGTH = 512
# Headers of a stored page that are the visitor's or the moment's, never replayed.
NOT_STORED = {"set-cookie", "vary", "cache-control", "etag", "date", "expires"}
# What a view may vary on by itself and still be shared: Django's own two.
SHAREABLE_VARY = {"cookie", "accept-language"}
REFUSING = ("private", "no-store", "no-cache")


@dataclass(frozen=True)
class Entry:
    depends_on: Dependencies
    params: frozenset[str] | None  # query parameters the view reads; None: any


_registry: dict[Callable, Entry] = {}


def register(view, *, depends_on: Dependencies, params: Iterable[str] | None = None) -> None:
    """Cache ``view``'s anonymous pages. ``depends_on(**url_kwargs)`` names the generations
    its page depends on; a query parameter outside ``params`` (when given) is not cached."""
    _registry[view] = Entry(depends_on, None if params is None else frozenset(params))


def public_page(*, depends_on: Dependencies, params: Iterable[str] | None = None):
    def decorate(view):
        register(view, depends_on=depends_on, params=params)
        return view

    return decorate


def enabled() -> bool:
    return bool(getattr(settings, "FOI_PAGE_CACHE", False))


def _cache():
    return caches[getattr(settings, "FOI_PAGE_CACHE_ALIAS", "default")]


def _generation_key(name: str) -> str:
    return f"{PREFIX}:gen:{name}"


def _new_value() -> str:
    return secrets.token_hex(8)


def _set(names: tuple[str, ...]) -> None:
    _cache().set_many({_generation_key(name): _new_value() for name in names}, timeout=None)


def bump(*names: str) -> None:
    """Pages depending on any of ``names`` are rendered afresh: now, and again on commit."""
    names = tuple(dict.fromkeys(name for name in names if name))
    if not names or not enabled():
        return
    _set(names)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _set(names))


def generations(names: Iterable[str]) -> dict[str, str]:
    """The current value of each generation; a missing one (never bumped, evicted) gets a
    fresh random value, so a page stored under an older value is never found again."""
    cache = _cache()
    keys = {name: _generation_key(name) for name in dict.fromkeys(names)}
    found = cache.get_many(list(keys.values()))
    values = {}
    for name, key in keys.items():
        if key not in found:
            cache.add(key, _new_value(), timeout=None)
            found[key] = cache.get(key) or _new_value()
        values[name] = found[key]
    return values


def is_anonymous(request) -> bool:
    """Nothing on this request could make its page anyone's own."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _query(request, entry: Entry) -> str | None:
    raw = request.META.get("QUERY_STRING", "")
    if len(raw) > MAX_QUERY_LENGTH:
        return None
    pairs = parse_qsl(raw, keep_blank_values=True)
    if entry.params is not None and any(name not in entry.params for name, _value in pairs):
        return None  # a parameter the view ignores but may echo: not worth a cache entry
    return urlencode(sorted(pairs))


def _page_key(request, query: str, values: dict[str, str]) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        query,
        get_language() or "",
        timezone.localdate(clock.now()).isoformat(),
        *(f"{name}={value}" for name, value in sorted(values.items())),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{PREFIX}:page:{digest}"


def _public_cache_control(response) -> None:
    """Browsers ask again each time (max-age=0: a 304 from the ETag costs the app one cache
    read), so a visitor never reads a page older than the last commit; shared caches (a CDN by
    s-maxage, nginx by X-Accel-Expires, which nginx keeps from the visitor) may keep it for
    ``FOI_PUBLIC_CACHE_SECONDS``."""
    seconds = int(getattr(settings, "FOI_PUBLIC_CACHE_SECONDS", 0))
    if seconds > 0:
        response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
        response["X-Accel-Expires"] = str(seconds)
    else:
        response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ("Cookie", "Accept-Language"))


def _shareable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a CSRF token: it is this visitor's
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.session_key):
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and getattr(storage, "_queued_messages", None):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in REFUSING):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= SHAREABLE_VARY


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _replay(stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=200)
    for name, value in stored["headers"]:
        response[name] = value
    response["ETag"] = stored["etag"]
    return response


class PageCacheMiddleware:
    """Sits after LocaleMiddleware (the language is known) and before everything that would
    read the session or render a token; a hit skips the rest of the stack and the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        entry = self._entry(request)
        if entry is None:
            return self.get_response(request)
        entry_obj, kwargs = entry
        if not is_anonymous(request):
            response = self.get_response(request)
            self._private(request, response)
            return response
        if not enabled():
            return self.get_response(request)
        query = _query(request, entry_obj)
        if query is None:
            response = self.get_response(request)
            self._private(request, response)
            return response
        values = generations(entry_obj.depends_on(**kwargs))
        key = _page_key(request, query, values)
        cache = _cache()
        stored = cache.get(key)
        if stored is not None:
            response = _replay(stored)
            _public_cache_control(response)
            response["X-Page-Cache"] = "hit"
            return get_conditional_response(request, etag=stored["etag"], response=response)
        response = self.get_response(request)
        if not _shareable(request, response):
            self._private(request, response)
            return response
        content = response.content
        stored = {
            "content": content,
            "etag": _etag(content),
            "headers": [
                (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
            ],
        }
        cache.set(key, stored, timeout=int(getattr(settings, "FOI_PAGE_CACHE_TIMEOUT", 300)))
        response["ETag"] = stored["etag"]
        _public_cache_control(response)
        response["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=stored["etag"], response=response)

    @staticmethod
    def _entry(request):
        if request.method not in ("GET", "HEAD") or not _registry:
            return None
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return None
        entry = _registry.get(match.func)
        return None if entry is None else (entry, match.kwargs)

    @staticmethod
    def _private(request, response) -> None:
        """A registered page this visitor may not share: no proxy or shared cache keeps it."""
        if "Cache-Control" not in response:
            response["Cache-Control"] = "private, no-store"
        patch_vary_headers(response, ("Cookie",))
