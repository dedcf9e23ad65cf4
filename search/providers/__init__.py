"""Where the index's documents come from: requests (``requests``) and Wagtail pages (``pages``)."""
