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
