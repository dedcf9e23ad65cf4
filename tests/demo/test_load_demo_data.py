"""``load_demo_data`` builds the whole demo through the services, and running it again changes
nothing."""

import csv
import datetime
import io
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from demo.accounts import ACCOUNTS, PASSWORDS
from demo.files import FIXTURES_DIR
from demo.scenarios import SCENARIOS
from foi.models import (
    OPEN_STATES,
    Appeal,
    Attachment,
    CaseEvent,
    FOIRequest,
    Law,
    Membership,
    Message,
    PublicBody,
    State,
    User,
)
from foi.services import case_events_verify

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class Loaded:
    stdout: str
    stderr: str


def load_demo() -> Loaded:
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("load_demo_data", stdout=stdout, stderr=stderr)
    return Loaded(stdout=stdout.getvalue(), stderr=stderr.getvalue())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module in a transaction rolled back at its end (each
    test runs in a savepoint inside it, as usual)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def counts() -> dict:
    return {
        "laws": Law.objects.count(),
        "bodies": PublicBody.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "requests": FOIRequest.objects.count(),
        "messages": Message.objects.count(),
        "attachments": Attachment.objects.count(),
        "appeals": Appeal.objects.count(),
        "events": CaseEvent.objects.count(),
        "bodies_updated": PublicBody.objects.aggregate(last=Max("updated_at"))["last"],
        "requests_updated": FOIRequest.objects.aggregate(last=Max("updated_at"))["last"],
    }


def test_loads_the_laws_and_the_real_bodies_with_made_up_addresses(demo):
    assert set(Law.objects.values_list("code", flat=True)) == {"az", "uk", "us", "de", "in"}
    with (FIXTURES_DIR / "az_public_bodies.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 46
    bodies = {body.slug: body for body in PublicBody.objects.select_related("parent", "law")}
    assert len(bodies) == 46
    for row in rows:
        body = bodies[row["slug"]]
        assert body.name_az == row["name_az"]
        assert body.law.code == "az"
        assert body.website == f"https://{row['website']}"
        assert body.request_email == f"foi@{row['slug']}.example"
        assert (body.parent.slug if body.parent else "") == row["parent_slug"]
    # The name with a comma in it survived the CSV quoting.
    assert bodies["state-committee-family-women-children"].name_en == (
        "State Committee for Family, Women and Children Affairs"
    )
    ministries = [body for body in bodies.values() if body.kind == "ministry"]
    assert all(body.name_ru for body in [*ministries, bodies["ombudsman"]])


def test_creates_an_account_for_every_role(demo):
    people = {account["key"]: User.objects.get(email=account["email"]) for account in ACCOUNTS}
    for account in ACCOUNTS:
        assert people[account["key"]].check_password(PASSWORDS[account["role"]])
        assert account["email"] in demo.stdout
    for requester in ("aysel", "leyla", "tural"):
        person = people[requester]
        assert person.get_full_name() and person.postal_address and person.phone
    # One requester as if she had signed in with the state identity (docs/security.md).
    assert people["aysel"].name_verified and people["aysel"].name_verified_by == "e-Gov"
    assert not people["leyla"].name_verified

    def roles(key):
        return set(people[key].memberships.values_list("body__slug", "role"))

    assert roles("finance-officer") == {("ministry-of-finance", "officer")}
    assert roles("finance-coordinator") == {("ministry-of-finance", "coordinator")}
    ecology = "ministry-of-ecology-and-natural-resources"
    assert roles("ecology-officer") == {(ecology, "officer")}
    assert roles("ecology-coordinator") == {(ecology, "coordinator")}
    assert {slug for slug, _role in roles("cabinet-reviewer")} == {"cabinet-of-ministers"}
    assert {slug for slug, _role in roles("ombudsman-reviewer")} == {"ombudsman"}

    editor, admin = people["editor"], people["admin"]
    assert editor.is_staff and not editor.is_superuser and not editor.memberships.exists()
    if Group.objects.filter(name="Editors").exists():
        assert editor.groups.filter(name="Editors").exists()
    assert admin.is_superuser and admin.is_staff


def test_builds_about_sixty_requests_in_every_state(demo):
    requests = FOIRequest.objects.all()
    assert 55 <= requests.filter(batch=None).count() <= 70
    # The scenarios' requests, and the three of the demo's batch (demo/build_batches.py).
    assert requests.filter(batch=None).count() == len(SCENARIOS)
    assert set(requests.values_list("state", flat=True)) == set(State.values)
    assert requests.filter(state__in=OPEN_STATES, due_at__lt=timezone.now()).count() >= 3
    answered = set(requests.filter(state=State.ANSWERED).values_list("outcome", flat=True))
    assert {"full", "partial", "not_held"} <= answered
    assert requests.filter(visibility="private", private_until__gt=timezone.localdate()).exists()
    assert requests.filter(public_name_choice="pseudonym").exists()
    assert requests.filter(public_name_choice="withheld", public_name="").exists()
    assert requests.exclude(urgency="normal").exists()
    assert requests.filter(transferred_at__isnull=False).exists()
    assert requests.filter(registered_by__isnull=False, channel="post").exists()
    assert requests.filter(extensions_count=1).exists()
    assert requests.filter(clarified_at__isnull=False).exists()
    assert requests.filter(fee_paid_at__isnull=False, state=State.ANSWERED).exists()
    assert Message.objects.filter(kind="internal_note").exists()
    assert Attachment.objects.filter(approved=True).exists()
    assert Attachment.objects.filter(approved=False).exists()
    # Spread over months, not all made today.
    first = requests.exclude(submitted_at=None).order_by("submitted_at").first()
    assert (timezone.now() - first.submitted_at).days > 180


def test_covers_every_turn_of_the_appeal_route(demo):
    under_appeal = Appeal.objects.filter(foi_request__state=State.UNDER_APPEAL, decision="")
    assert set(under_appeal.values_list("level__code", flat=True)) == {
        "internal_review",
        "ombudsman",
    }
    closed = FOIRequest.objects.filter(state=State.CLOSED)
    assert closed.filter(events__kind="lapse").exists()
    assert closed.filter(appeals__decision="upheld", appeals__decided_at=F("closed_at")).exists()
    reopened = FOIRequest.objects.filter(
        state=State.IN_PROGRESS, appeals__decision__in=["overturned", "partly_overturned"]
    )
    assert reopened.exists()
    assert all(foi_request.due_at > timezone.now() for foi_request in reopened)


def test_holds_every_way_an_email_body_moves(demo):
    """Issue 19: replies waiting, moves recorded by the requester, an answer through the reply
    link, and an appeal decided by the reviewing body's letter."""
    from foi import selectors
    from foi.models import CaseEvent, Message

    waiting = Message.objects.filter(kind="email_in", classified_as="", from_body__isnull=False)
    assert waiting.count() >= 2
    assert selectors.replies_waiting_older_than(timezone.timedelta(days=7)).exists()
    labels = set(CaseEvent.objects.values_list("actor_label", flat=True))
    assert {"letter:requester", "reply_link"} <= labels
    by_letter = Appeal.objects.filter(
        decision="overturned", decided_by__isnull=True, reviewing_body__memberships__isnull=True
    )
    assert by_letter.exists()


def test_every_audit_chain_holds(demo):
    for foi_request in FOIRequest.objects.all():
        assert case_events_verify(foi_request=foi_request) is None
    call_command("foi_verify_audit", stdout=io.StringIO())


def test_yesterdays_audit_root_is_published_over_the_sent_requests(demo):
    from foi.models import AuditRoot

    root = AuditRoot.objects.get()
    assert root.date == timezone.localdate() - datetime.timedelta(days=1)
    sent = FOIRequest.objects.exclude(state="draft").exclude(reference=None).count()
    assert 0 < root.leaf_count <= sent


def test_no_real_email_address_anywhere(demo):
    addresses = [
        *User.objects.values_list("email", flat=True),
        *PublicBody.objects.exclude(request_email="").values_list("request_email", flat=True),
    ]
    for text in Message.objects.values_list("text", flat=True):
        addresses.extend(EMAIL.findall(text))
    for scenario in SCENARIOS:
        addresses.extend(EMAIL.findall(scenario["text"]))
    assert addresses
    assert all(address.endswith(".example") for address in addresses), addresses


def test_shows_progress_and_a_summary(demo):
    assert f"requests {len(SCENARIOS)}/{len(SCENARIOS)}" in demo.stderr
    assert "Demo data loaded." in demo.stdout
    assert "audit chains" in demo.stdout


def test_the_summary_lists_every_account_the_readme_documents(demo):
    # The README's table of demo accounts is what people sign in with: each of its e-mail
    # addresses and passwords is printed, the CMS's moderator too.
    readme = (FIXTURES_DIR.parent / "README.md").read_text()
    table = readme.split("### Demo accounts", 1)[1].split("\n\n", 3)[2]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "@" in line]
    assert len(rows) >= 9
    for row in rows:
        found = re.findall(r"`([^`]+)`", row)
        email, password = found[0], found[-1]
        printed = [line for line in demo.stdout.splitlines() if email in line]
        assert printed and password in printed[0], row
    assert re.search(r"moderator@demo\.example\s+demo-moderator-2026\s+moderator", demo.stdout)


def test_a_second_run_puts_a_changed_body_back(demo):
    PublicBody.objects.filter(slug="azersu").update(
        request_email="changed@elsewhere.example", parent=None
    )
    load_demo()
    azersu = PublicBody.objects.get(slug="azersu")
    assert azersu.request_email == "foi@azersu.example"
    assert azersu.parent.slug == "cabinet-of-ministers"


def test_running_it_again_changes_nothing(demo):
    before = counts()
    again = load_demo()
    assert counts() == before
    # The scenarios' and the three of the demo's batch to the cities.
    assert f"requests        {len(SCENARIOS) + 3} (0 new)" in again.stdout


def test_demo_accounts_can_sign_in_with_their_documented_password(demo, client):
    from demo.accounts import PASSWORDS

    response = client.post(
        "/accounts/login/",
        {"login": "aysel@demo.example", "password": PASSWORDS["citizen"]},
    )
    assert response.status_code == 302
    assert client.get("/requests/").context["user"].email == "aysel@demo.example"


def test_declares_one_day_of_mourning_through_the_service(demo):
    from demo.build_calendar import DEMO_BASIS
    from foi.models import DeclaredDay

    declared = DeclaredDay.objects.get(legal_basis=DEMO_BASIS)
    assert declared.kind == "mourning" and declared.country == "AZ"
    assert declared.day > timezone.localdate()
    for event in CaseEvent.objects.filter(kind="due_date_moved"):
        assert event.data["day"] == declared.day.isoformat()


def test_writes_letter_templates_for_one_body_in_three_languages(demo):
    from foi.models import LetterTemplate

    templates = LetterTemplate.objects.filter(body__slug="ministry-of-finance")
    assert {(t.action, t.language) for t in templates} == {
        (action, language)
        for action in ("ask_clarification", "refuse")
        for language in ("az", "en", "ru")
    }
    assert all(t.updated_by.email == "finance.coordinator@demo.example" for t in templates)
    assert LetterTemplate.objects.count() == templates.count()
    load_demo()
    assert LetterTemplate.objects.count() == templates.count()


def test_one_suggestion_of_a_body_waits_for_a_moderator(demo):
    from demo.build_suggestions import DEMO_EMAIL
    from foi.models import BodySuggestion

    suggestion = BodySuggestion.objects.get()
    assert suggestion.is_pending and suggestion.value == DEMO_EMAIL
    assert suggestion.field == "request_email" and suggestion.suggested_by.email.endswith(
        "demo.example"
    )


def test_tural_keeps_two_saved_searches_saved_a_month_ago(demo):
    from datetime import timedelta

    from alerts.models import SavedSearch

    mine = SavedSearch.objects.filter(user__email="tural@demo.example")
    searches = {s.frequency: s for s in mine}
    assert set(searches) == {"daily", "weekly"}
    assert searches["daily"].query == "büdcə"
    assert searches["weekly"].filters == {"outcome": "full"}
    month_ago = timezone.now() - timedelta(days=20)
    assert all(s.created_at < month_ago for s in searches.values())


def test_one_batch_was_sent_to_three_cities_and_one_waits_for_a_moderator(demo):
    from demo.build_batches import CITIES, CITIES_SUBJECT, MINISTRIES_SUBJECT
    from foi.models import Batch, BatchStatus

    sent = Batch.objects.get(subject=CITIES_SUBJECT)
    assert sent.status == BatchStatus.FILED
    states = dict(FOIRequest.objects.filter(batch=sent).values_list("body__slug", "state"))
    assert states == {
        CITIES[0]: State.ANSWERED,
        CITIES[1]: State.SUBMITTED,
        CITIES[2]: State.IN_PROGRESS,
    }
    waiting = Batch.objects.get(subject=MINISTRIES_SUBJECT)
    assert waiting.status == BatchStatus.PENDING and waiting.bodies.count() > 10
    assert not FOIRequest.objects.filter(batch=waiting).exists()
    load_demo()
    assert Batch.objects.count() == 2
