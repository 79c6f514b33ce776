"""Atom feeds of newly published organisations and of new public events."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.ical import event_location
from events.models import Event, EventQuerySet
from opendata.selectors import open_events
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
            .prefetch_related("kind__translations")
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


class NewEventsFeed(Feed):
    """Public events not yet over, most recently published first. A cancelled event stays in
    the feed, marked as cancelled, so that subscribers learn of it."""

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def title(self) -> str:
        return _("New events · %(site)s") % {"site": settings.SITE_NAME}

    def subtitle(self) -> str:
        return _("Public events that were published most recently.")

    def link(self) -> str:
        return reverse("events:index")

    def feed_copyright(self) -> str:
        return _("Data licence: %(name)s (%(url)s)") % {
            "name": settings.DATA_LICENCE_NAME,
            "url": settings.DATA_LICENCE_URL,
        }

    def items(self) -> EventQuerySet:
        return (
            open_events()
            .upcoming()
            .with_organisers()
            # Events published through the admin may lack published_at.
            .order_by(Coalesce("published_at", "created_at").desc(), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item: Event) -> str:
        if item.is_cancelled:
            return _("Cancelled: %(title)s") % {"title": item.title}
        return item.title

    def item_description(self, item: Event) -> str:
        starts = timezone.localtime(item.starts_at)
        when = date_format(starts, "DATETIME_FORMAT")
        # The online link is for confirmed participants only: event_location leaves it out.
        facts = [when, event_location(item), item.organiser_names]
        return " · ".join(facts) + "\n\n" + truncatewords(item.description, 60)

    def item_link(self, item: Event) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Event) -> str:
        # The same in every language, unlike the page's URL.
        host = urlsplit(settings.SITE_URL).hostname or "migra-hub.invalid"
        return f"tag:{host},{item.created_at:%Y-%m-%d}:event-{item.pk}"

    def item_pubdate(self, item: Event) -> datetime.datetime:
        return item.published_at or item.created_at

    def item_updateddate(self, item: Event) -> datetime.datetime:
        return item.updated_at

    def item_author_name(self, item: Event) -> str:
        return item.organiser_names

    def item_categories(self, item: Event) -> list[str]:
        return [str(item.get_kind_display())]
