"""Creating networks and changing what they say about themselves."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from migra_hub.revisions import ChangedMeanwhile, differences
from migra_hub.slugs import reserved_path_segments, unique_slug
from networks import access
from networks.models import Network
from networks.services.phases import record_first_phase
from organisations.models import District, Topic


@dataclass(frozen=True)
class NetworkData:
    """What a network says about itself: everything its edit form sets."""

    name: str
    goal: str
    scope: str = Network.Scope.DISTRICT
    district: District | None = None
    description: str = ""
    topics: tuple[Topic, ...] = ()
    meeting_rhythm: str = ""
    rules: str = ""
    terms_of_reference: str = ""
    join_policy: str = Network.JoinPolicy.OPEN
    contact_email: str = ""
    original_language: str = settings.LANGUAGE_CODE
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, network: Network) -> NetworkData:
        """The network as it is saved."""
        values = {name: getattr(network, name) for name in cls.column_names()}
        return cls(**values, topics=tuple(network.topics.order_by("pk")))

    @classmethod
    def column_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "topics"]

    def columns(self) -> dict[str, Any]:
        """The values of the network's own columns (with the city its district lies in)."""
        values = {name: getattr(self, name) for name in self.column_names()}
        if self.scope != Network.Scope.DISTRICT:
            values["district"] = None
        if values["district"] is not None:
            values["city"] = values["district"].city
        return values

    def staff_fields(self) -> dict[str, Any]:
        """Scope and district decide who curates the network: only staff change them."""
        columns = self.columns()
        return {"scope": columns["scope"], "district": columns["district"]}


class NetworkChanged(ChangedMeanwhile):
    """Someone else saved the network after the editor opened the form; nothing was saved."""

    current: Network

    def __init__(self, *, current: Network, data: NetworkData) -> None:
        super().__init__(
            _(
                "This network was changed by someone else since you opened it. Your "
                "changes are not saved yet: compare them with what is saved now below, "
                "then save again to keep yours."
            ),
            current=current,
            differences=differences(NetworkData.of(current), data),
        )


def network_slug(name: str) -> str:
    """A free address for a network, never one of the fixed pages beside it (``new``,
    ``mine``, ``curation``: read from the URL configuration)."""
    return unique_slug(
        name,
        queryset=Network,
        max_length=Network._meta.get_field("slug").max_length or 50,
        fallback="network",
        reserved=reserved_path_segments(namespace="networks"),
    )


def _check_district(user: User, district: District | None) -> None:
    if district is not None and not access.creatable_districts(user).filter(pk=district.pk):
        raise PermissionDenied


@transaction.atomic
def network_create(
    *,
    user: User,
    data: NetworkData,
    phase: str = Network.Phase.FOUNDING,
    note: str = "",
    since: datetime.date | None = None,
) -> Network:
    """Create a network in ``phase`` (the first entry of its timeline). Staff who create a
    network without a district are named its curators, so that it is never without someone
    who curates it."""
    if not access.can_create_networks(user):
        raise PermissionDenied
    _check_district(user, data.staff_fields()["district"])
    network = Network(**data.columns(), phase=phase, slug=network_slug(data.name))
    network.full_clean()
    network.save()
    network.topics.set(data.topics)
    if network.district_id is None or not access.is_staff_curator(user, network):
        network.curators.add(user)
    record_first_phase(network=network, user=user, note=note, since=since)
    return network


def _lock(network: Network, user: User) -> Network:
    """The network as it is now, its row locked; only its curators may change it."""
    locked = Network.objects.select_for_update().get(pk=network.pk)
    if not access.can_curate(user, locked):
        raise PermissionDenied
    return locked


def _assign(network: Network, values: dict[str, Any]) -> list[str]:
    """Assign the values that differ from the locked network; the names of those fields."""
    changed = [name for name, value in values.items() if getattr(network, name) != value]
    for name in changed:
        setattr(network, name, values[name])
    return changed


def _save(network: Network, changed: list[str]) -> None:
    """Save only the changed fields, as the network's next revision: a write never touches a
    field it did not change, so it cannot undo someone else's change to another field."""
    network.full_clean(exclude=["slug"])
    network.revision += 1
    network.save(update_fields=[*changed, "revision", "updated_at"])


@transaction.atomic
def network_update(
    *, network: Network, user: User, data: NetworkData, revision: int | None = None
) -> Network:
    """Save a curator's changes to the network.

    ``revision`` is the network's revision the editor's form was opened on: when the network
    has been saved since, nothing is saved (``NetworkChanged``). Only staff curators change
    the scope and the district, and only to a district of their own."""
    locked = _lock(network, user)
    if revision is not None and revision != locked.revision:
        raise NetworkChanged(current=locked, data=data)
    staff_fields = data.staff_fields()
    if any(getattr(locked, name) != value for name, value in staff_fields.items()):
        if not access.is_staff_curator(user, locked):
            raise PermissionDenied
        if staff_fields["district"] != locked.district:
            _check_district(user, staff_fields["district"])
    changed = _assign(locked, data.columns())
    topics_changed = {topic.pk for topic in locked.topics.all()} != {t.pk for t in data.topics}
    if changed or topics_changed:
        _save(locked, changed)
    if topics_changed:
        locked.topics.set(data.topics)
    return locked
