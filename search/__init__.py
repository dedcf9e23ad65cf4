"""One search interface over answered requests and disclosures.

``search.search(query, filters, page, user)`` returns plain data (``search.results``);
``search.api.similar_requests`` serves the filing wizard. Backends: Elasticsearch
(``ELASTICSEARCH_URL``) or the database (PostgreSQL full text, SQLite FTS5). Documents come from
providers registered in ``search.registry`` and are kept current on commit.
"""


def search(query="", filters=None, page=1, user=None, **options):
    from search.api import search as run

    return run(query, filters, page, user, **options)
