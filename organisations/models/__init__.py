"""The core of the directory, one subject per module: places, vocabularies, the organisation's
entry, its offers, the people who work on it and what district staff decide.

Everything is importable from ``organisations.models`` as before.
"""

from organisations.models.directory_version import DirectoryVersion
from organisations.models.merge import OrganisationMerge, OrganisationRedirect
from organisations.models.offer import Offer, OfferQuerySet
from organisations.models.organisation import (
    OUTDATED_AFTER,
    REMINDER_AFTER,
    REMINDER_INTERVAL,
    Address,
    Organisation,
    OrganisationQuerySet,
)
from organisations.models.people import (
    CityStaff,
    DistrictStaff,
    Invitation,
    InvitationQuerySet,
    OrganisationMembership,
    ReviewerMailSetting,
)
from organisations.models.places import City, District, DistrictPostcode
from organisations.models.review import (
    OwnershipClaim,
    OwnershipClaimQuerySet,
    ProblemReport,
    ReviewDecision,
)
from organisations.models.search_words import SearchWord, UnansweredSearch
from organisations.models.vocabularies import (
    Language,
    OfferKind,
    OrganisationKind,
    TargetGroup,
    Topic,
    TranslatedName,
    VocabularyManager,
)

__all__ = [
    "OUTDATED_AFTER",
    "REMINDER_AFTER",
    "REMINDER_INTERVAL",
    "Address",
    "City",
    "CityStaff",
    "DirectoryVersion",
    "District",
    "DistrictPostcode",
    "DistrictStaff",
    "Invitation",
    "InvitationQuerySet",
    "Language",
    "Offer",
    "OfferKind",
    "OfferQuerySet",
    "Organisation",
    "OrganisationKind",
    "OrganisationMembership",
    "OrganisationMerge",
    "OrganisationQuerySet",
    "OrganisationRedirect",
    "OwnershipClaim",
    "OwnershipClaimQuerySet",
    "ProblemReport",
    "ReviewDecision",
    "ReviewerMailSetting",
    "SearchWord",
    "TargetGroup",
    "Topic",
    "TranslatedName",
    "UnansweredSearch",
    "VocabularyManager",
]
