from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeferredTask(models.Model):
    """Background work that could not be queued because the queue (Redis) was unreachable.

    The request that caused it has committed; the work waits here until ``foi_requeue`` (cron,
    every minute, and the daily sweep) finds the queue again. Nothing is lost while Redis is down.
    """

    task_path = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    run_after = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        # Created when it lived in the foi app; the table kept its name (core/migrations/0001).
        db_table = "foi_deferredtask"
        ordering = ["id"]
        verbose_name = _("task waiting for the queue")
        verbose_name_plural = _("tasks waiting for the queue")

    def __str__(self) -> str:
        return f"{self.task_path}{tuple(self.args)}"
