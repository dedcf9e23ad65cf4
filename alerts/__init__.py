"""Saved searches with alerts: a signed-in person keeps a search (words and filters) and is
e-mailed, daily or weekly, what newly answered requests and disclosures match it, and has a
private Atom feed of it (docs/architecture.md, "Saved searches and their alerts")."""
