"""Each transition's words, declared once on it and read from here.

A transition of ``FOIRequest`` declares in ``custom=words(...)`` of its ``@transition`` what
people read about it and who takes it: the verb of refusals ("You may not <verb> this
request."), the label of its button and page, the line of the audit trail, the role that takes
it, the notices it sends, the guidance shown where an officer takes it, and the rules its
service enforces on the input. The buttons, the API's table, the e-mail routes, the audit trail,
the workspace and docs/workflow.md all read them here, so no second list keyed by the
transition's name can drift from the model.

This module imports no model at load time: the model imports it to declare its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# The roles that take transitions (docs/permissions.md, "Roles"). "officer" is whoever handles
# the request for the body: an officer or coordinator, the assignee or any while unassigned.
REQUESTER = "requester"
COORDINATOR = "coordinator"
OFFICER = "officer"
REVIEWER = "reviewer"
MODERATOR = "moderator"
SYSTEM = "system"
ROLES = (REQUESTER, COORDINATOR, OFFICER, REVIEWER, MODERATOR, SYSTEM)
# The roles whose actions the officers' workspace offers; the requester's are on the case page
# and the system's belong to the daily sweep.
WORKSPACE_ROLES = (COORDINATOR, OFFICER, REVIEWER)

REQUIRED = ("verb", "label", "done", "role")


@dataclass(frozen=True)
class Rule:
    """A rule a transition's service enforces on its input: the field it concerns and the
    sentence the service refuses with (which docs/workflow.md quotes)."""

    field: str
    message: object  # a lazy translatable sentence, perhaps with %(name)s placeholders

    def says(self, **values) -> str:
        text = str(self.message)
        return text % values if values else text

    def as_documented(self) -> str:
        """The sentence with each placeholder shown as ``{name}``."""
        return re.sub(r"%\((\w+)\)[sd]", r"{\1}", str(self.message))


@dataclass(frozen=True)
class LawFacts:
    """In a transition's guidance: the sentences ``workspace.guidance`` computes from the
    request's law under this name (periods, articles, the clock's rules)."""

    name: str


def words(
    *,
    verb,
    label,
    done,
    role: str,
    notices: tuple[str, ...] = (),
    guidance: tuple = (),
    rules: dict[str, Rule] | None = None,
    warn_identity: bool = False,
    not_yours=None,
    **extra,
) -> dict:
    """The ``custom`` dict of a transition.

    ``verb``: completes "You may not ... this request."; ``label``: its button and page title;
    ``done``: its line in the audit trail; ``role``: one of ``ROLES``; ``notices``: the keys of
    ``mail.notices`` its event may send; ``guidance``: sentences (or ``LawFacts``) shown
    where an officer takes it; ``rules``: what its service refuses, by a short name;
    ``warn_identity``: the body writes its text for the public, so the API warns when it names
    the requester; ``not_yours``: a requester's transition, what anyone else who tries it on
    the case page is told. ``extra`` is for the workflow diagram (``target_by_source``,
    ``edge_labels``).
    """
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; one of {ROLES}.")
    if not_yours is not None and role != REQUESTER:
        raise ValueError("Only a requester's transition says who else may not take it.")
    return {
        "verb": verb,
        "label": label,
        "done": done,
        "role": role,
        "notices": tuple(notices),
        "guidance": tuple(guidance),
        "rules": dict(rules or {}),
        "warn_identity": warn_identity,
        "not_yours": not_yours,
        **extra,
    }


# -- reading ---------------------------------------------------------------------------------


@cache
def declared() -> dict[str, dict]:
    """Every transition's ``custom``, by name, in the order the model declares them."""
    from foi.models import FOIRequest

    field = FOIRequest._meta.get_field("state")
    found = {t.name: t.custom for t in field.get_all_transitions(FOIRequest)}
    # django-fsm lists them alphabetically; the class keeps the order of its source.
    return {name: found[name] for name in vars(FOIRequest) if name in found}


@cache
def _permissions() -> dict:
    from foi.models import FOIRequest

    field = FOIRequest._meta.get_field("state")
    return {t.name: t.permission for t in field.get_all_transitions(FOIRequest)}


def names(*roles: str) -> list[str]:
    """The transitions (of these roles, if given) in the order the model declares them."""
    return [name for name, custom in declared().items() if not roles or custom["role"] in roles]


def custom(name: str) -> dict:
    return declared()[name]


def verb(name: str):
    return declared()[name]["verb"] if name in declared() else name


def label(name: str):
    return declared()[name]["label"] if name in declared() else name


def done(name: str):
    return declared()[name]["done"] if name in declared() else None


def role(name: str) -> str:
    return declared()[name]["role"]


def notices(name: str) -> tuple[str, ...]:
    return declared()[name]["notices"] if name in declared() else ()


def guidance(name: str) -> tuple:
    return declared()[name]["guidance"] if name in declared() else ()


def rules(name: str) -> dict[str, Rule]:
    return declared()[name]["rules"]


def rule(name: str, key: str) -> Rule:
    return declared()[name]["rules"][key]


def permission(name: str):
    """The transition's ``permission=`` (the same function for each of its sources)."""
    return _permissions()[name]
