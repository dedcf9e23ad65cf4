"""Views for tests/core/test_pagecache.py: pages that must never be shared."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from core import pagecache


def with_token(request):
    return HttpResponse(f"<form><input name='csrfmiddlewaretoken' value='{get_token(request)}'>")


def with_cookie(request):
    response = HttpResponse("a cookie")
    response.set_cookie("seen", "1")
    return response


def with_session(request):
    request.session["seen"] = True
    return HttpResponse("a session")


def not_found(request):
    return HttpResponse("nothing", status=404)


def plain(request):
    return HttpResponse(f"plain {request.GET.get('q', '')}")


for view in (with_token, with_cookie, with_session, not_found, plain):
    pagecache.register(view, depends_on=lambda **kwargs: ("site",), params=("q",))

urlpatterns = [
    path("token/", with_token),
    path("cookie/", with_cookie),
    path("session/", with_session),
    path("missing/", not_found),
    path("plain/", plain),
]
