"""Atom feed of newly published organisations (events join once the events app has them)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from organisations.models import Organisation

FEED_LENGTH = 50


class NewOrganisationsFeed(Feed):
    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def title(self) -> str:
        return _("Newly published organisations · %(site)s") % {"site": settings.SITE_NAME}

    def subtitle(self) -> str:
        return _("Organisations that were published in the directory most recently.")

    def link(self) -> str:
        return reverse("organisations:list")

    def feed_copyright(self) -> str:
        return _("Data licence: %(name)s (%(url)s)") % {
            "name": settings.DATA_LICENCE_NAME,
            "url": settings.DATA_LICENCE_URL,
        }

    def items(self) -> QuerySet[Organisation]:
        return (
            Organisation.objects.published()
            .exclude(published_at=None)
            .select_related("kind")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item: Organisation) -> str:
        return item.name

    def item_description(self, item: Organisation) -> str:
        return truncatewords(item.description, 60)

    def item_link(self, item: Organisation) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Organisation) -> str:
        return f"urn:uuid:{item.uuid}"

    def item_pubdate(self, item: Organisation) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Organisation) -> datetime.datetime:
        return item.updated_at

    def item_categories(self, item: Organisation) -> list[str]:
        return [item.kind.name]
