"""The one path by which a request changes state.

``run_transition`` locks the row, refuses a stale copy, checks that the state allows the
transition, that the actor may take it and that its conditions hold, calls it, lets the service
apply its own changes, validates, saves, and appends one CaseEvent; all in one transaction, so a
refusal at any point changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from core import clock
from core.errors import Conflict, InvalidInput, NotPermitted, TransitionNotAllowed
from core.inputs import is_visibly_empty
from foi import conditions, transitions
from foi.models import FOIRequest
from foi.services.audit import case_event_record

# A request's links (law, body, requester, assignee…) are set by the services from rows they
# have read, and the database's foreign keys keep them sound: ``full_clean`` leaves them out
# rather than read each linked row again (a query each).
LINKS = tuple(field.name for field in FOIRequest._meta.concrete_fields if field.is_relation)


def lower(text) -> str:
    """Lower case that keeps Azerbaijani's dotted and dotless i apart."""
    text = str(text)
    if (translation.get_language() or "")[:2] == "az":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def lock_request(foi_request: FOIRequest, *, refuse_stale: bool = True) -> FOIRequest:
    """The row, locked for this transaction; Conflict if the caller's copy is stale, unless
    ``refuse_stale`` is False (an append, which acts on no one's view of the request:
    ``foi.services.case``).

    This is the one guard against two people acting on a request at once (docs/architecture.md,
    "Two people at once"): the row lock makes the second wait for the first to commit, and
    then the version tells it that what it saw is gone. The version the caller saw is
    ``foi_request.seen_version`` when a page or API call carried one, else the copy's own.
    """
    locked = (
        # of=self: lock the request's row only. Without it PostgreSQL also locks the joined
        # law, body and requester rows, and two officers answering two requests of the same
        # requester (or a filing by that requester) deadlock (bench/mixed_load.py found it).
        FOIRequest.objects.select_for_update(of=("self",))
        .select_related("law", "body", "requester")
        .get(pk=foi_request.pk)
    )
    seen = getattr(foi_request, "seen_version", None) or foi_request.version
    if refuse_stale and seen and locked.version != seen:
        raise Conflict(
            _(
                "Someone else changed this request meanwhile (it is now %(state)s); "
                "reload it and try again."
            )
            % {"state": locked.get_state_display()}
        )
    return locked


def check_transition(locked: FOIRequest, name: str, actor) -> None:
    method = getattr(locked, name)
    meta = method._django_fsm
    transition = meta.get_transition(locked.state)
    verb = transitions.verb(name)
    if transition is None:
        raise TransitionNotAllowed(
            _("You cannot %(verb)s a request that is %(state)s.")
            % {"verb": verb, "state": lower(locked.get_state_display())}
        )
    if not transition.has_perm(locked, actor):
        raise NotPermitted(_("You may not %(verb)s this request.") % {"verb": verb})
    for condition in transition.conditions:
        if not condition(locked):
            raise TransitionNotAllowed(
                conditions.UNMET.get(condition, _("The request is not ready for this."))
            )


def run_transition(
    *,
    foi_request: FOIRequest,
    actor,
    name: str,
    call_kwargs: dict | None = None,
    prepare: Callable[[FOIRequest, object], None] | None = None,
    apply: Callable[[FOIRequest, object], dict | None] | None = None,
    audience: str = "public",
    at=None,
) -> FOIRequest:
    """Run transition ``name``.

    ``prepare(locked, at)`` validates input against the state before the transition;
    ``apply(locked, at)`` makes the service's own changes after it (messages, clock, appeal
    rows) and returns ``{"data": ..., "message": ...}`` for the CaseEvent.
    """
    # A move recorded on a body's behalf takes effect when the body made it (its letter's
    # date); its event is appended now, and says when that was (foi.actors.OnBehalf).
    recorded_at = clock.now() if at is None else at
    at = at or getattr(actor, "at", None) or recorded_at
    with transaction.atomic():
        locked = lock_request(foi_request)
        check_transition(locked, name, actor)
        from_state = locked.state
        if prepare:
            prepare(locked, at)
        getattr(locked, name)(at=at, **(call_kwargs or {}))
        extra = (apply(locked, at) if apply else None) or {}
        try:
            locked.full_clean(
                exclude=["state", *LINKS], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            raise InvalidInput(" ".join(error.messages), errors=error.message_dict) from error
        case_event_record(
            foi_request=locked,
            kind=name,
            actor=actor,
            from_state=from_state,
            to_state=locked.state,
            audience=audience,
            message=extra.get("message"),
            data=extra.get("data"),
            at=recorded_at,
        )
        locked.save()
    forget_caches(locked)
    return locked


def forget_caches(foi_request: FOIRequest) -> None:
    """Drop what selectors and permissions memoised on the instance before it changed."""
    for name in ("_appeal_list", "_open_appeal"):
        foi_request.__dict__.pop(name, None)


def require_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if is_visibly_empty(value):
        raise InvalidInput(message)
    return value
