"""Imports on the web: staff upload a file, read the dry-run report, and confirm it.

The file waits in the database between the two steps (``ImportUpload``); the confirmation reads
and checks it again and writes only if the report is still the one the person saw."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opendata import access
from opendata.forms import ImportUploadForm
from opendata.import_report import report_counts, report_rows
from opendata.importing import Plan
from opendata.services import (
    ImportChanged,
    ImportRefused,
    import_upload_confirm,
    import_upload_create,
)
from opendata.uploads import plan_fingerprint, upload_plan


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    districts = access.require_importer(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None, districts=districts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = import_upload_create(
            user=request.user,  # type: ignore[arg-type]
            file_name=data["file"].name,
            content=data["content"],
            file_format=data["file_format"],
            district=data["district"],
            status=data["status"],
        )
        return redirect("opendata:import_report", upload_id=upload.pk)
    return render(request, "opendata/import_start.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def import_report(request: HttpRequest, upload_id: UUID) -> HttpResponse:
    upload = access.own_upload(request.user, upload_id)
    districts = list(access.import_districts(request.user))
    if request.method == "POST":
        try:
            plan = import_upload_confirm(
                upload=upload, fingerprint=request.POST.get("fingerprint", ""), districts=districts
            )
        except (ImportChanged, ImportRefused):
            messages.error(
                request,
                _(
                    "The directory changed since the check. Nothing was imported; read the report "
                    "again before you confirm it."
                ),
            )
            return redirect("opendata:import_report", upload_id=upload.pk)
        messages.success(request, imported_message(plan, upload.file_name))
        return redirect("opendata:import")
    plan = upload_plan(upload, districts=districts)
    context = {
        "upload": upload,
        "plan": plan,
        "rows": report_rows(plan),
        "counts": report_counts(plan),
        "fingerprint": plan_fingerprint(plan),
    }
    return render(request, "opendata/import_report.html", context)


def imported_message(plan: Plan, file_name: str) -> str:
    counts = report_counts(plan)
    return _(
        "%(file)s is imported. Entries created: %(created)s, updated: %(updated)s; "
        "offers created or updated: %(offers)s."
    ) % {
        "file": file_name,
        "created": counts["organisation_create"],
        "updated": counts["organisation_update"],
        "offers": counts["offer_changes"],
    }
