"""Bench data at scale (``manage.py seed_bench``): generated, bulk-inserted, deterministic."""
