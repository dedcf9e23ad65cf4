"""What the queue's speed-ups must not change: the filters' HTML, and a sidebar that is each
person's own and follows their memberships."""

import json
import re

import pytest
from django import forms
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.test.html import parse_html

from foi.models import Membership
from workspace import widgets
from workspace.filters import QueueFilterForm

QUEUE = "/admin/workspace/"


@pytest.mark.parametrize(
    ("choices", "value", "attrs"),
    [
        ([("", "Any"), ("a", "A & B"), ("b", '"quoted" <b>')], "b", {"id": "id_x"}),
        ([("1", "One"), ("2", "Two")], None, {"id": "id_y", "required": True, "disabled": False}),
        ([("Group", [("g1", "G one"), ("g2", "G two")]), ("z", "Zed")], "g2", {"class": "k"}),
        ([], "", {}),
    ],
)
def test_the_quick_select_writes_what_djangos_templates_write(choices, value, attrs):
    ours = widgets.Select(choices=choices).render("x", value, attrs=dict(attrs))
    django = forms.Select(choices=choices).render("x", value, attrs=dict(attrs))
    assert parse_html(ours) == parse_html(django)


def test_a_filter_field_keeps_wagtails_layout_and_shows_errors(world):
    form = QueueFilterForm({"due_within": "999"}, user=world.coordinator)
    form.set_body(world.coordinator.memberships.first().body)
    assert not form.is_valid()
    html = Template("{% load foi_workspace %}{% filter_field form.due_within %}").render(
        Context({"form": form})
    )
    assert 'class="w-field w-field--integer_field w-field--number_input w-field--error"' in html
    assert '<label class="w-field__label" for="id_due_within" id="id_due_within-label">' in html
    assert 'class="error-message"' in html and "60" in html
    assert 'name="due_within"' in html and 'value="999"' in html


def _sidebar(response) -> dict:
    found = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert found, "the admin page has no sidebar"
    return json.loads(found.group(1))


def _links(props) -> set[str]:
    return set(re.findall(r'"url": "([^"]+)"', json.dumps(props)))


def test_the_sidebar_is_each_persons_own(client, world):
    cache.clear()
    client.force_login(world.coordinator)
    coordinators = _sidebar(client.get(QUEUE))
    client.force_login(world.officer)
    officers = _sidebar(client.get(QUEUE))
    # The coordinator's letter templates are not the officer's; each got their own menu.
    assert "/admin/workspace/templates/" in _links(coordinators)
    assert "/admin/workspace/templates/" not in _links(officers)
    # A second visit is served from the cache and is the same menu.
    client.force_login(world.coordinator)
    assert _sidebar(client.get(QUEUE)) == coordinators


def test_the_sidebar_follows_a_change_of_membership_at_once(client, world):
    cache.clear()
    client.force_login(world.officer)
    assert "/admin/workspace/templates/" not in _links(_sidebar(client.get(QUEUE)))
    Membership.objects.filter(user=world.officer).update(role="coordinator")
    assert "/admin/workspace/templates/" in _links(_sidebar(client.get(QUEUE)))


def test_the_sidebar_is_in_the_language_of_the_page(client, world):
    cache.clear()
    client.force_login(world.officer)
    english = _sidebar(client.get(QUEUE, HTTP_ACCEPT_LANGUAGE="en"))
    client.cookies["django_language"] = "ru"
    russian = _sidebar(client.get(QUEUE))
    assert json.dumps(english) != json.dumps(russian)


def test_the_sidebar_cache_is_off_with_zero_seconds(settings, world):
    from workspace import sidebar

    settings.WORKSPACE_SIDEBAR_SECONDS = 0
    cache.clear()
    request = RequestFactory().get(QUEUE)
    request.user = world.officer
    sidebar.sidebar_props(Context({"request": request}))
    assert cache.get(sidebar._key(world.officer)) is None
    settings.WORKSPACE_SIDEBAR_SECONDS = 60
    sidebar.sidebar_props(Context({"request": request}))
    assert cache.get(sidebar._key(world.officer)) is not None


@pytest.mark.parametrize(
    ("kind", "days", "english"),
    [
        ("overdue", 3, "Overdue by 3 working days"),
        ("overdue", 1, "Overdue by 1 working day"),
        ("overdue", 0, "Overdue"),
        ("due_soon", 0, "Due soon: today"),
        ("due_soon", 2, "Due soon: 2 working days left"),
        ("stopped", 0, "Waiting for the requester"),
        ("on_track", 5, "5 working days left"),
    ],
)
def test_the_deadline_badge_says_each_kind_in_each_language(kind, days, english):
    from django.utils import translation

    from workspace.selectors import DeadlineStatus
    from workspace.templatetags.foi_workspace import deadline_badge

    status = DeadlineStatus(kind, days)
    with translation.override("en"):
        html = deadline_badge(status)
    assert html == f'<span class="foi-deadline foi-deadline--{kind}">{english}</span>'
    for language in ("az", "ru"):
        with translation.override(language):
            assert english not in deadline_badge(status)  # translated
    assert deadline_badge(DeadlineStatus("none")) == ""
    assert deadline_badge("") == ""  # an undefined variable in a template
