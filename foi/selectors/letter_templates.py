"""Reading a body's letter templates, and filling one for a request.

The values come only from what the request shows in public (its reference, subject, body and
due date) and the requester's PUBLIC name: their pseudonym, their name if they chose to show it,
or "Name withheld" (as on the request's page); never an e-mail, phone or address.
Each value is written in the template's language, so a Russian letter gets a Russian date.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from core.errors import NotVisible
from foi import permissions
from foi.letter_templates import placeholders_fill
from foi.models import Exemption, LetterTemplate, PublicBody
from foi.models.i18n import translated


def _in_page_language_first(queryset: QuerySet) -> QuerySet:
    language = (translation.get_language() or "en")[:2]
    first = Case(
        When(language=language, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return queryset.order_by(first, "language", "title")


def letter_templates_for_action(*, foi_request, action: str, user) -> list[LetterTemplate]:
    """The templates offered in ``action``'s form on ``foi_request``: those of the body that
    holds it, for its law, for members of that body (and admins); the page's language first."""
    if not (
        permissions.is_person(user)
        and (user.is_superuser or permissions.is_member(user, foi_request.body_id))
    ):
        return []
    queryset = LetterTemplate.objects.filter(
        body_id=foi_request.body_id, law_id=foi_request.law_id, action=action
    )
    return list(_in_page_language_first(queryset))


def letter_template_for_action(*, foi_request, action: str, user, template_id) -> LetterTemplate:
    """One of ``letter_templates_for_action``; any other (another body's, another action's) is
    NotVisible."""
    for letter_template in letter_templates_for_action(
        foi_request=foi_request, action=action, user=user
    ):
        if str(letter_template.pk) == str(template_id):
            return letter_template
    raise NotVisible(gettext("No such letter template."))


def _ground_lines(foi_request, codes) -> str:
    exemptions = Exemption.objects.filter(law_id=foi_request.law_id, code__in=list(codes))
    lines = []
    for exemption in exemptions.order_by("position", "article"):
        article = gettext("Art. %(article)s") % {"article": exemption.article}
        lines.append(f"- {translated(exemption, 'title')} ({article})")
    return "\n".join(lines)


def letter_template_values(*, foi_request, language: str, grounds=()) -> dict[str, str]:
    """The placeholders' values for ``foi_request``, written in ``language``."""
    with translation.override(language):
        due = ""
        if foi_request.due_at is not None:
            local = foi_request.due_at.astimezone(ZoneInfo(foi_request.law.time_zone))
            due = date_format(local.date(), "DATE_FORMAT")
        return {
            "requester": foi_request.public_name or gettext("Name withheld"),
            "reference": foi_request.reference,
            "subject": foi_request.subject,
            "due_date": due,
            "grounds": _ground_lines(foi_request, grounds),
            "body": translated(foi_request.body, "name"),
        }


def letter_template_filled(*, letter_template: LetterTemplate, foi_request, grounds=()) -> str:
    """The template's text with the request's values in place of its placeholders."""
    values = letter_template_values(
        foi_request=foi_request, language=letter_template.language, grounds=grounds
    )
    return placeholders_fill(letter_template.text, values)


# -- editing: the coordinators' list -----------------------------------------------------------


def letter_template_bodies(*, user) -> QuerySet:
    """The bodies whose templates ``user`` may write: those they coordinate (admins: those with
    members)."""
    if not permissions.is_person(user):
        return PublicBody.objects.none()
    if user.is_superuser:
        return PublicBody.objects.filter(memberships__isnull=False).distinct()
    coordinated = [
        body_id
        for body_id, roles in permissions.body_roles(user).items()
        if permissions.COORDINATOR in roles
    ]
    return PublicBody.objects.filter(pk__in=coordinated)


def letter_template_list(*, user) -> QuerySet:
    return (
        LetterTemplate.objects.filter(body__in=letter_template_bodies(user=user))
        .select_related("body", "law")
        .order_by("body__name_az", "action", "language", "title")
    )


def letter_template_get(*, user, template_id) -> LetterTemplate:
    """A template of a body ``user`` works for (admins: any); any other is NotVisible. Whether
    they may change it is the services' question (coordinators only)."""
    letter_template = (
        LetterTemplate.objects.select_related("body", "law").filter(pk=template_id).first()
    )
    if letter_template is None or not (
        permissions.is_person(user)
        and (user.is_superuser or permissions.is_member(user, letter_template.body_id))
    ):
        raise NotVisible(gettext("No such letter template."))
    return letter_template
