"""What this app keeps about a person: their part of the data download, what happens to it when
they delete their account, and which of its roles see other people's personal data.

Registered with the privacy registry (``accounts.privacy``) in ``NetworksConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from accounts.models import User
from accounts.privacy import Kept, Person, when
from networks.models import (
    DocumentVersion,
    MembershipChange,
    Network,
    NetworkNote,
    NetworkPhaseChange,
    NetworkProposal,
    NetworkTask,
    NoteVersion,
)


def personal_data(person: Person) -> dict[str, Any]:
    """The person's data held by this app, for the data download."""
    user = person.user
    return {
        "networks_curated": [network.name for network in user.curated_networks.all()],
        "network_actions": [
            {
                "network": change.membership.network.name,
                "organisation": change.membership.organisation.name,
                "action": change.action,
                "message": change.message,
                "at": when(change.created_at),
            }
            for change in MembershipChange.objects.filter(actor=user)
            .select_related("membership__network", "membership__organisation")
            .order_by("created_at", "pk")
        ],
        "network_notes": [
            {
                "network": note.network.name,
                "title": note.title,
                "date": when(note.date),
                "text": note.text,
                "attachment_url": note.attachment_url,
                "created_at": when(note.created_at),
            }
            for note in NetworkNote.objects.filter(author=user)
            .select_related("network")
            .order_by("created_at", "pk")
        ],
        **_kept_with_networks(person.user),
        **_agreed_in_networks(person.user),
    }


def _agreed_in_networks(user: User) -> dict[str, Any]:
    """The phase changes the person recorded, the tasks they set and the networks they
    proposed."""
    return {
        "network_phase_changes": [
            {
                "network": change.network.name,
                "phase": change.phase_after,
                "date": when(change.date),
                "note": change.note,
            }
            for change in NetworkPhaseChange.objects.filter(actor=user)
            .select_related("network")
            .order_by("created_at", "pk")
        ],
        "network_tasks": [
            {"network": task.network.name, "title": task.title, "created_at": when(task.created_at)}
            for task in NetworkTask.objects.filter(created_by=user)
            .select_related("network")
            .order_by("created_at", "pk")
        ],
        "network_proposals": [
            {
                "name": proposal.name,
                "organisation": proposal.organisation.name,
                "status": proposal.status,
                "created_at": when(proposal.created_at),
            }
            for proposal in NetworkProposal.objects.filter(proposed_by=user)
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
    }


def _kept_with_networks(user: User) -> dict[str, Any]:
    """The files the person uploaded and the notes' versions they wrote. The files are the
    network's: the download names them, the network keeps them."""
    return {
        "network_document_versions": [
            {
                "network": version.document.network.name,
                "document": version.document.title,
                "version": version.number,
                "file_name": version.filename,
                "comment": version.comment,
                "uploaded_at": when(version.created_at),
            }
            for version in DocumentVersion.objects.filter(uploaded_by=user)
            .select_related("document__network")
            .order_by("created_at", "pk")
        ],
        "network_note_versions": [
            {
                "network": version.note.network.name,
                "title": version.title,
                "date": when(version.date),
                "text": version.text,
                "written_at": when(version.written_at),
            }
            for version in NoteVersion.objects.filter(written_by=user)
            .select_related("note__network")
            .order_by("written_at", "pk")
        ],
    }


def before_account_deletion(person: Person) -> list[Kept]:
    """The history and the minutes stay with the networks; the person's name leaves them."""
    user = person.user
    # ``actor`` and ``author`` are emptied when the account goes (SET_NULL); the copies of the
    # name kept for the history go now.
    changes = MembershipChange.objects.filter(actor=user).update(actor_name="")
    notes = NetworkNote.objects.filter(author=user).update(author_name="")
    NetworkNote.objects.filter(edited_by=user).update(edited_by_name="")
    NoteVersion.objects.filter(written_by=user).update(written_by_name="")
    # ``created_by``/``archived_by`` are emptied by SET_NULL when the account goes.
    versions = DocumentVersion.objects.filter(uploaded_by=user).update(uploaded_by_name="")
    # The timeline keeps its entries without the name; tasks and proposals point to nobody
    # (SET_NULL) and keep nothing else about the person.
    NetworkPhaseChange.objects.filter(actor=user).update(actor_name="")
    Network.objects.filter(person.address_q("contact_email")).update(contact_email="")
    return (
        Kept.counted(
            changes,
            ngettext_lazy(
                "%(count)d change you made to network memberships, shown as “deleted account”.",
                "%(count)d changes you made to network memberships, shown as “deleted account”.",
                "count",
            ),
            _("A network's history shows its members who decided what and when."),
        )
        + Kept.counted(
            notes,
            ngettext_lazy(
                "%(count)d note you wrote for a network, without your name.",
                "%(count)d notes you wrote for networks, without your name.",
                "count",
            ),
            _("Minutes and decisions belong to the network and its members."),
        )
        + Kept.counted(
            versions,
            ngettext_lazy(
                "%(count)d file you uploaded to a network's documents, without your name.",
                "%(count)d files you uploaded to networks' documents, without your name.",
                "count",
            ),
            _("A network's documents belong to the network and stay when people change."),
        )
    )


def staff_role() -> Exists:
    """Staff named for a network (how city-wide networks are curated) see its members' data."""
    return Exists(Network.curators.through.objects.filter(user=OuterRef("pk")))
