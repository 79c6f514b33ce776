"""Filters of the list of calls; their state lives in the URL so results can be shared."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from funding.models import FundingCall, FundingCallQuerySet
from organisations.models import District, Topic


def _districts(request: object) -> QuerySet[District]:
    return District.objects.select_related("city")


def _topics(request: object) -> QuerySet[Topic]:
    return Topic.objects.all()


class FundingCallFilter(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(
        label=_("District"),
        queryset=_districts,
        method="filter_district",
        empty_label=_("All districts"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        queryset=_topics,
        method="filter_topic",
        empty_label=_("All topics"),
    )

    class Meta:
        model = FundingCall
        fields = ["district", "topic"]

    def filter_district(
        self, queryset: FundingCallQuerySet, name: str, value: District
    ) -> QuerySet:
        return queryset.in_district(value) if value else queryset

    def filter_topic(self, queryset: FundingCallQuerySet, name: str, value: Topic) -> QuerySet:
        if not value:
            return queryset
        tagged = FundingCall.topics.through.objects.filter(topic=value)
        return queryset.filter(pk__in=tagged.values("fundingcall"))
