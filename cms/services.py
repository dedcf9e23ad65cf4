"""Writes of the CMS. Keyword-only, they lock, check, write and log; they raise
``core.errors`` exceptions with one sentence for the person, and change nothing then."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText

from core.errors import Conflict, InvalidInput, NotPermitted, NotVisible
from foi import selectors as foi_selectors
from foi.models import State
from foi.privacy.masking import mask_text, requester_identifiers

from . import permissions, selectors
from .models import DisclosureCategory, DisclosureLogDocument, DisclosureLogPage, DisclosurePage

LOG_COLLECTION = "Disclosure log"


def _log_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=LOG_COLLECTION).first()
    return existing or root.add_child(name=LOG_COLLECTION)


def _document_from(attachment, *, actor):
    Document = get_document_model()
    name = get_valid_filename(attachment.original_name) or "file"
    with attachment.file.open("rb") as handle:
        content = handle.read()
    document = Document(
        title=attachment.original_name[:255],
        collection=_log_collection(),
        uploaded_by_user=actor,
    )
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def disclosure_log_draft_create(*, foi_request, actor) -> DisclosureLogPage:
    """A draft disclosure-log entry with the request's public answer and its approved files.

    Only what an anonymous visitor sees of the answer is copied (public response messages and
    approved attachments); the requester's contact details are removed even from that text.
    The draft stays unpublished until a moderator approves it in Wagtail's workflow.
    """
    with transaction.atomic():
        index = selectors.disclosure_log_index()
        if index is None:
            raise InvalidInput(_("There is no disclosure log to add to yet."))
        # One writer at a time under the log: the duplicate check below then holds.
        Page.objects.select_for_update().filter(pk=index.pk).first()
        public = (
            foi_selectors.foi_request_public_qs()
            .filter(pk=foi_request.pk)
            .select_related("body", "requester")
            .first()
        )
        if public is None:
            raise NotVisible(_("No such request."))
        if not permissions.can_create_log_draft(public, actor):
            raise NotPermitted(_("You may not put this request into the disclosure log."))
        if public.state != State.ANSWERED:
            raise Conflict(_("Only answered requests can go into the disclosure log."))
        if selectors.disclosure_log_page_for(foi_request=public) is not None:
            raise Conflict(_("This request is already in the disclosure log."))
        answer = selectors.public_answer(foi_request=public)
        if answer.is_empty:
            raise InvalidInput(_("This request has no public answer to publish."))

        # What must never reach a log entry even if an officer typed it into the answer, found
        # by the same matcher as every public page (the answer's messages come masked already).
        private = requester_identifiers(public)
        blocks = []
        for message in answer.responses:
            text = mask_text(message.text.strip(), private)
            if text:
                blocks.append(("paragraph", RichText(linebreaks(escape(text)))))
        page = DisclosureLogPage(
            title=mask_text(public.subject, private)[:255],
            slug=slugify(public.reference) or "entry",
            foi_request=public,
            request_reference=public.reference,
            body=public.body,
            answered_on=timezone.localdate(public.answered_at) if public.answered_at else None,
            outcome=public.outcome,
            answer=blocks,
            owner=actor,
            live=False,
        )
        page.documents = [
            DisclosureLogDocument(
                document=_document_from(attachment, actor=actor),
                attachment_sha256=attachment.sha256,
                sort_order=position,
            )
            for position, attachment in enumerate(answer.attachments)
        ]
        index.add_child(instance=page)
        page.save_revision(user=actor, log_action=False)
        log(instance=page, action="wagtail.create", user=actor)
    return page


def disclosure_categories_load(*, law) -> tuple[int, int]:
    """Create or update the law's shipped categories; returns (created, updated).
    Categories editors added themselves are left alone."""
    from .law_categories import CATEGORIES
    from .models import DisclosureCategory

    created = updated = 0
    with transaction.atomic():
        for values in CATEGORIES.get(law.code, []):
            values = {"body_kinds": [], "confirmed": True, **values}
            code = values.pop("code")
            category, was_created = DisclosureCategory.objects.get_or_create(
                law=law, code=code, defaults=values
            )
            if was_created:
                created += 1
                continue
            changed = [name for name, value in values.items() if getattr(category, name) != value]
            if changed:
                for name in changed:
                    setattr(category, name, values[name])
                category.full_clean()
                category.save(update_fields=changed)
                updated += 1
    return created, updated


def can_start_disclosure(*, section, user) -> bool:
    """Editors (and moderators, admins): a Wagtail right to add pages to the body's section."""
    from foi import permissions as foi_permissions

    if section is None or not foi_permissions.is_person(user):
        return False
    return section.permissions_for_user(user).can_add_subpage()


def disclosure_draft_from_requests(*, body, category_id, request_ids, actor) -> DisclosurePage:
    """A draft proactive disclosure in ``body``'s section, under a category of its law, linking
    the answered public requests that asked for the same thing ("asked N times"). It stays a
    draft until a moderator publishes it."""
    ids = {int(pk) for pk in request_ids if str(pk).isdigit()}
    if not ids:
        raise InvalidInput(_("Choose the requests the disclosure answers."))
    with transaction.atomic():
        section = selectors.disclosure_index_for(body=body)
        if section is None:
            raise InvalidInput(_("This body has no disclosures section to add to yet."))
        if not can_start_disclosure(section=section, user=actor):
            raise NotPermitted(_("You may not add disclosures for this body."))
        category = (
            DisclosureCategory.objects.filter(pk=int(category_id), law_id=body.law_id).first()
            if str(category_id).isdigit()
            else None
        )
        if category is None:
            raise InvalidInput(_("Choose a disclosure category of the body's law."))
        requests = list(
            foi_selectors.foi_request_public_qs()
            .filter(pk__in=ids, body=body, state=State.ANSWERED)
            .select_related("requester")
            .order_by("answered_at", "pk")
        )
        if len(requests) != len(ids):
            raise InvalidInput(_("Only the body's answered public requests can be linked."))
        first = requests[0]
        subject = mask_text(first.subject, requester_identifiers(first))
        base = slugify(f"asked-{first.reference}") or "asked"
        slug, n = base, 2
        while section.get_children().filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        page = DisclosurePage(
            title=subject[:255],
            slug=slug,
            category=category,
            summary=ngettext(
                "Asked %(count)d time through Sorğu; published for everyone.",
                "Asked %(count)d times through Sorğu; published for everyone.",
                len(requests),
            )
            % {"count": len(requests)},
            owner=actor,
            live=False,
        )
        page.related_requests = requests  # a parental relation: saved with the page
        section.add_child(instance=page)
        page.save_revision(user=actor, log_action=False)
        log(instance=page, action="wagtail.create", user=actor)
    return page
