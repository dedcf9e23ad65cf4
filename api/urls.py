from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import audit, auth, case, clients, saved_searches, stats, views, webhooks

app_name = "api"
urlpatterns = [
    path("v1/auth/token/", auth.TokenView.as_view(), name="token"),
    # An agency system's OAuth2 client-credentials token (api.clients).
    path("oauth/token/", clients.ClientTokenView.as_view(), name="oauth_token"),
    path("v1/laws/", views.LawListView.as_view(), name="law_list"),
    path("v1/laws/<slug:code>/", views.LawDetailView.as_view(), name="law_detail"),
    path("v1/bodies/", views.BodyListView.as_view(), name="body_list"),
    path("v1/bodies/<slug:slug>/", views.BodyDetailView.as_view(), name="body_detail"),
    path(
        "v1/bodies/<slug:slug>/officers/",
        views.BodyOfficersView.as_view(),
        name="body_officers",
    ),
    path("v1/requests/", views.RequestListView.as_view(), name="request_list"),
    path("v1/requests/<str:reference>/", views.RequestDetailView.as_view(), name="request_detail"),
    path("v1/requests/<str:reference>/case/", case.RequestCaseView.as_view(), name="request_case"),
    path(
        "v1/requests/<str:reference>/audit-proof/",
        audit.RequestAuditProofView.as_view(),
        name="request_audit_proof",
    ),
    path("v1/audit/roots/", audit.AuditRootListView.as_view(), name="audit_roots"),
    path("v1/audit/roots/<str:day>/", audit.AuditRootDetailView.as_view(), name="audit_root"),
    path(
        "v1/requests/<str:reference>/actions/<str:action>/",
        views.RequestActionView.as_view(),
        name="request_action",
    ),
    path("v1/batches/", views.BatchCreateView.as_view(), name="batch_list"),
    path("v1/batches/<str:reference>/", views.BatchDetailView.as_view(), name="batch_detail"),
    path("v1/search/", views.SearchView.as_view(), name="search"),
    # Outbound webhooks: the signed-in person's own subscriptions (docs/webhooks.md).
    path("v1/webhooks/", webhooks.WebhookListView.as_view(), name="webhook_list"),
    path("v1/webhooks/<int:pk>/", webhooks.WebhookDetailView.as_view(), name="webhook_detail"),
    path("v1/webhooks/<int:pk>/test/", webhooks.WebhookTestView.as_view(), name="webhook_test"),
    path(
        "v1/webhooks/<int:pk>/secret/", webhooks.WebhookSecretView.as_view(), name="webhook_secret"
    ),
    # Saved searches with alerts: the signed-in person's own (alerts/).
    path(
        "v1/saved-searches/",
        saved_searches.SavedSearchListView.as_view(),
        name="saved_search_list",
    ),
    path(
        "v1/saved-searches/<int:pk>/",
        saved_searches.SavedSearchDetailView.as_view(),
        name="saved_search_detail",
    ),
    path("v1/stats/bodies/", stats.StatsBodiesView.as_view(), name="stats_bodies"),
    path("v1/stats/bodies/<slug:slug>/", stats.StatsBodyView.as_view(), name="stats_body"),
    # The open case format's JSON Schema (foi.case_format): one stable address per version.
    path("schema/case/v1.json", case.CaseSchemaView.as_view(), name="case_schema_v1"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its script from a URL: the strict CSP allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^[\s\S]*$", views.NotFoundView.as_view(), name="not_found"),
]
