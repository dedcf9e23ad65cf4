"""docs/workflow.md, generated from the transitions declared on FOIRequest so it cannot drift."""

from __future__ import annotations

import inspect

from django.utils import translation
from django_fsm import GET_STATE

from foi.models import FOIRequest, State

HEADER = """# The request workflow

Generated from the transitions declared on `foi.models.FOIRequest` by
`python manage.py foi_workflow_doc --write`; a test fails when this file and the code disagree.
Each transition runs only through its service in `foi/services/`, which locks the request, checks
the state, the permission and the conditions, and appends one CaseEvent.

"Overdue" is not a state: it is derived from `due_at` while a request is submitted or in progress.

## Overdue, very overdue, and the reminder letter

- **Very overdue** is not a state either: an overdue request is very overdue once more than the
  law's `very_overdue_after_working_days` working days have passed after its due day
  (`foi.conditions.is_very_overdue`; Azerbaijan: 20, the project's policy). Lists tag it and
  filter by it (`?late=overdue|very_overdue`), the statistics count it (`very_overdue_now`),
  and the daily sweep tells the requester once per due date, with the next appeal level open
  and its lodging deadline, and the body's staff on the portal.
- **The reminder letter**: when the request is overdue and its body answers by e-mail, the
  requester may send one from `/requests/<reference>/remind/` (a drafted letter citing the
  law's article for the answer period, editable), at most once in three days. It is a public
  e-mail entry on the case with a `reminder_sent` event (`foi_request_remind`, an addition, not
  a transition); the e-mail goes out to the body's request address with replies to the
  request's own address. Refused: not the requester 403, not overdue or a portal body 409,
  too soon 429, an empty letter 400.
"""

REFINEMENTS = """
## Where this refines the sketch in docs/design.md, and why

- **assign** also works while the request awaits clarification and while it is in progress
  (reassigning); from `submitted` it accepts the request at the same time.
- **appeal** is also open from `closed` when the request was closed by an appeal decision that
  upheld the body (the requester goes on up the route: superior body, then the Ombudsman, then a
  court; Art. 42.1), and from `under_appeal` when the reviewer let its own deadline pass (silence
  of the reviewer, like silence of the body, opens the next level). A level that requires the
  previous one (the Ombudsman does not examine a complaint that skipped the body's own avenues)
  is open only after it. Each new decision of the body starts a new round of the route.
- **extend** is refused for urgent requests: the 24- and 48-hour answers of Art. 24.2-24.3 have no
  extension.
- **decide_appeal** on an appeal to a court is recorded by an administrator, since no member of
  the portal decides it. A reviewing body outside the portal decides by letter (below).

## Bodies that answer by e-mail

A body with an active officer or coordinator answers through Sorğu, and only its people move
its requests. Any other body answers by e-mail, and its moves are recorded from its letters with
the very transitions above, taken on its behalf (`foi.actors.OnBehalf`):

- **From its letter.** A body's reply lands on the case (`email_in`, for the parties). The
  requester (or a moderator: an administrator, or a person with the permission
  `foi.classify_replies`) says what it is: acknowledgement (`accept`, or only an event when the
  request is already in progress), clarification (`ask_clarification`), extension (`extend`,
  a reason from the law), transfer (`transfer`, to which body), a full, partial or "not held"
  answer (`answer`, grounds for a partial one), a refusal (`refuse`, grounds), or not a reply
  (an event only). The transition takes effect on the letter's date, so the law's clock counts
  from the letter, not from the day it was recorded. Its event names who recorded it
  (`actor_label` `letter:requester` or `letter:moderator`) and the letter (`data.letter`); the
  public entry it makes names the letter in `recorded_from`. Page:
  `/requests/<reference>/replies/<id>/classify/`; API: the `classify` action.
- **Through its reply link.** Each letter to such a body carries a personal, signed, expiring
  link; through it the body's officer takes the same moves without an account (`reply_link`).
- **Appeals by letter.** An appeal to a reviewing body outside the portal is sent to it as a
  letter with its own reply address and reply link; its decision (upheld, overturned, partly
  overturned, not admitted) is recorded from its letter or through the link, as `decide_appeal`.
- **Correcting a record.** A moderator may correct how a letter was recorded while that record
  is the request's latest step: `correct_record` puts the request back as it was (from the
  snapshot kept in the record's own event) and the letter is recorded again. Both records stay
  on the audit trail.
- **No reply left unclassified.** While a reply waits, nobody is told the request is overdue;
  the requester is reminded after 3 days; after 7 days the reply is in the moderators' queue,
  where followers' suggestions wait to be confirmed.
"""


def _states(value) -> list[str]:
    if isinstance(value, GET_STATE):
        return [str(s) for s in value.allowed_states]
    if value is None:
        return ["(same state)"]
    return [str(value)]


def _doc(function) -> str:
    return (inspect.getdoc(function) or function.__name__).splitlines()[0]


def transitions() -> list[dict]:
    field = FOIRequest._meta.get_field("state")
    rows: dict[str, dict] = {}
    for transition in field.get_all_transitions(FOIRequest):
        row = rows.setdefault(
            transition.name,
            {
                "name": transition.name,
                "sources": [],
                "targets": _states(transition.target),
                "role": transition.custom["role"],
                "who": _doc(transition.permission) if transition.permission else "anyone",
                "conditions": [_doc(c) for c in transition.conditions],
                "notices": transition.custom["notices"],
                "rules": transition.custom["rules"],
                "target_by_source": transition.custom.get("target_by_source", {}),
                "edge_labels": transition.custom.get("edge_labels", {}),
            },
        )
        row["sources"].append(str(transition.source))
    order = list(State.values)
    for row in rows.values():
        row["sources"].sort(key=order.index)
    return sorted(rows.values(), key=lambda r: (order.index(r["sources"][0]), r["name"]))


def mermaid() -> str:
    lines = ["```mermaid", "stateDiagram-v2", "    [*] --> draft"]
    for row in transitions():
        for source in row["sources"]:
            targets = row["targets"]
            if source in row["target_by_source"]:
                targets = [str(row["target_by_source"][source])]
            for target in targets:
                target = source if target == "(same state)" else target
                label = row["name"]
                if target in row["edge_labels"]:
                    label = f"{label} ({row['edge_labels'][target]})"
                lines.append(f"    {source} --> {target}: {label}")
    for state in (State.WITHDRAWN, State.CLOSED):
        lines.append(f"    {state} --> [*]")
    lines.append("```")
    return "\n".join(lines)


def table() -> str:
    lines = [
        "| transition | from | to | role | who | conditions | notices |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in transitions():
        lines.append(
            "| {name} | {sources} | {targets} | {role} | {who} | {conditions} | {notices} |".format(
                name=f"`{row['name']}`",
                sources=", ".join(row["sources"]),
                targets=", ".join(row["targets"]),
                role=row["role"],
                who=row["who"],
                conditions="; ".join(row["conditions"]) or "-",
                notices=", ".join(f"`{key}`" for key in row["notices"]) or "-",
            )
        )
    return "\n".join(lines)


RULES_INTRO = """\
Each service refuses input that breaks one of these rules (named by the API's field) with the
sentence quoted (`{name}` stands for what the sentence names). The services read them from the
transitions' declarations (`foi.transitions`), so this list and the refusals cannot differ."""


def input_rules() -> str:
    lines = [RULES_INTRO, ""]
    for row in transitions():
        if not row["rules"]:
            lines.append(f"- `{row['name']}`: none.")
            continue
        lines.append(f"- `{row['name']}`:")
        for rule in row["rules"].values():
            lines.append(f"  - `{rule.field}`: {rule.as_documented()}")
    return "\n".join(lines)


def render() -> str:
    # The code's own words (English), whatever the site's language.
    with translation.override("en"):
        return "\n".join(
            [
                HEADER,
                "## Diagram",
                "",
                mermaid(),
                "",
                "## Transitions",
                "",
                table(),
                "",
                "## Input rules",
                "",
                input_rules(),
                REFINEMENTS,
            ]
        )
