"""Django's Persian formats with CLDR's decimal and group signs for the Persian digits.

Pages on /fa/ show Persian digits (see ``migra_hub.languages``); with them Persian writes the
momayyez (U+066B) as decimal sign and U+066C between thousands, not the Latin "." and ",".
"""

from babel.numbers import get_decimal_symbol, get_group_symbol
from django.conf.locale.fa.formats import *  # noqa: F403

DECIMAL_SEPARATOR = get_decimal_symbol("fa", numbering_system="default")
THOUSAND_SEPARATOR = get_group_symbol("fa", numbering_system="default")
NUMBER_GROUPING = 3
