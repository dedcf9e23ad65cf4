"""Small filters for the workspace's templates."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import camelcase_to_underscore

from foi.models import Channel, State, Urgency

register = template.Library()

AUDIENCE_WORDS = {
    "public": _("public"),
    "parties": _("the parties only"),
    "internal": _("internal: the body only"),
}


@register.filter
def state_label(value: str) -> str:
    return str(_label(State, value)) if value else "—"


@register.filter
def audience_words(value: str) -> str:
    return str(AUDIENCE_WORDS.get(value, value))


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)


REQUIRED_MARK = mark_safe('<span class="w-required-mark">*</span>')


@register.simple_tag
def filter_field(field):
    """A field of a GET filter form in Wagtail's field layout (``formattedfield``'s classes and
    data attributes), written out here: Wagtail's tag renders five templates per field, which
    on the queue cost more than its queries. Filter forms have no help texts and no comments."""
    errors = format_html_join(" ", "{}", ((error,) for error in field.errors))
    return format_html(
        '<div class="w-field__wrapper" data-field-wrapper>'
        '<label class="w-field__label" for="{id}" id="{id}-label">{label}{required}</label>'
        '<div class="w-field w-field--{kind} w-field--{widget}{error_class}" data-field'
        ' data-contentpath="{name}">'
        '<div class="w-field__errors" data-field-errors>{errors}</div>'
        '<div class="w-field__help" data-field-help></div>'
        '<div class="w-field__input" data-field-input>{input}</div></div></div>',
        id=field.id_for_label,
        label=field.label,
        required=REQUIRED_MARK if field.field.required else "",
        kind=camelcase_to_underscore(type(field.field).__name__),
        widget=camelcase_to_underscore(type(field.field.widget).__name__),
        error_class=" w-field--error" if field.errors else "",
        name=field.name,
        errors=format_html('<p class="error-message">{}</p>', errors) if field.errors else "",
        input=field.as_widget(),
    )


@register.simple_tag
def deadline_badge(status):
    """How a request stands against its due moment (``workspace.selectors.DeadlineStatus``),
    as a badge: written here rather than in a template, since the queue shows one per row."""
    kind = getattr(status, "kind", "")
    if kind in ("none", ""):
        return ""
    days = status.working_days
    if status.kind == "overdue":
        text = (
            ngettext("Overdue by %(days)s working day", "Overdue by %(days)s working days", days)
            % {"days": days}
            if days
            else gettext("Overdue")
        )
    elif status.kind == "due_soon":
        text = (
            gettext("Due soon: today")
            if days == 0
            else ngettext(
                "Due soon: %(days)s working day left", "Due soon: %(days)s working days left", days
            )
            % {"days": days}
        )
    elif status.kind == "stopped":
        text = gettext("Waiting for the requester")
    elif status.kind == "on_track":
        text = ngettext("%(days)s working day left", "%(days)s working days left", days) % {
            "days": days
        }
    else:
        return ""
    return format_html('<span class="foi-deadline foi-deadline--{}">{}</span>', status.kind, text)


@register.simple_tag
def state_tag(foi_request, hidden_label=""):
    """The request's state as Wagtail's status tag (``{% status %}``'s HTML), without its
    template: one per row of the queue."""
    hidden = format_html('<span class="w-sr-only">{}</span>', hidden_label) if hidden_label else ""
    return format_html(
        '<span class="w-status w-status--primary">{}{}</span>',
        hidden,
        _label(State, foi_request.state),
    )


def _label(choices, value) -> str:
    """A choice's label by the enumeration (``get_FOO_display`` rebuilds a dictionary of every
    choice on each call, which showed on the queue's fifty rows)."""
    try:
        return choices(value).label
    except ValueError:
        return value


@register.simple_tag
def queue_row(item, status):
    """One row of the queue, written here: through the template language the fifty rows were
    more than half of the page's time at a million requests (docs/benchmarks.md)."""
    if item.due_at:
        due_at = timezone.localtime(item.due_at)
        due = format_html(
            '<time datetime="{}">{}</time><br>{}',
            date_filter(due_at, "c"),
            date_filter(due_at, "D j M Y"),
            deadline_badge(status),
        )
    else:
        due = "—"
    if item.assignee_id:
        assignee = str(item.assignee)
    else:
        assignee = format_html("<em>{}</em>", gettext("Unassigned"))
    received = item.received_at and date_filter(timezone.localtime(item.received_at), "j M Y")
    urgency = (
        format_html('<span class="foi-urgent">{}</span><br>', _label(Urgency, item.urgency))
        if item.urgency != "normal"
        else ""
    )
    return format_html(
        '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
        "<td>{}</td><td>{}{}</td></tr>",
        reverse("foi_workspace:case", args=[item.reference]),
        item.reference,
        item.subject,
        due,
        state_tag(item),
        assignee,
        item.requester.get_full_name() or item.public_name,
        received or "",
        urgency,
        _label(Channel, item.channel),
    )
