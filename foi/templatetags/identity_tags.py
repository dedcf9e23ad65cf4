"""The sign-in page's button for the state identity provider, read from settings alone (no
query): nothing is offered while no provider is configured (foi.auth.social)."""

from django import template
from django.urls import reverse

from foi.auth.social import oidc_app

register = template.Library()


@register.simple_tag
def identity_provider():
    app = oidc_app()
    if app is None:
        return None
    return {
        "name": app["name"],
        "login_url": reverse("openid_connect_login", kwargs={"provider_id": app["provider_id"]}),
    }
