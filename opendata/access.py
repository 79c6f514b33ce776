"""Who may import entries on the web: district staff into their districts (city-wide staff,
once the role exists, into any). Every import view asks here."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from opendata.models import ImportUpload
from organisations.access import AnyUser, staffed_districts
from organisations.models import District


def import_districts(user: AnyUser) -> QuerySet[District]:
    """The districts whose entries this person may create and update by an import."""
    return staffed_districts(user).select_related("city").order_by("name")


def require_importer(user: AnyUser) -> QuerySet[District]:
    """The person's import districts; 403 for a signed-in person without any."""
    districts = import_districts(user)
    if not districts.exists():
        raise PermissionDenied
    return districts


def own_upload(user: AnyUser, upload_id: UUID) -> ImportUpload:
    """One of the person's own uploads that has not expired; 404 for anyone else's."""
    require_importer(user)
    upload = ImportUpload.objects.current().filter(uploaded_by=user.pk, pk=upload_id).first()
    if upload is None:
        raise Http404
    return upload
