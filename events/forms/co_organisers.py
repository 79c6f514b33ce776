"""Choosing an organiser among districts, networks and organisations: the organiser of a new
event, and a co-organiser to add to an event."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from events.models import Event, Organiser
from events.models.organiser import organiser_field
from networks.models import Network
from organisations.models import District, Organisation

OrganiserQuerySets = dict[str, QuerySet[Any]]


def organiser_choices(querysets: OrganiserQuerySets) -> list[tuple[str, Any]]:
    """ "Please choose", then one group per kind of organiser that has any, with values such as
    ``district:3``."""
    choices: list[tuple[str, Any]] = [("", _("Please choose"))]
    for label, prefix in (
        (_("District"), "district"),
        (_("Network"), "network"),
        (_("Organisation"), "organisation"),
    ):
        queryset = querysets.get(prefix)
        options = [(f"{prefix}:{item.pk}", str(item)) for item in queryset or []]
        if options:
            choices.append((str(label), options))
    return choices


def chosen_organiser(querysets: OrganiserQuerySets, value: str) -> Organiser | None:
    """The organiser a choice's value names, if it is still among the offered ones."""
    kind, _separator, pk = value.partition(":")
    if kind not in querysets or not pk.isdigit():
        return None
    found: Organiser | None = querysets[kind].filter(pk=pk).first()
    return found


class CoOrganiserForm(forms.Form):
    organiser = forms.ChoiceField(
        label=_("Organise together with"),
        help_text=_(
            "Their people can then edit the event, see its registrations, check people in and "
            "write to them, as you can."
        ),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Everyone who organises the event already is no choice.
        taken: dict[str, set[int]] = {"district": set(), "network": set(), "organisation": set()}
        for party in [event.organiser, *(co.party for co in event.co_organisers.all())]:
            taken[organiser_field(party)].add(party.pk)
        self.querysets: OrganiserQuerySets = {
            "district": District.objects.exclude(pk__in=taken["district"]).order_by("name"),
            "network": Network.objects.public()
            .exclude(phase=Network.Phase.CLOSED)
            .exclude(pk__in=taken["network"])
            .order_by("name"),
            "organisation": Organisation.objects.published()
            .exclude(pk__in=taken["organisation"])
            .order_by("name"),
        }
        self.fields["organiser"].choices = organiser_choices(self.querysets)  # type: ignore[attr-defined]

    def clean_organiser(self) -> Organiser:
        organiser = chosen_organiser(self.querysets, self.cleaned_data["organiser"])
        if organiser is None:
            raise forms.ValidationError(_("Please choose an organiser from the list."))
        return organiser
