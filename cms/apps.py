from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import pagecache

        # Wagtail's pages in the anonymous page cache, and what makes them stale.
        pagecache.connect()
