"""The workspace's addresses, under the Wagtail admin (which checks admin access first)."""

from django.urls import path

from workspace.views import (
    actions,
    appeals,
    batches,
    body_suggestions,
    case,
    intake,
    letter_templates,
    queue,
    redact,
    replies,
    reports,
)

app_name = "foi_workspace"
urlpatterns = [
    path("", queue.QueueView.as_view(), name="queue"),
    path("register/", intake.RegisterView.as_view(), name="register"),
    path("appeals/", appeals.AppealsView.as_view(), name="appeals"),
    path("reports/", reports.ReportView.as_view(), name="reports"),
    path("replies/", replies.ReplyQueueView.as_view(), name="replies"),
    path("replies/<int:message_id>/", replies.ClassifyReplyView.as_view(), name="classify_reply"),
    path("templates/", letter_templates.LetterTemplateListView.as_view(), name="letter_templates"),
    path(
        "templates/new/",
        letter_templates.LetterTemplateCreateView.as_view(),
        name="letter_template_create",
    ),
    path(
        "templates/<int:template_id>/",
        letter_templates.LetterTemplateEditView.as_view(),
        name="letter_template_edit",
    ),
    path("batches/", batches.BatchQueueView.as_view(), name="batches"),
    path("batches/<str:reference>/", batches.BatchDecideView.as_view(), name="batch"),
    path(
        "body-suggestions/",
        body_suggestions.BodySuggestionQueueView.as_view(),
        name="body_suggestions",
    ),
    path(
        "body-suggestions/<int:suggestion_id>/",
        body_suggestions.BodySuggestionDecideView.as_view(),
        name="body_suggestion",
    ),
    path("requests/<str:reference>/", case.CaseView.as_view(), name="case"),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/approve/",
        actions.ApproveAttachmentView.as_view(),
        name="approve_attachment",
    ),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/redact/",
        redact.RedactView.as_view(),
        name="redact",
    ),
    path(
        "requests/<str:reference>/files/<int:attachment_id>/redact/pages/<int:page>/",
        redact.RedactPageView.as_view(),
        name="redact_page",
    ),
    path(
        "requests/<str:reference>/messages/<int:message_id>/confirm-sender/",
        actions.ConfirmSenderView.as_view(),
        name="confirm_sender",
    ),
    path("requests/<str:reference>/<slug:action>/", actions.action, name="action"),
]
