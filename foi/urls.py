from django.urls import path

from foi.views import (
    account,
    audit,
    batches,
    bodies,
    calendars,
    case_actions,
    consent,
    dashboard,
    exports,
    feeds,
    filing,
    laws,
    letters,
    redact,
    replies,
    requests,
)

app_name = "foi"
urlpatterns = [
    # Browsing and the case page
    path("requests/", requests.request_list, name="request_list"),
    path("requests/feed/", feeds.AllRequestsFeed(), name="request_feed"),
    path("requests/export.<str:fmt>", exports.public_requests_export, name="request_export"),
    # Filing (before requests/<reference>/, which would swallow "new")
    path("requests/new/", filing.start, name="filing_start"),
    path("requests/new/<int:pk>/body/", filing.body_step, name="filing_body"),
    path("requests/new/<int:pk>/letter/", filing.letter_step, name="filing_letter"),
    path("requests/new/<int:pk>/details/", filing.details_step, name="filing_details"),
    path("requests/new/<int:pk>/preview/", filing.preview, name="filing_preview"),
    path("requests/new/<int:pk>/autosave/", filing.autosave, name="filing_autosave"),
    path("requests/new/<int:pk>/discard/", filing.discard, name="filing_discard"),
    # Batch requests: one letter to many bodies
    path("batches/new/", batches.batch_new, name="batch_new"),
    path("batches/<str:reference>/", batches.batch_detail, name="batch_detail"),
    path("batches/<str:reference>/follow/", batches.batch_follow, name="batch_follow"),
    path("requests/join/<str:token>/", consent.request_join, name="request_join"),
    path("requests/<str:reference>/", requests.request_detail, name="request_detail"),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/",
        requests.attachment_download,
        name="attachment_download",
    ),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/searchable/",
        requests.attachment_searchable_download,
        name="attachment_searchable_download",
    ),
    path(
        "requests/<str:reference>/feed/", feeds.RequestTimelineFeed(), name="request_timeline_feed"
    ),
    path("requests/<str:reference>/case-file.zip", exports.case_file, name="request_case_file"),
    path("requests/<str:reference>/clarify/", case_actions.clarify, name="request_clarify"),
    path("requests/<str:reference>/withdraw/", case_actions.withdraw, name="request_withdraw"),
    path("requests/<str:reference>/appeal/", case_actions.appeal, name="request_appeal"),
    path("requests/<str:reference>/remind/", case_actions.remind, name="request_remind"),
    path(
        "requests/<str:reference>/messages/<int:message_id>/confirm-sender/",
        case_actions.confirm_sender,
        name="request_confirm_sender",
    ),
    path(
        "requests/<str:reference>/replies/<int:message_id>/classify/",
        letters.classify,
        name="request_classify_reply",
    ),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/publish/",
        letters.publish_file,
        name="attachment_publish",
    ),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/redact/",
        redact.redact_file,
        name="attachment_redact",
    ),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/redact/pages/<int:page>/",
        redact.redact_page,
        name="attachment_redact_page",
    ),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/ocr-status/",
        requests.attachment_ocr_status,
        name="attachment_ocr_status",
    ),
    path(
        "requests/<str:reference>/replies/<int:message_id>/suggest/",
        replies.suggest,
        name="request_reply_suggest",
    ),
    path("requests/<str:reference>/follow/", case_actions.follow_request, name="request_follow"),
    # The body directory
    path("audit/roots/", audit.audit_roots, name="audit_roots"),
    path("audit/roots/feed/", audit.AuditRootsFeed(), name="audit_roots_feed"),
    path("laws/", laws.law_list, name="law_list"),
    path("laws/<slug:code>/", laws.law_detail, name="law_detail"),
    path("bodies/", bodies.body_list, name="body_list"),
    path("bodies/autocomplete/", bodies.body_autocomplete, name="body_autocomplete"),
    path("bodies/suggest/", bodies.body_suggest, name="body_suggest"),
    path("bodies/<slug:slug>/", bodies.body_detail, name="body_detail"),
    path(
        "bodies/<slug:slug>/suggest/",
        bodies.body_suggest_correction,
        name="body_suggest_correction",
    ),
    path("bodies/<slug:slug>/feed/", feeds.BodyRequestsFeed(), name="body_feed"),
    path("bodies/<slug:slug>/follow/", bodies.follow_body, name="body_follow"),
    # The person's own pages (allauth keeps /accounts/ for sign-in, e-mail and password)
    path("me/", dashboard.dashboard, name="dashboard"),
    path("me/profile/", account.profile, name="profile"),
    path("me/close/", account.close_account, name="close_account"),
    path("me/calendar/reset/", calendars.calendar_reset, name="calendar_reset"),
    path("me/calendar/<str:token>.ics", calendars.calendar_feed, name="calendar_feed"),
]
