"""Places in a page where higher apps add what they know, without the page naming them.

Data flows one way: ``organisations`` must not know that ``networks`` or ``events`` exist, yet
an organisation's page lists its networks and events. The page marks a slot with
``{% slot "organisation.main" %}``; each higher app registers, in its ``AppConfig.ready``,
which of its own partials fills that slot. The partial is rendered with the page's context.

Slots in use:

- ``page.head``: every page's ``<head>`` (Open Graph tags)
- ``organisation.head`` / ``organisation.main``: an organisation's page
- ``network.main``: a network's page
- ``network.facts``: the fact list of a network's page (``<div><dt>…</dt><dd>…</dd></div>``)


- ``organisation.actions`` / ``network.actions`` / ``exchange.actions``: buttons under the
  page's heading (follow)
- ``account.menu``: more links in the account's menu of the header, each an ``<li>``
- ``event.head``: an event's page
- ``staff.tools``: links to the staff's tools of higher apps, inline after the review queue's
  own links (each filler starts with a separator)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Filler:
    order: int
    template: str


_slots: dict[str, list[Filler]] = {}


def register(slot: str, template: str, *, order: int = 100) -> None:
    """Fill ``slot`` with ``template``; fillers of a slot render in ascending ``order``."""
    fillers = _slots.setdefault(slot, [])
    filler = Filler(order=order, template=template)
    if filler not in fillers:
        fillers.append(filler)
        fillers.sort()


def templates(slot: str) -> list[str]:
    return [filler.template for filler in _slots.get(slot, [])]
