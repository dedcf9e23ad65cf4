"""Elasticsearch down: writes still reach the database fallback, searches are answered from it
with a notice, and the cluster's index catches up when it answers again (no live cluster needed:
a closed port plays the dead cluster)."""

import pytest
from django.core.management import call_command

from core.models import DeferredTask
from search import api
from search.backends.elastic import ElasticsearchBackend

DEAD_CLUSTER = "http://127.0.0.1:9"  # the discard port: nothing answers


@pytest.fixture
def elasticsearch_down(settings, db):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = DEAD_CLUSTER
    settings.SEARCH_DATABASE_FALLBACK = True


def test_with_the_cluster_down_search_answers_from_the_database(
    elasticsearch_down, answered, client
):
    foi_request = answered("Staff list of the ministry")
    # The index write that failed waits to be done again; the fallback was written at once.
    (waiting,) = DeferredTask.objects.all()
    assert waiting.task_path == "search.tasks.index_object_task"
    assert waiting.args == ["request", str(foi_request.pk)]

    results = api.search("staff list")
    assert results.degraded
    assert [hit.reference for hit in results.hits] == [foi_request.reference]
    page = client.get("/search/", {"q": "staff list"})
    assert page.status_code == 200
    assert "simpler backup index" in page.content.decode()
    assert foi_request.reference in page.content.decode()
    assert [r.pk for r in api.similar_requests(text="the staff list of the ministry")] == [
        foi_request.pk
    ]


def test_the_index_catches_up_when_the_cluster_returns(elasticsearch_down, answered, monkeypatch):
    foi_request = answered("Staff list of the ministry")
    assert DeferredTask.objects.count() == 1
    written = []
    monkeypatch.setattr(
        ElasticsearchBackend, "upsert", lambda self, documents: written.extend(documents)
    )
    call_command("foi_requeue")  # cron, every minute
    assert [document.key for document in written] == [f"request:{foi_request.pk}"]
    assert not DeferredTask.objects.exists()


def test_without_the_fallback_a_dead_cluster_is_a_clear_503(settings, db, client):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = DEAD_CLUSTER
    settings.SEARCH_DATABASE_FALLBACK = False
    with pytest.raises(api.SearchUnavailable):
        api.search("staff")
    response = client.get("/search/", {"q": "staff"})
    assert response.status_code == 503
    assert "not available right now" in response.content.decode()
