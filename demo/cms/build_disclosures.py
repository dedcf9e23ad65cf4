"""The demo's disclosures (with Wagtail documents made from small generated files) and a
couple of disclosure-log entries made from answered demo requests through the real service
and moderation workflow."""

from __future__ import annotations

from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms import selectors, services
from cms.models import (
    DisclosureCategory,
    DisclosureDocument,
    DisclosureIndexPage,
    DisclosureLogPage,
    DisclosurePage,
)
from foi import selectors as foi_selectors

from .disclosures import LOG_SUBJECTS, disclosures

COLLECTION = "Proactive disclosures"


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION).first() or root.add_child(name=COLLECTION)


def _document(name: str, content: bytes, *, title: str, user):
    Document = get_document_model()
    document = Document(title=title, collection=_collection(), uploaded_by_user=user)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def disclosures_ensure(*, hub, editor, moderator) -> int:
    """Written by the editor, published by the moderator."""
    today = selectors.today()
    created = 0
    for item in disclosures(today):
        section = (
            DisclosureIndexPage.objects.filter(locale=hub.locale, body__slug=item["body"])
            .select_related("body")
            .first()
        )
        if section is None:
            continue
        existing = section.get_children().filter(slug=item["slug"]).specific().first()
        if existing is not None:
            created += _translations_ensure(existing, item, moderator=moderator)
            continue
        language = section.locale.language_code
        category = DisclosureCategory.objects.get(law=section.body.law, code=item["category"])
        start, end = item["period"] or (None, None)
        name, content = item["file"]
        page = DisclosurePage(
            title=item["titles"][language],
            slug=item["slug"],
            category=category,
            publication_date=item["published"],
            period_start=start,
            period_end=end,
            summary=item["summaries"][language],
            owner=editor,
        )
        page.documents = [
            DisclosureDocument(document=_document(name, content, title=item["title"], user=editor))
        ]
        section.add_child(instance=page)
        page.save_revision(user=editor).publish(user=moderator)
        created += 1 + _translations_ensure(page, item, moderator=moderator)
    return created


def _translations_ensure(page: DisclosurePage, item: dict, *, moderator) -> int:
    """The page in the other languages its section is translated into (the same documents)."""
    created = 0
    for section in page.get_parent().get_translations():
        locale = section.locale
        if page.has_translation(locale):
            continue
        copy = page.copy_for_translation(locale)
        copy.title = item["titles"][locale.language_code]
        copy.summary = item["summaries"][locale.language_code]
        copy.save_revision(user=moderator).publish(user=moderator)
        created += 1
    return created


@contextmanager
def wagtail_mail_quiet():
    """Wagtail e-mails moderators when a page is submitted or approved; loading the demo must
    not (the demo's own notices are silenced the same way, see mail.suppression)."""
    from wagtail.admin import signal_handlers
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import (
        task_submitted,
        workflow_approved,
        workflow_rejected,
        workflow_submitted,
    )

    receivers = [
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
        (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
        (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    ]
    for signal, sender, uid in receivers:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    try:
        yield
    finally:
        signal_handlers.register_signal_handlers()


def log_entries_ensure(*, editor, moderator) -> int:
    """The first entry is submitted by the editor and approved by the moderator; the second is
    submitted and waits in the moderator's queue."""
    created = 0
    candidates = foi_selectors.foi_request_public_qs().filter(
        Q(subject__in=LOG_SUBJECTS), state="answered"
    )
    by_subject = {foi_request.subject: foi_request for foi_request in candidates}
    for position, subject in enumerate(LOG_SUBJECTS):
        foi_request = by_subject.get(subject)
        if (
            foi_request is None
            or DisclosureLogPage.objects.filter(foi_request=foi_request).exists()
        ):
            continue
        page = services.disclosure_log_draft_create(foi_request=foi_request, actor=editor)
        workflow = page.get_workflow()
        if workflow is None:
            continue
        with wagtail_mail_quiet():
            state = workflow.start(page, editor)
            if position == 0:
                task_state = state.current_task_state
                task_state.task.specific.on_action(task_state, moderator, "approve")
        created += 1
    return created
