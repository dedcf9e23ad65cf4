from django.urls import path

from mail import views

app_name = "foi_mail"
urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

# The reply link of a letter to a body (mail/replylinks.py), under the request's own URL;
# included by config/urls.py before foi's urls.
reply_urlpatterns = [
    path("requests/<str:reference>/reply/<str:token>/", views.reply_link, name="reply_link"),
]
