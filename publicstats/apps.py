from django.apps import AppConfig


class PublicStatsConfig(AppConfig):
    name = "publicstats"
    verbose_name = "Public statistics"

    def ready(self):
        from publicstats import signals

        signals.connect()
