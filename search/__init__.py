"""One search interface over answered requests and disclosures (its own issue): backends for
Elasticsearch and the database, fed on commit by ``foi.signals.case_event_committed``."""
