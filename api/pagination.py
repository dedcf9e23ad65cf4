from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """``?page=N``; ``count``, ``next``, ``previous`` and ``results``."""

    page_size = 25
    invalid_page_message = _("There is no such page of results.")
