"""Every list and detail page, feed, export and API endpoint asks the database the same number
of times whatever the number of rows, messages and attachments: measured with a little data,
then again after more requests (each with messages and files) and more messages on the one shown.
Numbers of queries are asserted; times never are (see bench/)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foi import services
from foi.models import Message, State


def grow(world, shown, count):
    """``count`` more answered public requests, each with a letter and an approved file, and
    ``count`` more messages with files on the request that detail pages show."""
    for index in range(count):
        foi_request = world.request(State.IN_PROGRESS, assignee=world.officer)
        Message.objects.create(foi_request=foi_request, kind="letter", text=f"letter {index}")
        foi_request = services.foi_request_answer(
            foi_request=foi_request,
            actor=world.officer,
            outcome="full",
            text="Here.",
            files=[(f"f{index}.txt", f"file {index}".encode())],
        )
        for attachment in foi_request.messages.get(kind="response").attachments.all():
            services.attachment_approve(attachment=attachment, actor=world.officer)
        message = Message.objects.create(
            foi_request=shown, kind="email_in", audience="parties", text=f"reply {index}"
        )
        services.attachment_create(message=message, name=f"r{index}.txt", content=b"a reply")
        world.request(State.SUBMITTED, requester=world.requester)


def count(client, url) -> int:
    cache.clear()
    client.get(url)  # warm what is read once per process (content types, the site, the law)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def pages(world, shown):
    ref = shown.reference
    return [
        ("anonymous", "/requests/"),
        ("anonymous", "/requests/?state=answered&sort=due"),
        ("anonymous", f"/requests/{ref}/"),
        ("requester", f"/requests/{ref}/"),
        ("officer", f"/requests/{ref}/"),
        ("anonymous", "/bodies/"),
        ("anonymous", f"/bodies/{world.ministry.slug}/"),
        ("requester", "/me/"),
        ("anonymous", "/requests/feed/"),
        ("anonymous", f"/bodies/{world.ministry.slug}/feed/"),
        ("anonymous", f"/requests/{ref}/feed/"),
        ("anonymous", "/search/?q=here"),
        ("anonymous", "/statistics/"),
        ("anonymous", f"/statistics/bodies/{world.ministry.slug}/"),
        ("officer", "/admin/workspace/"),
        ("officer", f"/admin/workspace/requests/{ref}/"),
        ("anonymous", "/api/v1/requests/"),
        ("requester", "/api/v1/requests/"),
        ("anonymous", f"/api/v1/requests/{ref}/"),
        ("officer", f"/api/v1/requests/{ref}/"),
        ("anonymous", "/api/v1/bodies/"),
        ("anonymous", f"/api/v1/bodies/{world.ministry.slug}/"),
        ("anonymous", "/api/v1/laws/"),
        ("anonymous", "/api/v1/search/?q=here"),
        ("anonymous", "/api/v1/stats/bodies/"),
    ]


def test_no_page_asks_more_as_the_data_grows(client, world):
    shown = world.request(State.IN_PROGRESS, assignee=world.officer)
    grow(world, shown, 2)
    before = {}
    for role, url in pages(world, shown):
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        before[(role, url)] = count(client, url)
    grow(world, shown, 8)
    grown = {}
    for role, url in pages(world, shown):
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        grown[(role, url)] = count(client, url)
    changed = {key: (before[key], grown[key]) for key in before if grown[key] != before[key]}
    assert not changed, changed


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_bulk_export_streams_in_a_fixed_number_of_queries(client, world, fmt):
    shown = world.request(State.ANSWERED)
    grow(world, shown, 2)

    def streamed():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/requests/export.{fmt}")
            b"".join(response.streaming_content)
        return len(captured)

    few = streamed()
    grow(world, shown, 8)
    assert streamed() == few
