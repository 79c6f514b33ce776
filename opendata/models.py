"""What the open-data layer keeps of its own: an uploaded import file between its check and
the staff's confirmation."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import District, Organisation


class ImportUploadQuerySet(models.QuerySet["ImportUpload"]):
    def current(self) -> ImportUploadQuerySet:
        return self.filter(expires_at__gt=timezone.now())


class ImportUpload(models.Model):
    """A file staff uploaded to import, kept here between the dry run and the confirmation.

    The confirmation reads and checks these bytes again (never what a browser sends back), and
    only when their hash is the one of the report the person saw. The row belongs to who
    uploaded it, expires after ``IMPORT_UPLOAD_HOURS`` and is removed once imported.
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (.xlsx)"
        HSDS = "json", "HSDS JSON"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="import_uploads",
        verbose_name=_("uploaded by"),
    )
    file_name = models.CharField(_("file name"), max_length=200)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    district = models.ForeignKey(
        District,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district for entries that name none"),
    )
    status = models.CharField(
        _("status of new entries"),
        max_length=20,
        choices=[
            (Organisation.Status.DRAFT, Organisation.Status.DRAFT.label),
            (Organisation.Status.PUBLISHED, Organisation.Status.PUBLISHED.label),
        ],
        default=Organisation.Status.DRAFT,
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))

    objects = ImportUploadQuerySet.as_manager()

    class Meta:
        verbose_name = _("uploaded import file")
        verbose_name_plural = _("uploaded import files")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name
