"""The site with the test provider beside it, and with sign-in by state identity switched on
(config.urls leaves its third-party pages out while no provider was configured at import)."""

from config import urls as site_urls
from tests.oidc_idp.idp import idp_urlpatterns

urlpatterns = [
    *idp_urlpatterns,
    *[p for p in site_urls.urlpatterns if p not in site_urls.social_off_urlpatterns],
]
