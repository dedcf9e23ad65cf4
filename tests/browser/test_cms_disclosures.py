"""An editor publishes a disclosure with a document through the moderation workflow; a
visitor then finds it on the body's disclosures page and downloads the document."""

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from cms.models import DisclosurePage
from tests.cms.conftest import tree  # noqa: F401  (the CMS world, as a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory
CSV = b"month,pm25\njanuary,31\nfebruary,28\n"


def sign_in(browser, live_server, user):
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    return context, page


def open_action_menu(page):
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()


def test_an_editor_publishes_a_disclosure_through_moderation(
    browser,
    page,
    live_server,
    tree,  # noqa: F811
    tmp_path,
):
    upload = tmp_path / "sumgait-air-quality-2026.csv"
    upload.write_bytes(CSV)

    # The editor writes the disclosure, attaches a document and submits it for review.
    editor_context, editor = sign_in(browser, live_server, tree.editor)
    editor.goto(f"{live_server.url}/admin/pages/{tree.section.pk}/add_subpage/")
    editor.get_by_placeholder("Page title*").fill("Air quality in Sumgait, 2026")
    editor.get_by_label("Category").select_option(label="29.1.1 Collected or summarised statistics")
    editor.get_by_role("textbox", name="Summary").fill("Monthly PM2.5 averages by station.")
    editor.locator("#id_documents-ADD").click()
    editor.locator("#id_documents-0-document-chooser [data-chooser-action-choose]").first.click()
    modal = editor.locator(".modal-content")
    modal.get_by_role("tab", name="Upload").click()
    modal.locator("input[type=file]").set_input_files(str(upload))
    modal.get_by_label("Title").fill("Sumgait air quality, monthly")
    modal.locator("#tab-upload [type=submit]").first.click()
    expect(editor.locator("#id_documents-0-document-chooser")).to_contain_text(
        "Sumgait air quality, monthly"
    )
    open_action_menu(editor)
    # An editor may not publish: the workflow is the only way out.
    expect(editor.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    editor.get_by_role("button", name="Submit to Disclosure review").click()
    expect(editor.get_by_text("In moderation", exact=False).first).to_be_visible()
    editor_context.close()

    disclosure = DisclosurePage.objects.get(title="Air quality in Sumgait, 2026")
    assert not disclosure.live
    page.goto(f"{live_server.url}{tree.section.url}")
    expect(page.locator("main")).not_to_contain_text("Air quality in Sumgait, 2026")

    # The moderator approves it, which publishes it.
    moderator_context, moderator = sign_in(browser, live_server, tree.moderator)
    moderator.goto(f"{live_server.url}/admin/pages/{disclosure.pk}/edit/")
    open_action_menu(moderator)
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    moderator.wait_for_url(f"**/admin/pages/{tree.section.pk}/")
    moderator_context.close()
    disclosure.refresh_from_db()
    assert disclosure.live

    # A visitor finds it from the disclosures hub, on the body's page, and gets the file.
    page.goto(f"{live_server.url}{tree.hub.url}")
    page.get_by_role("link", name="Ministry of Finance").click()
    main = page.locator("main")
    expect(main).to_contain_text("Collected or summarised statistics")
    page.get_by_role("link", name="Air quality in Sumgait, 2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Air quality in Sumgait, 2026")
    expect(page.locator("main")).to_contain_text("Monthly PM2.5 averages by station.")
    document = page.get_by_role("link", name="Sumgait air quality, monthly")
    response = page.request.get(live_server.url + document.get_attribute("href"))
    assert response.ok
    assert response.body() == CSV
