"""schema.org JSON-LD for search engines: an organisation as an ``Organization``.

Address and coordinates only where public; contact only what the entry shows anyway.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from organisations.models import Organisation


def organisation_jsonld(organisation: Organisation, *, page_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": f"{page_url}#organisation",
        "identifier": f"urn:uuid:{organisation.uuid}",
        "name": organisation.name,
        "url": page_url,
    }
    if organisation.short_name:
        data["alternateName"] = organisation.short_name
    if organisation.description:
        data["description"] = organisation.description
    same_as = [organisation.website, *organisation.social_links.split()]
    if any(same_as):
        data["sameAs"] = [link for link in same_as if link]
    if organisation.email:
        data["email"] = organisation.email
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.founding_year:
        data["foundingDate"] = str(organisation.founding_year)
    if organisation.shows_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organisation.street,
            "postalCode": organisation.postcode,
            "addressLocality": organisation.locality,
            "addressCountry": settings.OPENDATA_COUNTRY,
        }
    if organisation.shows_map:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(organisation.latitude),  # type: ignore[arg-type]
            "longitude": float(organisation.longitude),  # type: ignore[arg-type]
        }
    if organisation.email or organisation.phone:
        data["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "general",
            **({"email": organisation.email} if organisation.email else {}),
            **({"telephone": organisation.phone} if organisation.phone else {}),
            "availableLanguage": [lang.code for lang in organisation.languages.all()],
        }
    districts = [district.name for district in organisation.districts.all()]
    if districts:
        data["areaServed"] = [{"@type": "AdministrativeArea", "name": name} for name in districts]
    languages = [lang.code for lang in organisation.languages.all()]
    if languages:
        data["knowsLanguage"] = languages
    topics = [topic.name for topic in organisation.topics.all()]
    if topics:
        data["knowsAbout"] = topics
    offers = [offer for offer in organisation.offers.all() if not offer.has_ended]
    if offers:
        data["makesOffer"] = [
            {
                "@type": "Offer",
                "itemOffered": {
                    "@type": "Service",
                    "name": offer.title,
                    **({"description": offer.description} if offer.description else {}),
                },
                **({"price": "0", "priceCurrency": "EUR"} if offer.cost == offer.Cost.FREE else {}),
            }
            for offer in offers
        ]
    return data
