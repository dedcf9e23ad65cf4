"""Confirming who sent an e-mail: a reply to a request's reply address from outside the body's
mail domains lands on its case marked "sent from an address not known for this body"
(``Message.sender_unknown``); the requester, the body or an administrator confirms it is the
body's reply."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotPermitted, NotVisible
from foi import permissions
from foi.models import FOIRequest, Message
from foi.services.case import Entry, foi_request_append


def foi_request_confirm_sender(*, foi_request: FOIRequest, message: Message, actor) -> Message:
    """Mark ``message`` as the body's reply: the mark is cleared, the message is from the body
    (as a reply from one of its known addresses is), and one event for the parties names the
    message and the address it came from.

    An addition, not a transition: the request's version does not move, and a second
    confirmation of the same message is refused as there is nothing left to confirm.
    """
    confirmed = message

    def write(locked, at):
        nonlocal confirmed
        if not permissions.can_view_request(locked, actor):
            raise NotVisible("No such request.")
        if not permissions.can_confirm_sender(locked, actor):
            raise NotPermitted(
                _(
                    "Only the requester, the body's officers and an administrator may confirm "
                    "who sent an e-mail."
                )
            )
        confirmed = (
            Message.objects.select_for_update(of=("self",))
            .filter(pk=message.pk, foi_request=locked)
            .first()
        )
        if confirmed is None:
            raise NotVisible("No such message on this request.")
        if not confirmed.sender_unknown:
            raise InvalidInput(
                _(
                    "This e-mail is not marked as sent from an address not known for this body: "
                    "there is nothing to confirm."
                )
            )
        confirmed.sender_unknown = False
        confirmed.from_body = locked.body
        confirmed.save(update_fields=["sender_unknown", "from_body"])
        return Entry(
            message=confirmed,
            data={
                "message": confirmed.pk,
                "sender": confirmed.email_from,
                "from_body": locked.body_id,
            },
        )

    # For the parties, like the e-mail itself: the address is never the public's.
    foi_request_append(
        foi_request=foi_request,
        actor=actor,
        kind="sender_confirmed",
        audience="parties",
        write=write,
    )
    return confirmed
