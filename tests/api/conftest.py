import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def api():
    """A JSON client; ``api.as_(user)`` signs in with that person's token (None: anonymous)."""
    client = APIClient()

    def as_(user):
        if user is None:
            client.credentials()
        else:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    client.as_ = as_
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...`` runs what waits for the commit (indexing) at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


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
