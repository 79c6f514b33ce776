from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from networks.models import Network, NetworkQuerySet
from organisations.models import District, Topic


class NetworkFilter(django_filters.FilterSet):
    scope = django_filters.ChoiceFilter(
        label=_("Scope"), choices=Network.Scope.choices, empty_label=_("All scopes")
    )
    district = django_filters.ModelChoiceFilter(
        label=_("District"),
        queryset=District.objects.select_related("city"),
        empty_label=_("All districts"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
    )
    open = django_filters.BooleanFilter(
        label=_("Only networks open for requests"),
        method="filter_open",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Network
        fields = ["scope", "district", "topic", "open"]

    def filter_open(self, queryset: NetworkQuerySet, name: str, value: bool) -> NetworkQuerySet:
        return queryset.open_for_requests() if value else queryset
