"""Posting funding calls and changing them: every write records who did what and when."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from funding import access
from funding.models import FundingCall, FundingCallChange
from migra_hub.revisions import ChangedMeanwhile, differences
from migra_hub.slugs import reserved_path_segments, unique_slug
from networks.models import Network
from organisations.models import City, District, TargetGroup, Topic

Place = City | District | Network

MANY_TO_MANY = ("topics", "target_groups")


@dataclass(frozen=True)
class FundingCallData:
    """What a call says: everything its form sets, with the place it is posted for."""

    title: str
    funder: str
    description: str
    eligibility: str
    deadline_date: datetime.date
    url: str
    place: Place
    deadline_time: datetime.time | None = None
    amount_min: int | None = None
    amount_max: int | None = None
    topics: tuple[Topic, ...] = ()
    target_groups: tuple[TargetGroup, ...] = ()

    @classmethod
    def of(cls, call: FundingCall) -> FundingCallData:
        """The call as it is saved."""
        return cls(
            **{name: getattr(call, name) for name in cls.column_names()},
            place=call.place,
            topics=tuple(call.topics.all()),
            target_groups=tuple(call.target_groups.all()),
        )

    @classmethod
    def column_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name not in (*MANY_TO_MANY, "place")]

    def columns(self) -> dict[str, Any]:
        """The call's own columns, the place as scope and city, district or network."""
        values: dict[str, Any] = {name: getattr(self, name) for name in self.column_names()}
        place = self.place
        values.update(
            scope=(
                FundingCall.Scope.CITY
                if isinstance(place, City)
                else FundingCall.Scope.NETWORK
                if isinstance(place, Network)
                else FundingCall.Scope.DISTRICT
            ),
            city=place if isinstance(place, City) else getattr(place, "city", None),
            district=place if isinstance(place, District) else None,
            network=place if isinstance(place, Network) else None,
        )
        return values


class FundingCallChanged(ChangedMeanwhile):
    """Someone else saved the call after the editor opened the form; nothing was saved."""

    current: FundingCall

    def __init__(self, *, current: FundingCall, data: FundingCallData) -> None:
        super().__init__(
            _(
                "This funding call was changed by someone else since you opened it. Your "
                "changes are not saved yet: compare them with what is saved now below, then "
                "save again to keep yours."
            ),
            current=current,
            differences=differences(FundingCallData.of(current), data),
        )


def _may_post_for(user: User, place: Place) -> bool:
    where = access.places(user)
    return place in where.cities or place in where.districts or place in where.networks


def _record(call: FundingCall, user: User, action: str, changed: list[str] | None = None) -> None:
    FundingCallChange.objects.create(
        call=call, action=action, fields=changed or [], actor=user, actor_name=str(user)
    )


def _set_many(call: FundingCall, data: FundingCallData) -> list[str]:
    changed = []
    for name in MANY_TO_MANY:
        wanted = {item.pk for item in getattr(data, name)}
        if {item.pk for item in getattr(call, name).all()} != wanted:
            getattr(call, name).set(wanted)
            changed.append(name)
    return changed


@transaction.atomic
def funding_call_create(*, user: User, data: FundingCallData, publish: bool = False) -> FundingCall:
    """Save a new call (a draft, or published at once with ``publish``)."""
    if not _may_post_for(user, data.place):
        raise PermissionDenied
    call = FundingCall(
        **data.columns(),
        slug=unique_slug(
            data.title,
            queryset=FundingCall,
            max_length=FundingCall._meta.get_field("slug").max_length or 220,
            fallback="call",
            reserved=reserved_path_segments(namespace="funding"),
        ),
    )
    call.full_clean()
    call.save()
    _set_many(call, data)
    _record(call, user, FundingCallChange.Action.CREATED)
    if publish:
        _publish(call, user)
    return call


def _lock(call: FundingCall, user: User) -> FundingCall:
    """The call as it is now, its row locked; only its managers may change it."""
    locked = FundingCall.objects.select_for_update().get(pk=call.pk)
    if not access.can_manage(user, locked):
        raise PermissionDenied
    return locked


def _save(call: FundingCall, changed: list[str]) -> None:
    """Save only the changed fields, as the call's next revision."""
    call.revision += 1
    call.save(update_fields=[*changed, "revision", "updated_at"])


@transaction.atomic
def funding_call_update(
    *, call: FundingCall, user: User, data: FundingCallData, revision: int | None = None
) -> FundingCall:
    """Save a manager's changes. ``revision`` is the call's revision the editor's form was
    opened on: when the call has been saved since, nothing is saved (``FundingCallChanged``).
    Moving a call to another place needs the right to post there too."""
    locked = _lock(call, user)
    if revision is not None and revision != locked.revision:
        raise FundingCallChanged(current=locked, data=data)
    if data.place != locked.place and not _may_post_for(user, data.place):
        raise PermissionDenied
    values = data.columns()
    changed = [name for name, value in values.items() if getattr(locked, name) != value]
    for name in changed:
        setattr(locked, name, values[name])
    locked.full_clean(exclude=["slug"])
    changed_many = _set_many(locked, data)
    if changed or changed_many:
        _save(locked, changed)
        _record(locked, user, FundingCallChange.Action.EDITED, [*changed, *changed_many])
    return locked


def _publish(call: FundingCall, user: User) -> None:
    call.status = FundingCall.Status.PUBLISHED
    call.published_at = timezone.now()
    _save(call, ["status", "published_at"])
    _record(call, user, FundingCallChange.Action.PUBLISHED)


@transaction.atomic
def funding_call_publish(*, call: FundingCall, user: User) -> FundingCall:
    """Publish a draft or an unpublished call; a published one stays as it is."""
    locked = _lock(call, user)
    if locked.status != FundingCall.Status.PUBLISHED:
        _publish(locked, user)
    return locked


@transaction.atomic
def funding_call_unpublish(*, call: FundingCall, user: User) -> FundingCall:
    """Take a published call off the public pages (it stays for its managers)."""
    locked = _lock(call, user)
    if locked.status == FundingCall.Status.PUBLISHED:
        locked.status = FundingCall.Status.UNPUBLISHED
        _save(locked, ["status"])
        _record(locked, user, FundingCallChange.Action.UNPUBLISHED)
    return locked
