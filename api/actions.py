"""Each action of ``POST /api/v1/requests/{reference}/actions/{action}/``: its service, and the
payload fields it reads. The services check state, permission and conditions under a row lock;
this table only turns the payload into their arguments."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from core.errors import InvalidInput, NotVisible
from foi import permissions, services, transitions
from foi.models import PublicBody
from foi.privacy import masking
from foi.services.handling import assignee_refusal

# The payload fields each action reads; who takes it is the transition's declared role.
FIELDS = {
    "submit": "(none)",
    "accept": "`assignee` (optional, a person's id)",
    "assign": "`assignee`",
    "ask_clarification": "`text`",
    "clarify": "`text`",
    "extend": "`reason` (one of the law's extension reason codes), `text` (optional)",
    "transfer": "`body` (slug), `text` (optional)",
    "answer": "`outcome` (full, partial, not_held), `text`, `exemptions` (for partial)",
    "estimate_fee": (
        "`amount` (a decimal string greater than zero), `currency` (optional; the law's), "
        "`text` (how the amount is made up)"
    ),
    "record_payment": "`text` (optional)",
    "waive_fee": "`text` (why)",
    "close_unpaid": "(none)",
    "refuse": '`exemptions` (at least one `{"code", "note"}`), `text`',
    "reject": "`reason` (or `text`)",
    "withdraw": "`text` (optional)",
    "lapse": "(none)",
    "appeal": "`level` (an appeal level code), `text` (the grounds)",
    "correct_record": (
        "`message` (a body's letter recorded on the request), then the fields of classify: "
        "what the letter is instead"
    ),
    "decide_appeal": (
        "`decision` (upheld, overturned, partly_overturned, not_admitted), `text` (reasons)"
    ),
}
# Not a transition of its own: saying what a body's e-mailed letter is runs the transition the
# body's officer would take (foi.services.letters).
CLASSIFY = "classify"
CLASSIFY_FIELDS = (
    "`message` (the id of the body's e-mailed reply), `outcome` (acknowledgement, "
    "clarification, extension, transfer, full, partial, refused, not_held, not_a_reply; for a "
    "reviewing body's letter: upheld, overturned, partly_overturned, not_admitted), "
    "`exemptions` (for partial and refused), `reason` (an extension reason code), `body` (slug, "
    "for a transfer), `text` (the public record; the letter's text when empty)"
)
# Not a transition either: the class the law puts the request in (foi.services.fees).
FEE_CLASS = "record_fee_class"
FEE_CLASS_FIELDS = "`fee_class` (one of the law's: free, discounted, paid)"
# How the table names a role, where the role's own name would mislead.
WHO = {transitions.SYSTEM: "the system only"}


def who(action: str) -> str:
    role = transitions.role(action)
    return WHO.get(role, role)


NAMES = transitions.names()
# Every action the endpoint takes: the transitions, classify and the fee class.
ACTIONS = [*NAMES, CLASSIFY, FEE_CLASS]
# The permission every transition of that name asks (the same for each of its sources).
PERMISSION = {name: transitions.permission(name) for name in NAMES}
# The actions whose text an officer or reviewer writes for the public to read.
WARNED = tuple(name for name in NAMES if transitions.custom(name)["warn_identity"])


def _table() -> str:
    rows = [f"| {name} | {who(name)} | {FIELDS[name]} |" for name in NAMES]
    rows.append(f"| {CLASSIFY} | the requester, a moderator | {CLASSIFY_FIELDS} |")
    rows.append(f"| {FEE_CLASS} | officer | {FEE_CLASS_FIELDS} |")
    return "\n".join(["| action | who | fields |", "|---|---|---|", *rows])


DESCRIPTION = f"""\
`action` is one of the request's transitions; `actions` in the request's representation lists
those the caller may take now. Fields each action reads (others are ignored):

{_table()}

`version` (optional, from the request's representation): the action is refused with 409 if
the request changed since. `classify` records what a body that answers by e-mail said in its
letter, as the transition its officer would take, with the actor "the requester (or a
moderator), from the body's letter"; it is refused with 409 when the body answers through the
portal, when the message is not the body's reply (or is already recorded), or when the state
does not allow the move. An officer's or reviewer's text
({", ".join(WARNED)})
that identifies the requester (their real name when shown under a pseudonym or withheld, their
e-mail, phone or postal address) is refused with 400 naming what was found, unless
`confirm_identity` is true; the public reads those parts masked. 403: not yours to do; 404: not
visible to you or no such action; 409: not allowed in the request's state now, or changed
meanwhile.
"""


def refusal(foi_request, user, action: str) -> str:
    """A sentence if this person may never take ``action`` on this request (403)."""
    if action == CLASSIFY:
        if permissions.is_requester(foi_request, user) or permissions.is_moderator(user):
            return ""
        return _("Only the requester and the moderators may say what a body's letter is.")
    if action == FEE_CLASS:
        if permissions.can_record_fee_class(foi_request, user):
            return ""
        return _("Only the officer handling the request may record its fee class.")
    if PERMISSION[action](foi_request, user):
        return ""
    return _("You may not %(verb)s this request.") % {"verb": transitions.verb(action)}


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
        rule = transitions.rule("transfer", "body")
        raise InvalidInput(rule.says(), errors={rule.field: ["required"]})
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
        assignee = _require(data, "assignee", transitions.rule("assign", "assignee").says())
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
        outcome = _require(data, "outcome", transitions.rule("answer", "outcome").says())
        return services.foi_request_answer(
            **common, outcome=outcome, text=text, exemptions=_exemptions(data)
        )
    if action == "estimate_fee":
        amount = _require(data, "amount", transitions.rule("estimate_fee", "amount").says())
        return services.foi_request_estimate_fee(
            **common, amount=amount, currency=data.get("currency", ""), text=text
        )
    if action == "record_payment":
        return services.foi_request_record_payment(**common, text=text)
    if action == "waive_fee":
        return services.foi_request_waive_fee(**common, text=text)
    if action == "close_unpaid":
        return services.foi_request_close_unpaid(**common)
    if action == FEE_CLASS:
        fee_class = _require(data, "fee_class", _("Choose the request's fee class."))
        return services.foi_request_record_fee_class(**common, fee_class=fee_class)
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
    if action == CLASSIFY:
        return _classify(foi_request, actor, data)
    if action == "correct_record":
        return _classify(foi_request, actor, data, service=services.foi_request_correct_record)
    if action == "decide_appeal":
        decision = _require(data, "decision", transitions.rule("decide_appeal", "decision").says())
        return services.foi_request_decide_appeal(**common, decision=decision, reasons=text)
    raise InvalidInput(_("There is no such action."))


def _classify(foi_request, actor, data, service=None):
    from foi.models import Message

    message_id = _require(data, "message", _("Name the body's letter (its message id)."))
    outcome = _require(data, "outcome", _("Say what the letter is."))
    letter = Message.objects.filter(pk=message_id, foi_request=foi_request).first()
    if letter is None:
        raise NotVisible(_("There is no such message on this request."))
    return (service or services.foi_request_classify)(
        foi_request=foi_request,
        actor=actor,
        letter=letter,
        outcome=outcome,
        exemptions=_exemptions(data),
        reason=data.get("reason", ""),
        body=_body(data.get("body")) if outcome == "transfer" else None,
        text=data.get("text", ""),
    )
