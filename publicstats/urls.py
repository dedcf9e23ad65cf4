from django.urls import path, register_converter

from publicstats import views

app_name = "publicstats"


class FormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "fmt")

urlpatterns = [
    path("", views.statistics_index, name="index"),
    path("methodology/", views.methodology, name="methodology"),
    path("bodies.<fmt:fmt>", views.bodies_download, name="bodies_download"),
    path("overall.<fmt:fmt>", views.overall_download, name="overall_download"),
    path("bodies/<slug:slug>/", views.body_statistics, name="body"),
    path("bodies/<slug:slug>.<fmt:fmt>", views.body_download, name="body_download"),
    path("bodies/<slug:slug>/<int:year>/", views.body_annual_report, name="body_annual"),
    path("bodies/<slug:slug>/<int:year>.csv", views.body_annual_download, name="body_annual_csv"),
]
