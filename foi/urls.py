from django.urls import path

from foi.views import requests

app_name = "foi"
urlpatterns = [
    path("requests/", requests.request_list, name="request_list"),
    path("requests/<str:reference>/", requests.request_detail, name="request_detail"),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/",
        requests.attachment_download,
        name="attachment_download",
    ),
]
