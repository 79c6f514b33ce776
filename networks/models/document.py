"""Documents kept with the network: minutes, agreements and presentations, with every version.

A document belongs to the network, not to the person or organisation that uploaded it: nothing
here is deleted when a membership ends or an account goes (``SET_NULL``), so that what a network
knows outlives staff changes and time-limited projects.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from networks.models.network import Network
from organisations.models import Organisation

# Where the files of the networks' documents are kept in the storage.
DOCUMENT_FOLDER = "networks/documents"


class NetworkDocumentQuerySet(models.QuerySet["NetworkDocument"]):
    def current(self) -> NetworkDocumentQuerySet:
        return self.filter(archived_at__isnull=True)

    def archived(self) -> NetworkDocumentQuerySet:
        return self.filter(archived_at__isnull=False)

    def with_latest_number(self) -> NetworkDocumentQuerySet:
        return self.annotate(latest_number=Max("versions__number"))


class NetworkDocument(models.Model):
    class Kind(models.TextChoices):
        MINUTES = "minutes", _("minutes")
        AGREEMENT = "agreement", _("agreement")
        PRESENTATION = "presentation", _("presentation")
        OTHER = "other", _("other document")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="documents", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MINUTES)
    # The organisation the first version was uploaded for: its people may archive the document.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("archived by"),
    )

    objects = NetworkDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("network document")
        verbose_name_plural = _("network documents")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class DocumentVersion(models.Model):
    """One uploaded file of a document; a new upload adds a version and keeps the older ones."""

    document = models.ForeignKey(
        NetworkDocument,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("document"),
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), max_length=255, upload_to=DOCUMENT_FOLDER)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    comment = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    # A copy of the name, for the list of versions; emptied when the account is deleted.
    uploaded_by_name = models.CharField(_("uploaded by (name)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="one_version_number_per_document"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="version_numbers_start_at_1"),
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.number})"
