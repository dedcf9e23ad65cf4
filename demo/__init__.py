"""The demo: real public bodies of Azerbaijan, demo accounts for every role and about sixty
requests in every state, built through ``foi.services`` at past moments (``clock.travel``).

Data modules (``accounts``, ``body_names_ru``, ``scenarios``) hold plain Python data; builder
modules (``build_*``) turn it into rows. ``manage.py load_demo_data`` runs the builders.
"""
