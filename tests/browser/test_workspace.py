"""The workspace end to end in a real browser: a coordinator assigns; the officer answers in part
with a file and an exemption and approves the file; the public then sees both; an officer of
another body cannot open the case."""

import pytest
from allauth.account.models import EmailAddress

from foi.models import Attachment, FOIRequest, InvokedExemption, State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture
def new_page(browser):
    """Pages of separate browser sessions, all closed after the test: an open one would keep a
    connection to the live server past its end."""
    contexts = []

    def make():
        contexts.append(browser.new_context(locale="en-GB"))
        return contexts[-1].new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(new_page, live_server, user, next_path="/admin/workspace/"):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    page = new_page()
    page.goto(f"{live_server.url}{next_path}")
    # The admin sends everyone to the one sign-in page (allauth's, which asks for TOTP codes).
    assert "/accounts/login/" in page.url
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{live_server.url}{next_path}")
    return page


def test_assign_answer_in_part_approve_and_publish(new_page, live_server, world):
    foi_request = world.request(State.SUBMITTED, subject="Staff of the Treasury, 2025")

    # The coordinator finds the request in the unassigned view and assigns it.
    coordinator = sign_in(new_page, live_server, world.coordinator)
    coordinator.get_by_role("link", name="Unassigned (1)").click()
    coordinator.get_by_role("link", name=foi_request.reference).click()
    coordinator.get_by_role("link", name="Assign to an officer").click()
    coordinator.get_by_label("Assign to").select_option(label=str(world.officer))
    coordinator.get_by_role("button", name="Assign to an officer").click()
    assert f"Assigned to {world.officer}" in coordinator.locator(".messages").inner_text()
    assert FOIRequest.objects.get(pk=foi_request.pk).assignee == world.officer

    # The officer finds it under "assigned to me" and answers in part.
    officer = sign_in(new_page, live_server, world.officer)
    officer.get_by_role("link", name="Assigned to me (1)").click()
    officer.get_by_role("link", name=foi_request.reference).click()
    officer.get_by_role("link", name="Answer").click()
    officer.get_by_label("Information given in part").check()
    officer.get_by_label("The answer").fill("The staff list is attached; names withheld.")
    officer.get_by_label("Files").set_input_files(
        files=[{"name": "staff.csv", "mimeType": "text/csv", "buffer": b"post,count\nclerk,3\n"}]
    )
    ground = officer.get_by_role("group", name="Ground 1")
    ground.get_by_label("Ground", exact=True).select_option("personal-data")
    ground.get_by_label("Withheld from file").fill("staff.csv")
    ground.get_by_label("What is withheld, and why").fill("Names of junior staff (Art. 38).")
    officer.get_by_role("button", name="Answer").click()
    assert "Answered." in officer.locator(".messages").inner_text()
    invoked = InvokedExemption.objects.get(foi_request=foi_request)
    assert (invoked.exemption.code, invoked.attachment.original_name) == (
        "personal-data",
        "staff.csv",
    )

    # The file stays private until the officer approves it, a step of its own.
    visitor = new_page()
    visitor.goto(f"{live_server.url}/requests/{foi_request.reference}/")
    assert "names withheld" in visitor.locator("main").inner_text()
    assert visitor.get_by_role("link", name="staff.csv").count() == 0
    officer.get_by_role("button", name="Approve staff.csv for publication").click()
    assert "staff.csv is approved" in officer.locator(".messages").inner_text()
    assert Attachment.objects.get().approved

    # The public now sees the answer and the approved file.
    visitor.reload()
    assert "The staff list is attached" in visitor.locator(".timeline").inner_text()
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="staff.csv").click()
    assert download.value.suggested_filename == "staff.csv"

    # An officer of another body cannot open the case in the workspace.
    other = sign_in(new_page, live_server, world.other_officer)
    response = other.goto(f"{live_server.url}/admin/workspace/requests/{foi_request.reference}/")
    assert response.status in (403, 404)
    assert "staff.csv" not in other.content()
