import pytest

from alerts import services
from tests.search.conftest import answered, backend  # noqa: F401 (fixtures)


@pytest.fixture
def saved(world, backend):  # noqa: F811
    """``saved(query, user=, **options)``: a saved search, made through its service."""

    def make(query="", user=None, **options):
        return services.saved_search_create(user=user or world.citizen, query=query, **options)

    return make
