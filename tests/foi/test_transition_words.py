"""Each transition declares its words once (foi.transitions), and every list keyed by the
transitions' names is that declaration: the API's table, the workspace's buttons, the case
page's requester actions, the e-mail routes, the services' refusals and docs/workflow.md."""

import re

import pytest
from django.utils import translation
from django.utils.functional import Promise

from api import actions as api_actions
from core.errors import InvalidInput
from foi import services, transitions
from foi.models import FOIRequest, State
from foi.transitions import LawFacts
from foi.workflow_doc import render
from mail import notify
from mail.notices import NOTICES
from tests.foi.transition_calls import ROLE_OF
from workspace import guidance
from workspace.views.case import workspace_actions

FIELD = FOIRequest._meta.get_field("state")
ALL = sorted({t.name for t in FIELD.get_all_transitions(FOIRequest)})


@pytest.mark.parametrize("name", ALL)
def test_every_transition_declares_its_words(name):
    # Every source of a transition carries the same declaration, with each word translatable.
    customs = [t.custom for t in FIELD.get_all_transitions(FOIRequest) if t.name == name]
    assert all(custom is customs[0] for custom in customs)
    custom = customs[0]
    for key in transitions.REQUIRED:
        assert custom.get(key), f"{name} has no {key}"
    for key in ("verb", "label", "done"):
        assert isinstance(custom[key], Promise), f"{name}'s {key} is not translatable"
    assert custom["role"] in transitions.ROLES
    assert set(custom["notices"]) <= set(NOTICES), f"{name} names an unknown notice"
    for part in custom["guidance"]:
        assert isinstance(part, Promise) or part.name in guidance.LAW_FACTS
    for rule in custom["rules"].values():
        assert isinstance(rule.message, Promise)


def test_the_words_are_read_in_the_visitors_language():
    with translation.override("en"):
        assert str(transitions.label("decide_appeal")) == "Decide the appeal"
        assert str(transitions.verb("lapse")) == "close"
    with translation.override("ru"):
        assert str(transitions.label("decide_appeal")) != "Decide the appeal"


def test_the_declared_role_is_the_one_that_takes_each_transition():
    # ROLE_OF is who tests/foi/test_transition_permissions.py shows may take each transition.
    assert {name: transitions.role(name) for name in ALL} == ROLE_OF


def test_the_api_permission_table_is_the_transitions_declared_permissions_and_roles():
    assert sorted(api_actions.NAMES) == ALL
    for transition in FIELD.get_all_transitions(FOIRequest):
        assert api_actions.PERMISSION[transition.name] is transition.permission
    rows = re.findall(r"^\| (\w+) \| ([^|]+) \| [^|]+ \|$", api_actions.DESCRIPTION, re.M)
    who = {name: role.strip() for name, role in rows if name != "action"}
    # classify is not a transition: it runs the body's transition from the body's letter.
    assert who.pop(api_actions.CLASSIFY) == "the requester, a moderator"
    # Nor is the fee class: an addition to the case by the officer handling it.
    assert who.pop(api_actions.FEE_CLASS) == "officer"
    assert who == {
        name: "the system only" if transitions.role(name) == "system" else transitions.role(name)
        for name in ALL
    }


def test_the_workspace_offers_exactly_the_body_and_reviewer_transitions_in_button_order():
    body_side = [
        n
        for n in transitions.names()
        if transitions.role(n) in ("coordinator", "officer", "reviewer")
    ]
    assert workspace_actions() == body_side
    # Routing, the answer, the rest: the order of the buttons people know.
    assert workspace_actions() == [
        "accept",
        "assign",
        "answer",
        "ask_clarification",
        "extend",
        "estimate_fee",
        "record_payment",
        "waive_fee",
        "refuse",
        "transfer",
        "reject",
        "decide_appeal",
    ]


def test_a_transition_is_routed_to_e_mail_exactly_when_it_declares_notices():
    routed = {name for name in ALL if name in notify.ROUTES}
    assert routed == {name for name in ALL if transitions.notices(name)}
    assert "withdraw" not in routed


def test_docs_workflow_md_states_each_services_input_rules():
    text = render()
    for name in ALL:
        for rule in transitions.rules(name).values():
            assert f"`{rule.field}`: {rule.as_documented()}" in text
    assert "`exemptions`: A refusal must name at least one ground from the law." in text
    assert "`body`: {body} no longer takes requests." in text


# (transition, rule) -> a service call, by (world, request), that breaks that rule only.
BROKEN = {
    ("refuse", "grounds"): lambda w, r: services.foi_request_refuse(
        foi_request=r, actor=w.officer, grounds=[], text="No."
    ),
    ("refuse", "text"): lambda w, r: services.foi_request_refuse(
        foi_request=r, actor=w.officer, grounds=[{"code": "official"}], text=" "
    ),
    ("refuse", "ground"): lambda w, r: services.foi_request_refuse(
        foi_request=r, actor=w.officer, grounds=[{"code": "whim"}], text="No."
    ),
    ("answer", "partial_grounds"): lambda w, r: services.foi_request_answer(
        foi_request=r, actor=w.officer, outcome="partial", text="Part of it."
    ),
    ("answer", "only_partial_withholds"): lambda w, r: services.foi_request_answer(
        foi_request=r,
        actor=w.officer,
        outcome="full",
        text="All of it.",
        exemptions=[{"code": "official"}],
    ),
    ("extend", "reason"): lambda w, r: services.foi_request_extend(
        foi_request=r, actor=w.officer, reason="no-such-reason"
    ),
    ("transfer", "body"): lambda w, r: services.foi_request_transfer(
        foi_request=r, actor=w.coordinator, body=None
    ),
    ("transfer", "other_body"): lambda w, r: services.foi_request_transfer(
        foi_request=r, actor=w.coordinator, body=r.body
    ),
    ("reject", "reason"): lambda w, r: services.foi_request_reject(
        foi_request=r, actor=w.coordinator, reason=""
    ),
    ("assign", "assignee"): lambda w, r: services.foi_request_assign(
        foi_request=r, actor=w.coordinator, assignee=None
    ),
    ("ask_clarification", "text"): lambda w, r: services.foi_request_ask_clarification(
        foi_request=r, actor=w.officer, text=""
    ),
}


@pytest.mark.parametrize(("name", "key"), list(BROKEN))
def test_a_service_refuses_in_the_words_of_its_declared_rule(world, name, key):
    foi_request = world.request(State.SUBMITTED)
    with pytest.raises(InvalidInput) as refused:
        BROKEN[(name, key)](world, foi_request)
    rule = transitions.rule(name, key)
    expected = rule.says(code="whim", law=foi_request.law) if key == "ground" else rule.says()
    assert refused.value.message == expected
    assert FOIRequest.objects.get(pk=foi_request.pk).version == foi_request.version


def test_guidance_is_the_transitions_sentences_and_its_laws_facts(world):
    foi_request = world.request(State.SUBMITTED)
    now = foi_request.submitted_at
    refusal = guidance.for_action("refuse", foi_request, now=now)
    assert refusal[0] == "A refusal must name at least one ground of the law and explain it."
    assert refusal[1].startswith("Added to your letter automatically")
    transfer = guidance.for_action("transfer", foi_request, now=now)
    assert transfer[-1] == str(transitions.guidance("transfer")[-1])
    assert isinstance(transitions.guidance("transfer")[0], LawFacts)
    assert guidance.for_action("withdraw", foi_request, now=now) == []
