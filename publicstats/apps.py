from django.apps import AppConfig


class PublicStatsConfig(AppConfig):
    name = "publicstats"
    verbose_name = "Public statistics"
