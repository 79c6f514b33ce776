"""Who may import entries on the web: district staff into their districts, city-wide staff into
any. Every import view asks here."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from opendata.models import ImportUpload
from organisations.access import AnyUser, is_city_staff, staffed_districts
from organisations.models import District


def import_districts(user: AnyUser) -> QuerySet[District]:
    """The districts whose entries this person may create and update by an import."""
    districts = District.objects.all() if is_city_staff(user) else staffed_districts(user)
    return districts.select_related("city").order_by("name")


def import_limits(user: AnyUser) -> list[District] | None:
    """The districts an import of this person must stay within; None: no limit (city-wide
    staff may also change entries of several districts or none)."""
    return None if is_city_staff(user) else list(import_districts(user))


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
