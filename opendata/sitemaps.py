"""``/sitemap.xml``: every public page in every interface language, with hreflang alternates.

After the merge, public networks and public upcoming events join ``SITEMAPS`` (one Sitemap class
each, like ``OrganisationSitemap``).
"""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from organisations.models import Organisation


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "home",
            "organisations:list",
            "networks:index",
            "events:index",
            "opendata:index",
            "imprint",
            "privacy",
            "accessibility",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganisationSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Organisation]:
        return Organisation.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Organisation) -> datetime.datetime:
        return item.updated_at


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": StaticPagesSitemap,
    "organisations": OrganisationSitemap,
}
