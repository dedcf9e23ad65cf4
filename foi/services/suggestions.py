"""Followers' suggestions of what a body's e-mailed reply is, and a moderator confirming one.

A reply nobody has classified (``foi.selectors.replies``) may be classified by the requester or a
moderator only (``foi.services.letters``). Followers of the request may suggest what it is; a
moderator confirms a suggestion, which classifies the letter with the moderator as the actor
(the event says "letter:moderator"). Once the letter is classified, by anyone, its suggestions
are closed: kept, but no longer offered nor changed.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core import clock
from core.errors import Conflict, InvalidInput, NotPermitted, NotVisible
from foi import permissions
from foi.models import ClassificationSuggestion, FOIRequest, Message
from foi.services.letters import APPEAL_OUTCOMES, LABELS, REQUEST_OUTCOMES, foi_request_classify

NOTE_MAX = 2000


def outcomes_for(foi_request: FOIRequest, letter: Message) -> tuple[str, ...]:
    """What this letter may be: an appeal decision when it comes from the body reviewing an
    open appeal, otherwise one of the body's moves on the request."""
    if letter.from_body_id is not None and letter.from_body_id != foi_request.body_id:
        return APPEAL_OUTCOMES
    return REQUEST_OUTCOMES


def _waiting_letter(foi_request: FOIRequest, letter) -> Message:
    from foi.selectors import replies_waiting

    pk = getattr(letter, "pk", letter)
    found = Message.objects.filter(pk=pk, foi_request=foi_request).first()
    if found is None:
        raise NotVisible(_("There is no such message on this request."))
    if found.classified_as:
        raise Conflict(
            _("This letter is already recorded as “%(outcome)s”.")
            % {"outcome": LABELS.get(found.classified_as, found.classified_as)}
        )
    if found.pk not in {waiting.pk for waiting in replies_waiting(foi_request=foi_request)}:
        raise Conflict(_("This message is not a body's reply waiting to be classified."))
    return found


def classification_suggest(
    *, foi_request: FOIRequest, letter, user, outcome: str, note: str = ""
) -> ClassificationSuggestion:
    """``user``, a follower of the request, suggests that ``letter`` is ``outcome``; a second
    suggestion of the same person on the same letter replaces the first.

    NotVisible (404) for a request or letter they may not know of, NotPermitted (403) for anyone
    but a follower (the requester records the letter themselves), InvalidInput (400) for an
    outcome the letter cannot be or a note too long, Conflict (409) for a letter already
    classified or not a waiting reply."""
    if not permissions.can_view_request(foi_request, user):
        raise NotVisible("No such request.")
    if permissions.is_requester(foi_request, user):
        raise NotPermitted(
            _("You made this request: say what the letter is on the request's page.")
        )
    if not permissions.can_suggest_classification(foi_request, user):
        raise NotPermitted(_("Follow the request to suggest what the body's reply is."))
    found = _waiting_letter(foi_request, letter)
    choices = outcomes_for(foi_request, found)
    if outcome not in choices:
        raise InvalidInput(
            _("Choose what the letter is: %(choices)s.") % {"choices": ", ".join(choices)},
            errors={"outcome": [str(outcome)]},
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise InvalidInput(
            _("Keep the note under %(count)d characters.") % {"count": NOTE_MAX},
            errors={"note": ["too long"]},
        )
    values = {"outcome": outcome, "note": note, "created_at": clock.now()}
    try:
        with transaction.atomic():
            suggestion, _created = ClassificationSuggestion.objects.update_or_create(
                letter=found, suggested_by=user, defaults=values
            )
    except IntegrityError:
        # The same person's second click at the same moment: keep this one.
        suggestion = ClassificationSuggestion.objects.get(letter=found, suggested_by=user)
        for name, value in values.items():
            setattr(suggestion, name, value)
        suggestion.save()
    return suggestion


def classification_confirm(
    *,
    suggestion: ClassificationSuggestion,
    actor,
    exemptions: list[dict] | None = None,
    reason: str = "",
    body=None,
    text: str = "",
) -> FOIRequest:
    """A moderator confirms a follower's suggestion: the letter is classified as suggested,
    with the moderator as the actor (``foi_request_classify``, whose errors pass through).
    NotPermitted (403) for anyone but a moderator, Conflict (409) for a closed suggestion."""
    if not permissions.is_moderator(actor):
        raise NotPermitted(_("Only moderators confirm suggestions."))
    letter = suggestion.letter
    if not suggestion.is_open:
        raise Conflict(_("This letter is already classified; its suggestions are closed."))
    return foi_request_classify(
        foi_request=letter.foi_request,
        actor=actor,
        letter=letter,
        outcome=suggestion.outcome,
        exemptions=exemptions,
        reason=reason,
        body=body,
        text=text,
    )
