"""Where organisations work: cities and their districts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class City(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="districts", verbose_name=_("city")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"))

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["city__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["city", "slug"], name="district_unique_slug_per_city"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def office_name(self) -> str:
        """The district office by its full name ("Bezirksamt Pankow"), e.g. as an organiser."""
        return gettext("District office %(district)s") % {"district": self.name}


class DistrictPostcode(models.Model):
    """A postcode with addresses in this district. Imports place an address that names no
    district by its postcode; a postcode listed for two districts places it in neither."""

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="postcodes", verbose_name=_("district")
    )
    postcode = models.CharField(_("postcode"), max_length=10)

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["postcode"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "postcode"], name="district_postcode_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.postcode} ({self.district})"
