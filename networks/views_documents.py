"""Pages of what a network keeps: its documents (with every version), the history of its notes
and its partners.

Documents are for the network's members, curators and city-wide staff; everyone else gets 404
for their pages and files, old versions included. Pages and files that show them are
``never_cache``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from migra_hub import files
from migra_hub.http import AuthenticatedHttpRequest
from networks import access, services
from networks.forms_documents import DocumentForm, NoteEditForm, PartnerForm, VersionForm
from networks.models import DocumentVersion, Network, NetworkDocument

_NEWEST_FIRST = DocumentVersion.objects.order_by("-number")


def _documents(network: Network) -> list[NetworkDocument]:
    return list(
        network.documents.select_related("organisation").prefetch_related(
            Prefetch("versions", queryset=_NEWEST_FIRST, to_attr="newest_first")
        )
    )


@files.accepts_upload
@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def document_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_documents_network(request.user, slug)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = services.document_create(
            network=network,
            user=request.user,
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        )
        messages.success(request, _("The document has been uploaded."))
        return redirect("networks:document", slug=network.slug, pk=document.pk)
    documents = _documents(network)
    return render(
        request,
        "networks/document_list.html",
        {
            "network": network,
            "form": form,
            "documents": [d for d in documents if not d.is_archived],
            "archived": [d for d in documents if d.is_archived],
            "can_curate": access.can_curate(request.user, network),
        },
        status=400 if form.errors else 200,
    )


@files.accepts_upload
@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def document_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    network = access.get_documents_network(request.user, slug)
    document = access.get_document(request.user, network, pk)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.document_add_version(
            document=document,
            user=request.user,
            upload=form.cleaned_data["file"],
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, _("The new version has been uploaded."))
        return redirect("networks:document", slug=network.slug, pk=document.pk)
    return render(
        request,
        "networks/document_detail.html",
        {
            "network": network,
            "document": document,
            "versions": list(document.versions.order_by("-number")),
            "form": form,
            "can_archive": access.can_archive_document(request.user, network, document),
        },
        status=400 if form.errors else 200,
    )


def _download(version: DocumentVersion) -> FileResponse:
    try:
        return files.download_response(
            stored_name=version.file.name or "",
            filename=version.filename,
            content_type=version.content_type,
        )
    except OSError:  # the row is there, its file is not (e.g. a restored database)
        raise Http404 from None


@login_required
@require_safe
def document_download(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponseBase:
    """The document's newest version."""
    network = access.get_documents_network(request.user, slug)
    document = access.get_document(request.user, network, pk)
    version = document.versions.order_by("-number").first()
    if version is None:
        raise Http404
    return _download(version)


@login_required
@require_safe
def version_download(
    request: AuthenticatedHttpRequest, slug: str, pk: int, number: int
) -> HttpResponseBase:
    network = access.get_documents_network(request.user, slug)
    document = access.get_document(request.user, network, pk)
    return _download(get_object_or_404(document.versions.all(), number=number))


@login_required
@require_POST
def document_archive(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    network = access.get_documents_network(request.user, slug)
    document = access.get_document(request.user, network, pk)
    archived = request.POST.get("archived") != "0"
    services.document_set_archived(document=document, user=request.user, archived=archived)
    if archived:
        messages.success(request, _("The document has been archived."))
    else:
        messages.success(request, _("The document is current again."))
    return redirect("networks:document", slug=network.slug, pk=document.pk)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def note_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    network = access.get_network(request.user, slug)
    note = access.get_note(request.user, network, pk)
    if not access.can_edit_note(request.user, network, note):
        raise PermissionDenied
    form = NoteEditForm(request.POST or None, instance=note)
    conflict: services.NoteChanged | None = None
    if request.method == "POST" and form.is_valid():
        try:
            services.note_update(
                note=note, user=request.user, data=form.note_data(), revision=form.revision()
            )
        except services.NoteChanged as changed:
            conflict = changed
            form.add_error(None, changed)
            form.take_revision(changed.current.revision)
        else:
            messages.success(request, _("The note has been saved."))
            return redirect("networks:note_history", slug=network.slug, pk=note.pk)
    return render(
        request,
        "networks/note_form.html",
        {
            "network": network,
            "note": note,
            "form": form,
            "differences": form.conflict_rows(conflict) if conflict else [],
        },
        status=409 if conflict else 200,
    )


@never_cache
@login_required
@require_safe
def note_history(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    network = access.get_network(request.user, slug)
    note = access.get_note(request.user, network, pk)
    return render(
        request,
        "networks/note_history.html",
        {
            "network": network,
            "note": note,
            "versions": list(note.versions.all()),
            "can_edit": access.can_edit_note(request.user, network, note),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_partners(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    form = PartnerForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.partner_add(
            network=network,
            user=request.user,
            name=data["name"],
            kind=data["kind"],
            website=data["website"],
            contact_role=data["contact_role"],
        )
        messages.success(request, _("The partner has been added."))
        return redirect("networks:partners", slug=network.slug)
    return render(
        request,
        "networks/network_partners.html",
        {"network": network, "form": form, "partners": list(network.partners.all())},
    )


@login_required
@require_POST
def partner_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    network = access.get_curated_network(request.user, slug)
    partner = get_object_or_404(network.partners.all(), pk=pk)
    services.partner_remove(partner=partner, user=request.user)
    messages.success(request, _("The partner has been removed."))
    return redirect("networks:partners", slug=network.slug)
