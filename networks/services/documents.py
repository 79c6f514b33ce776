"""The network's documents: uploading, new versions, archiving.

Files are stored (``migra_hub.files.store``) before the rows that name them are written; when
the transaction fails, the stored file is removed again, so that no file is left without its
row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from migra_hub import files
from networks import access
from networks.models import DocumentVersion, Network, NetworkDocument
from networks.models.document import DOCUMENT_FOLDER
from organisations.models import Organisation


def uploading_organisation(user: User, network: Network) -> Organisation | None:
    """The active member organisation the user uploads for (the first by name when they act for
    several); None for staff, who act for no organisation."""
    active = network.memberships.active().values("organisation_id")
    return access.acting_organisations(user).filter(pk__in=active).order_by("name", "pk").first()


@contextmanager
def _stored(upload: files.CheckedUpload) -> Iterator[str]:
    name = files.store(upload, folder=DOCUMENT_FOLDER)
    try:
        yield name
    except BaseException:
        files.delete_stored(name)
        raise


def _add_version(
    *,
    document: NetworkDocument,
    number: int,
    user: User,
    organisation: Organisation | None,
    upload: files.CheckedUpload,
    stored_name: str,
    comment: str,
) -> DocumentVersion:
    version = DocumentVersion(
        document=document,
        number=number,
        file=stored_name,
        filename=upload.name,
        content_type=upload.content_type,
        size=upload.size,
        comment=comment,
        uploaded_by=user,
        uploaded_by_name=str(user),
        organisation=organisation,
    )
    version.full_clean()
    version.save()
    return version


def document_create(
    *, network: Network, user: User, title: str, kind: str, upload: files.CheckedUpload
) -> NetworkDocument:
    """A new document with its first version."""
    if not access.can_see_documents(user, network):
        raise PermissionDenied
    organisation = uploading_organisation(user, network)
    with _stored(upload) as stored_name, transaction.atomic():
        document = NetworkDocument(
            network=network,
            title=title,
            kind=NetworkDocument.Kind(kind),
            organisation=organisation,
            created_by=user,
        )
        document.full_clean()
        document.save()
        _add_version(
            document=document,
            number=1,
            user=user,
            organisation=organisation,
            upload=upload,
            stored_name=stored_name,
            comment="",
        )
    return document


def document_add_version(
    *, document: NetworkDocument, user: User, upload: files.CheckedUpload, comment: str = ""
) -> DocumentVersion:
    """A new version of the document; the earlier ones stay."""
    network = document.network
    if not access.can_see_documents(user, network):
        raise PermissionDenied
    organisation = uploading_organisation(user, network)
    with _stored(upload) as stored_name, transaction.atomic():
        # The document's row lock numbers two uploads at the same moment one after the other.
        locked = NetworkDocument.objects.select_for_update().get(pk=document.pk)
        latest = locked.versions.order_by("-number").values_list("number", flat=True).first()
        return _add_version(
            document=locked,
            number=(latest or 0) + 1,
            user=user,
            organisation=organisation,
            upload=upload,
            stored_name=stored_name,
            comment=comment,
        )


@transaction.atomic
def document_set_archived(
    *, document: NetworkDocument, user: User, archived: bool
) -> NetworkDocument:
    """Archive a document (it leaves the list of current documents, its files stay) or bring it
    back."""
    locked = (
        NetworkDocument.objects.select_for_update().select_related("network").get(pk=document.pk)
    )
    if not access.can_archive_document(user, locked.network, locked):
        raise PermissionDenied
    if locked.is_archived == archived:
        return locked
    locked.archived_at = timezone.now() if archived else None
    locked.archived_by = user if archived else None
    locked.save(update_fields=["archived_at", "archived_by"])
    return locked
