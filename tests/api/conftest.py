"""The API's tests share ``api`` and ``committed`` with every test (tests/conftest.py)."""


def snapshot(foi_request):
    """What must not change when an action is refused."""
    from foi.models import CaseEvent, FOIRequest, Message

    row = FOIRequest.objects.get(pk=foi_request.pk)
    return (
        row.state,
        row.version,
        row.body_id,
        row.assignee_id,
        CaseEvent.objects.filter(foi_request=row).count(),
        Message.objects.filter(foi_request=row).count(),
    )


def assert_one_sentence(response):
    data = response.json()
    assert set(data) <= {"detail", "errors"}, data
    detail = data["detail"]
    assert isinstance(detail, str) and detail.strip(), data
    assert "\n" not in detail
    return detail
