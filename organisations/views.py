from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from organisations.access import visible_organisations
from organisations.models import Organisation


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.published().select_related("kind").order_by("name")
    page = Paginator(organisations, 25).get_page(request.GET.get("page"))
    return render(request, "organisations/organisation_list.html", {"page": page})


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        visible_organisations(request.user).select_related("kind"), slug=slug
    )
    return render(request, "organisations/organisation_detail.html", {"organisation": organisation})
