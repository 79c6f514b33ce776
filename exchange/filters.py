"""The exchange's filters (django-filter, the state in the URL) and the number of open posts
per filter value.

As in the directory, the count beside a value says how many posts the list shows when that
value is chosen and the other filters stay as they are. One grouped query per filter keeps the
page's queries independent of the number of posts and values.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Count, Exists, OuterRef
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from exchange.models import Post, PostQuerySet
from networks.models import Network
from organisations.models import District
from organisations.widgets import FastSelect

# Filter name -> the field of Post it filters on.
FIELDS = {"kind": "kind", "category": "category", "district": "districts", "network": "networks"}


def _choice(label: Any, empty: Any) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=label, empty_label=empty, widget=FastSelect, method="keep"
    )


class PostFilter(django_filters.FilterSet):
    kind = _choice(_("Offer or need"), _("Offers and needs"))
    category = _choice(_("Category"), _("All categories"))
    district = _choice(_("District"), _("All districts"))
    network = _choice(_("Network"), _("All networks"))

    class Meta:
        model = Post
        fields = list(FIELDS)

    def __init__(self, data: QueryDict | None, *, queryset: PostQuerySet) -> None:
        super().__init__(data, queryset=queryset)
        shared = Post.networks.through.objects.filter(network=OuterRef("pk"))
        self.labels: dict[str, list[tuple[str, str]]] = {
            "kind": [(value, str(capfirst(label))) for value, label in Post.Kind.choices],
            "category": [(value, str(capfirst(label))) for value, label in Post.Category.choices],
            "district": [
                (str(district.pk), district.name) for district in District.objects.order_by("name")
            ],
            # Networks are public; those with posts (of any state) are few.
            "network": [
                (str(network.pk), network.name)
                for network in Network.objects.public().filter(Exists(shared)).order_by("name")
            ],
        }
        # The values chosen, of those that exist (anything else is the form's error).
        self.chosen = {
            name: value
            for name in FIELDS
            if data is not None
            and (value := data.get(name, ""))
            and value in dict(self.labels[name])
        }
        for name, choices in self.labels.items():
            counts = self._counts(name)
            self.filters[name].extra["choices"] = [
                (value, f"{label} ({counts.get(value, 0)})") for value, label in choices
            ]

    def keep(self, queryset: PostQuerySet, name: str, value: Any) -> PostQuerySet:
        return queryset  # applied in filter_queryset, all filters at once

    def _narrow(self, queryset: PostQuerySet, *, skip: str = "") -> PostQuerySet:
        for name, value in self.chosen.items():
            if name != skip:
                queryset = queryset.filter(**{FIELDS[name]: value})
        return queryset

    def filter_queryset(self, queryset: Any) -> Any:
        return self._narrow(queryset).distinct()

    def _counts(self, name: str) -> dict[str, int]:
        """Posts per value of the filter ``name``, the other filters applied."""
        field_name = FIELDS[name]
        rows = (
            self._narrow(self.queryset, skip=name)
            .order_by()
            .values(field_name)
            .annotate(count=Count("pk", distinct=True))
        )
        return {str(row[field_name]): row["count"] for row in rows}
