"""Partners of a network that are not migrant organisations: schools, job centres, youth welfare
offices, welfare associations, foundations.

A light record rather than a directory entry: the directory lists migrant organisations, each
with people who keep it up to date and staff who review it; an institution that works with a
network needs neither. The record holds no personal data: a role to ask for, never a person.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from networks.models.network import Network


class NetworkPartner(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "school", _("school or day care")
        JOB_CENTRE = "job_centre", _("job centre or employment agency")
        YOUTH_WELFARE = "youth_welfare", _("youth welfare office")
        WELFARE_ASSOCIATION = "welfare_association", _("welfare association")
        FOUNDATION = "foundation", _("foundation")
        ADMINISTRATION = "administration", _("public administration")
        OTHER = "other", _("other institution")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="partners", verbose_name=_("network")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of institution"), max_length=30, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    contact_role = models.CharField(
        _("whom to ask"),
        max_length=200,
        blank=True,
        help_text=_("A role or office, not a person's name, e.g. “school social work”."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("network partner")
        verbose_name_plural = _("network partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="one_partner_per_name"),
        ]

    def __str__(self) -> str:
        return self.name
