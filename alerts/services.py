"""Every write on saved searches: save one, change how often it is e-mailed or its name,
delete it, stop its e-mails from the link in one (RFC 8058 one-click), and what a digest
records when it is sent (``alerts.digest``)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

import search
from alerts.models import Frequency, SavedSearch
from core import clock
from core.errors import Conflict, InvalidInput, NotPermitted, NotVisible
from core.inputs import clean_text
from foi import permissions

NAME_MAX = 120
QUERY_MAX = 500
_UNSUBSCRIBE_SALT = "alerts.unsubscribe"


def max_saved_searches() -> int:
    return settings.ALERTS_MAX_SAVED_SEARCHES


def _require_person(user) -> None:
    if not permissions.is_person(user):
        raise NotPermitted(_("Sign in to save a search."))


def _frequency(value) -> str:
    if value not in Frequency.values:
        raise InvalidInput(_("Choose daily, weekly or no e-mail."))
    return value


def _name(value: str, fallback: str) -> str:
    name = " ".join(clean_text(value or "").split())
    if len(name) > NAME_MAX:
        raise InvalidInput(
            _("A name is at most %(max)s characters long.") % {"max": NAME_MAX},
            errors={"name": [_("A name is at most %(max)s characters long.") % {"max": NAME_MAX}]},
        )
    return name or fallback[:NAME_MAX]


def _owned(saved_search: SavedSearch, actor) -> None:
    # Someone else's saved search does not exist for them (404, not 403).
    if not permissions.is_person(actor) or saved_search.user_id != actor.pk:
        raise NotVisible(_("There is no such saved search."))


def saved_search_create(
    *, user, query: str = "", filters: dict | None = None, name: str = "", frequency=None
) -> SavedSearch:
    """Save a search for ``user``. The words and filters are checked by running the search
    (``search.search``: InvalidInput for a filter that cannot be, SearchUnavailable when no
    backend answers) and kept as it cleaned them. Refused past the limit per person
    (``ALERTS_MAX_SAVED_SEARCHES``) and for a search already saved."""
    _require_person(user)
    query = clean_text(query or "").strip()
    if len(query) > QUERY_MAX:
        raise InvalidInput(
            _("The words to find are at most %(max)s characters.") % {"max": QUERY_MAX}
        )
    frequency = _frequency(frequency or Frequency.DAILY)
    checked = search.search(query, filters or {}, 1, user, page_size=1)
    clean_filters = {key: value for key, value in checked.filters.items() if value}
    name = _name(name, checked.query or _("Everything answered or published"))
    with transaction.atomic():
        # One person's saves wait for each other, so the limit holds against a double click.
        mine = SavedSearch.objects.select_for_update().filter(user=user)
        existing = list(mine.only("query", "filters"))
        if len(existing) >= max_saved_searches():
            raise InvalidInput(
                _(
                    "You already have %(count)s saved searches, the most you may keep. "
                    "Delete one to save another."
                )
                % {"count": max_saved_searches()}
            )
        if any(s.query == checked.query and s.filters == clean_filters for s in existing):
            raise Conflict(_("You have already saved this search."))
        return SavedSearch.objects.create(
            user=user,
            name=name,
            query=checked.query,
            filters=clean_filters,
            frequency=frequency,
            feed_token=secrets.token_urlsafe(32),
            created_at=clock.now(),
        )


def saved_search_update(
    *, saved_search: SavedSearch, actor, frequency=None, name: str | None = None
) -> SavedSearch:
    """Change how often the owner is e-mailed, or the search's name. Only the owner."""
    _owned(saved_search, actor)
    fields = []
    if frequency is not None:
        saved_search.frequency = _frequency(frequency)
        fields.append("frequency")
    if name is not None:
        saved_search.name = _name(name, saved_search.name)
        fields.append("name")
    if fields:
        saved_search.save(update_fields=fields)
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch, actor) -> None:
    """Forget the search; its feed's address stops working at once. Only the owner."""
    _owned(saved_search, actor)
    saved_search.delete()


def saved_search_feed_reset(*, saved_search: SavedSearch, actor) -> SavedSearch:
    """A new address for the search's feed; the old one answers 404 from now on."""
    _owned(saved_search, actor)
    saved_search.feed_token = secrets.token_urlsafe(32)
    saved_search.save(update_fields=["feed_token"])
    return saved_search


# -- the link in every digest ----------------------------------------------------------------


def unsubscribe_token(saved_search: SavedSearch) -> str:
    return signing.dumps(
        {"s": saved_search.pk, "u": saved_search.user_id}, salt=_UNSUBSCRIBE_SALT, compress=True
    )


def saved_search_of_unsubscribe_token(token: str) -> SavedSearch:
    """The saved search a digest's link names; InvalidInput if the link was not ours or the
    search is gone."""
    try:
        data = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
        pk, user_id = int(data["s"]), int(data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidInput(_("This unsubscribe link is not valid.")) from error
    found = (
        SavedSearch.objects.filter(pk=pk, user_id=user_id, user__is_active=True)
        .select_related("user")
        .first()
    )
    if found is None:
        raise InvalidInput(_("This unsubscribe link is not valid."))
    return found


def saved_search_unsubscribe(*, token: str) -> SavedSearch:
    """Stop the e-mails of the search a digest's link names; the link is the authority. The
    search and its feed stay (its page can e-mail again)."""
    saved_search = saved_search_of_unsubscribe_token(token)
    saved_search.frequency = Frequency.OFF
    saved_search.save(update_fields=["frequency"])
    return saved_search


def saved_search_digest_recorded(*, saved_search: SavedSearch, now, sent_keys: dict) -> None:
    """What a digest run leaves behind: when it ran and which recent items it told."""
    saved_search.last_sent_at = now
    saved_search.sent_keys = sent_keys
    saved_search.save(update_fields=["last_sent_at", "sent_keys"])
