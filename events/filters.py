"""Filters of the public event list; their state lives in the URL so results can be shared."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventQuerySet
from networks.models import Network
from organisations.models import District, Language


def _districts(request: object) -> QuerySet[District]:
    return District.objects.select_related("city")


def _networks(request: object) -> QuerySet[Network]:
    return Network.objects.public()


def _languages(request: object) -> QuerySet[Language]:
    return Language.objects.filter(events__isnull=False).distinct()


# Dates the database and the time zone arithmetic can hold, with room for a day either side
# (9999-12-31 plus one day is no date): anything else is a form error, not a server error.
DATE_RANGE = [
    MinValueValidator(datetime.date(1900, 1, 1)),
    MaxValueValidator(datetime.date(9998, 12, 31)),
]


class EventFilter(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(
        label=_("District"),
        queryset=_districts,
        method="filter_district",
        empty_label=_("All districts"),
    )
    network = django_filters.ModelChoiceFilter(
        label=_("Network"),
        queryset=_networks,
        method="filter_network",
        empty_label=_("All networks"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of event"), choices=Event.Kind.choices, empty_label=_("All kinds of event")
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Language"),
        queryset=_languages,
        method="filter_language",
        empty_label=_("All languages"),
    )
    childcare = django_filters.BooleanFilter(
        label=_("with childcare"), widget=forms.CheckboxInput, method="only_if_checked"
    )
    interpretation = django_filters.BooleanFilter(
        label=_("with interpretation"), widget=forms.CheckboxInput, method="filter_interpretation"
    )
    date_from = django_filters.DateFilter(
        label=_("From"),
        field_name="ends_at",
        method="filter_from",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=DATE_RANGE,
    )
    date_to = django_filters.DateFilter(
        label=_("Until"),
        field_name="starts_at",
        method="filter_to",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=DATE_RANGE,
    )

    class Meta:
        model = Event
        fields = ["district", "network", "kind", "language", "childcare", "interpretation"]

    def filter_district(self, queryset: EventQuerySet, name: str, value: District) -> QuerySet:
        return queryset.in_district(value) if value else queryset

    def filter_network(self, queryset: EventQuerySet, name: str, value: Network) -> QuerySet:
        return queryset.organised_by(value) if value else queryset

    def filter_language(self, queryset: EventQuerySet, name: str, value: Language) -> QuerySet:
        if not value:
            return queryset
        spoken = Event.languages.through.objects.filter(language=value)
        return queryset.filter(pk__in=spoken.values("event"))

    def only_if_checked(self, queryset: EventQuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(**{name: True}) if value else queryset

    def filter_interpretation(self, queryset: EventQuerySet, name: str, value: bool) -> QuerySet:
        if not value:
            return queryset
        interpreted = Event.interpretation_languages.through.objects.all()
        return queryset.filter(pk__in=interpreted.values("event"))

    def _day_start(self, value: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))

    def filter_from(self, queryset: EventQuerySet, name: str, value: datetime.date) -> QuerySet:
        return queryset.filter(ends_at__gte=self._day_start(value)) if value else queryset

    def filter_to(self, queryset: EventQuerySet, name: str, value: datetime.date) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(starts_at__lt=self._day_start(value + datetime.timedelta(days=1)))
