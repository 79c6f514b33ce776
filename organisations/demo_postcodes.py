"""Real postcodes of Berlin's districts, a few each: the demo loads them as the city's
postcode list (imports place an address that names no district by its postcode) and gives its
organisations addresses with them."""

from __future__ import annotations

from organisations.models import District

# A few real postcodes of each district: imports place an address by its postcode with them,
# and the demo's own addresses use them.
BERLIN_POSTCODES = {
    "Mitte": "10115 10117 10119 10178 10179 10551 10557 13347 13353",
    "Friedrichshain-Kreuzberg": "10243 10245 10247 10249 10961 10963 10997 10999",
    "Pankow": "10435 10437 10439 13086 13187 13189",
    "Charlottenburg-Wilmersdorf": "10585 10587 10623 10625 10627 10629 14057",
    "Spandau": "13581 13583 13585 13587 13597",
    "Steglitz-Zehlendorf": "12163 12165 12167 14163 14195",
    "Tempelhof-Schöneberg": "10777 10779 10823 10827 12103",
    "Neukölln": "12043 12045 12047 12049 12051 12053",
    "Treptow-Köpenick": "12435 12437 12555 12557 12559",
    "Marzahn-Hellersdorf": "12619 12627 12679 12681 12685",
    "Lichtenberg": "10315 10317 10365 10367 13053",
    "Reinickendorf": "13403 13405 13407 13409 13435",
}


def demo_postcode(district: District, number: int) -> str:
    postcodes = BERLIN_POSTCODES[district.name].split()
    return postcodes[number % len(postcodes)]
