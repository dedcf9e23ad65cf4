from django.core.management import call_command

from foi.workflow_doc import render, transitions


def test_docs_workflow_md_is_generated_from_the_code():
    call_command("foi_workflow_doc", check=True)


def test_every_transition_is_documented_with_who_may_take_it():
    rows = {row["name"]: row for row in transitions()}
    assert set(rows) == {
        "submit",
        "accept",
        "assign",
        "ask_clarification",
        "clarify",
        "extend",
        "transfer",
        "answer",
        "refuse",
        "reject",
        "withdraw",
        "lapse",
        "appeal",
        "decide_appeal",
        "correct_record",
        "estimate_fee",
        "record_payment",
        "waive_fee",
        "close_unpaid",
    }
    assert rows["correct_record"]["who"].startswith("The moderators")
    assert rows["lapse"]["who"].startswith("The system")
    assert rows["close_unpaid"]["who"].startswith("The system")
    assert "under_appeal --> closed: decide_appeal (upheld or not admitted)" in render()
