"""Demo work for the reviewers: entries waiting for review, a claim and a problem report."""

from __future__ import annotations

from accounts.models import User
from migra_hub.demo import DemoLogins, demo_user
from organisations.access import districts_without_staff
from organisations.models import District, Language, Organisation, OrganisationKind
from organisations.services import (
    OrganisationData,
    claim_create,
    organisation_create,
    organisation_submit,
    problem_report_create,
)


def _pending_entry(
    *,
    name: str,
    description: str,
    email: str,
    district: District,
    language_codes: list[str],
    representative: User,
) -> Organisation:
    """The migrant-led entry ``representative`` submitted for review (made on the first run)."""
    pending = Organisation.objects.filter(name=name).first()
    if pending is None:
        pending = organisation_create(
            data=OrganisationData(
                name=name,
                kind=OrganisationKind.objects.exclude(slug="public-office").first(),
                migrant_led=True,
                description=description,
                email=email,
                no_public_address=True,
                districts=(district,),
                languages=tuple(Language.objects.filter(code__in=language_codes)),
            ),
            user=representative,
        )
        organisation_submit(organisation=pending, user=representative)
    return pending


def seed_city_wide_review(logins: DemoLogins) -> None:
    """A pending entry in a district without staff, so the city-wide staff have work too."""
    district = districts_without_staff().order_by("name").first()
    if district is None:
        return
    founder = demo_user("founder", "Farid Founder")
    pending = _pending_entry(
        name="Elternbrücke e.V.",
        description="Eltern beraten Eltern auf Arabisch, Farsi und Türkisch.",
        email="kontakt@elternbruecke.example.org",
        district=district,
        language_codes=["de", "ar", "fa", "tr"],
        representative=founder,
    )
    logins.add(f"Representative of “{pending.name}” (city-wide review)", founder.email)


def seed_review_queue(logins: DemoLogins, district: District) -> None:
    """A pending entry, a claim and a problem report, so the staff queue has work."""
    representative = demo_user("representative", "Rana Representative")
    pending = _pending_entry(
        name="Sprachbrücke Pankow e.V.",
        description="Wir übersetzen ehrenamtlich bei Elternabenden und Arztbesuchen.",
        email="kontakt@sprachbruecke-pankow.example.org",
        district=district,
        language_codes=["de", "ar", "fa"],
        representative=representative,
    )
    logins.add(f"Representative of “{pending.name}” (pending review)", representative.email)

    in_district = Organisation.objects.published().filter(districts=district).order_by("pk")
    claimant = demo_user("claimant", "Cem Claimant")
    # The entry claimed before, on a second run: by then other demo data may have given the
    # first ownerless entry people of its own.
    claimed = (
        in_district.filter(claims__user=claimant).first()
        or in_district.exclude(memberships__isnull=False).first()
    )
    if claimed is not None:
        if not claimed.claims.filter(user=claimant).exists():
            claim_create(
                organisation=claimed,
                user=claimant,
                message="Ich bin die Vorsitzende des Vereins und möchte den Eintrag pflegen.",
                language="de",
            )
        logins.add(f"Claims “{claimed.name}”", claimant.email)
    reported = in_district.last()
    if reported is not None:
        message = "Die Telefonnummer ist nicht mehr aktuell."
        if not reported.problem_reports.filter(message=message).exists():
            problem_report_create(organisation=reported, message=message)
