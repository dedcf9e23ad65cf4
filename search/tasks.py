"""Background work for search (Django's Tasks API): thin wrappers over search.indexing."""

from django_tasks import task

from search import indexing


@task()
def index_object_task(kind: str, object_id: str) -> str:
    return indexing.index_object(kind, object_id)


@task()
def update_index_task() -> int:
    """Repair the index: what ``search_index --update`` does (daily, for requests whose private
    period has ended and anything a lost task left behind)."""
    return indexing.repair(indexing.check())
