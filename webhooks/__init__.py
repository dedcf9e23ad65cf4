"""Outbound webhooks: signed deliveries of case events to subscribers' own systems
(docs/webhooks.md)."""
