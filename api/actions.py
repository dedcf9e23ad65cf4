"""Each action of ``POST /api/v1/requests/{reference}/actions/{action}/``: its service, and the
payload fields it reads. The services check state, permission and conditions under a row lock;
this table only turns the payload into their arguments."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from core.errors import InvalidInput
from foi import permissions, services
from foi.models import PublicBody
from foi.privacy import masking
from foi.services.base import VERBS
from foi.services.handling import assignee_refusal

# (action, the permission every transition of that name asks, fields, service call)
PERMISSION = {
    "submit": permissions.can_submit,
    "accept": permissions.can_accept,
    "assign": permissions.can_assign,
    "ask_clarification": permissions.can_ask_clarification,
    "clarify": permissions.can_clarify,
    "extend": permissions.can_extend,
    "transfer": permissions.can_transfer,
    "answer": permissions.can_answer,
    "refuse": permissions.can_refuse,
    "reject": permissions.can_reject,
    "withdraw": permissions.can_withdraw,
    "lapse": permissions.can_lapse,
    "appeal": permissions.can_appeal,
    "decide_appeal": permissions.can_decide_appeal,
}
NAMES = list(PERMISSION)

DESCRIPTION = """\
`action` is one of the request's transitions; `actions` in the request's representation lists
those the caller may take now. Fields each action reads (others are ignored):

| action | who | fields |
|---|---|---|
| submit | requester | (none) |
| accept | coordinator | `assignee` (optional, a person's id) |
| assign | coordinator | `assignee` |
| ask_clarification | officer | `text` |
| clarify | requester | `text` |
| extend | officer | `reason` (one of the law's extension reason codes), `text` (optional) |
| transfer | coordinator | `body` (slug), `text` (optional) |
| answer | officer | `outcome` (full, partial, not_held), `text`, `exemptions` (for partial) |
| refuse | officer | `exemptions` (at least one `{"code", "note"}`), `text` |
| reject | coordinator | `reason` (or `text`) |
| withdraw | requester | `text` (optional) |
| lapse | the system only | (none) |
| appeal | requester | `level` (an appeal level code), `text` (the grounds) |
| decide_appeal | reviewer | `decision` (upheld, overturned, partly_overturned), `text` (reasons) |

`version` (optional, from the request's representation): the action is refused with 409 if
the request changed since. An officer's or reviewer's text (ask_clarification, extend, transfer,
answer, refuse, reject, decide_appeal) that identifies the requester (their real name when
shown under a pseudonym or withheld, their e-mail, phone or postal address) is refused with 400
naming what was found, unless `confirm_identity` is true; the public reads those parts masked.
403: not yours to do; 404: not visible to you or no such action; 409: not allowed in the
request's state now, or changed meanwhile.
"""


def refusal(foi_request, user, action: str) -> str:
    """A sentence if this person may never take ``action`` on this request (403)."""
    if PERMISSION[action](foi_request, user):
        return ""
    return _("You may not %(verb)s this request.") % {"verb": VERBS.get(action, action)}


def _person(pk, foi_request):
    """The assignee by id. An unknown id is refused in the very words the service uses for
    someone who is not the body's officer, so that ids reveal neither names nor accounts."""
    if pk is None:
        return None
    person = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if person is None:
        raise assignee_refusal(foi_request.body)
    return person


def _body(slug):
    if not slug:
        raise InvalidInput(_("Name the body to transfer to."), errors={"body": ["required"]})
    body = PublicBody.objects.select_related("law").filter(slug=slug).first()
    if body is None:
        raise InvalidInput(_("There is no such public body."), errors={"body": [slug]})
    return body


def _require(data, name, message):
    value = data.get(name)
    if value in (None, ""):
        raise InvalidInput(message, errors={name: ["required"]})
    return value


def _exemptions(data):
    return [{"code": item["code"], "note": item.get("note", "")} for item in data["exemptions"]]


# The actions whose text an officer or reviewer writes for the public to read.
WARNED = ("ask_clarification", "extend", "transfer", "answer", "refuse", "reject", "decide_appeal")


def _check_identity(action: str, foi_request, data: dict) -> None:
    if action not in WARNED or data.get("confirm_identity"):
        return
    warning = masking.publication_warning(foi_request, data.get("text", ""), data.get("reason", ""))
    if warning:
        raise InvalidInput(warning, errors={"confirm_identity": ["required"]})


def run(action: str, *, foi_request, actor, data: dict):
    """Call the action's service with the payload's fields."""
    _check_identity(action, foi_request, data)
    common = {"foi_request": foi_request, "actor": actor}
    text = data.get("text", "")
    if action == "submit":
        return services.foi_request_file(**common)
    if action == "accept":
        return services.foi_request_accept(
            **common, assignee=_person(data.get("assignee"), foi_request)
        )
    if action == "assign":
        assignee = _require(data, "assignee", _("Choose the officer to assign."))
        return services.foi_request_assign(**common, assignee=_person(assignee, foi_request))
    if action == "ask_clarification":
        return services.foi_request_ask_clarification(**common, text=text)
    if action == "clarify":
        return services.foi_request_clarify(**common, text=text)
    if action == "extend":
        reason = _require(data, "reason", _("Choose one of the reasons the law allows."))
        return services.foi_request_extend(**common, reason=reason, text=text)
    if action == "transfer":
        return services.foi_request_transfer(**common, body=_body(data.get("body")), text=text)
    if action == "answer":
        outcome = _require(
            data, "outcome", _("Choose whether the answer is full, partial or not held.")
        )
        return services.foi_request_answer(
            **common, outcome=outcome, text=text, exemptions=_exemptions(data)
        )
    if action == "refuse":
        return services.foi_request_refuse(**common, grounds=_exemptions(data), text=text)
    if action == "reject":
        return services.foi_request_reject(**common, reason=data.get("reason") or text)
    if action == "withdraw":
        return services.foi_request_withdraw(**common, text=text)
    if action == "lapse":
        return services.foi_request_lapse(**common)
    if action == "appeal":
        level = _require(data, "level", _("Choose the level to appeal to."))
        return services.foi_request_appeal(**common, level=level, grounds=text)
    if action == "decide_appeal":
        decision = _require(
            data, "decision", _("Choose whether the appeal is upheld, overturned or partly.")
        )
        return services.foi_request_decide_appeal(**common, decision=decision, reasons=text)
    raise InvalidInput(_("There is no such action."))
