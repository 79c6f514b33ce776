"""``/sitemap.xml``: every public page in every interface language, with hreflang alternates:
published organisations, public networks (all but those being set up) and public events that are
not over yet (cancelled ones too: their page says so). Drafts and members-only events never."""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from events.models import Event
from networks.models import Network
from opendata.selectors import open_events
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
            "events:archive",
            "opendata:index",
            "imprint",
            "privacy",
            "accessibility",
            "easy_read",
            "sign_language",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganisationSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Organisation]:
        return Organisation.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Organisation) -> datetime.datetime:
        return item.updated_at


class NetworkSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Network]:
        return Network.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Network) -> datetime.datetime:
        return item.updated_at


class EventSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self) -> QuerySet[Event]:
        return open_events().upcoming().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Event) -> datetime.datetime:
        return item.updated_at


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": StaticPagesSitemap,
    "organisations": OrganisationSitemap,
    "networks": NetworkSitemap,
    "events": EventSitemap,
}
