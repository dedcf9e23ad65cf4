from django.urls import path

from alerts import views

app_name = "alerts"
urlpatterns = [
    path("", views.saved_search_list, name="list"),
    path("save/", views.saved_search_save, name="save"),
    path("<int:pk>/", views.saved_search_change, name="change"),
    path("<int:pk>/delete/", views.saved_search_delete, name="delete"),
    path("<int:pk>/feed/reset/", views.saved_search_feed_reset, name="feed_reset"),
    path("feed/<str:token>.atom", views.saved_search_feed, name="feed"),
    path("stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
