"""Background work for foi (Django's Tasks API): thin wrappers over foi's services."""

from django_tasks import task


@task()
def attachment_ocr_task(attachment_id: int) -> str:
    """Read the text of a scan (``foi.services.ocr``)."""
    from foi.services.ocr import attachment_ocr_run

    return attachment_ocr_run(attachment_id=attachment_id)
