from funding.services.calls import (
    FundingCallChanged,
    FundingCallData,
    Place,
    funding_call_create,
    funding_call_publish,
    funding_call_unpublish,
    funding_call_update,
)

__all__ = [
    "FundingCallChanged",
    "FundingCallData",
    "Place",
    "funding_call_create",
    "funding_call_publish",
    "funding_call_unpublish",
    "funding_call_update",
]
