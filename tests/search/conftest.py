import pytest

from foi import services
from foi.models import State
from search.backends import get_backend
from search.documents import FilePart, IndexDocument


@pytest.fixture
def backend(db):
    backend = get_backend()
    backend.clear()
    return backend


@pytest.fixture
def answered(world, committed):
    """An answered public request of the world's ministry, indexed as the workflow would."""

    def make(
        subject,
        text="Please send it.",
        answer="Here it is.",
        files=(),
        approve=True,
        outcome="full",
        **overrides,
    ):
        foi_request = world.request(
            State.IN_PROGRESS, assignee=world.officer, subject=subject, text=text, **overrides
        )
        with committed():
            foi_request = services.foi_request_answer(
                foi_request=foi_request,
                actor=world.officer,
                outcome=outcome,
                text=answer,
                files=list(files),
                exemptions=[{"code": "personal-data"}] if outcome == "partial" else None,
            )
        if approve:
            for attachment in foi_request.messages.get(kind="response").attachments.all():
                with committed():
                    services.attachment_approve(attachment=attachment, actor=world.officer)
        return foi_request

    return make


def document(kind="request", object_id="1", title="", text="", files=(), **fields):
    """A document as a provider would make it, for tests of a backend alone."""
    return IndexDocument(
        kind=kind,
        object_id=str(object_id),
        url=f"/{kind}/{object_id}/",
        title=title,
        text=text,
        files=tuple(FilePart(name=name, text=body) for name, body in files),
        **fields,
    )
