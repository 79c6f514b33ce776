"""Render the app icons from static/icons/icon.svg with Chromium (Playwright), no image library.

    .venv/bin/python tools/render_icons.py

Writes PNGs of 32, 180 (apple-touch-icon, full-bleed), 192 and 512 pixels (512 also maskable:
the artwork inset into the safe zone on the brand colour) and public/favicon.ico, served at
/favicon.ico by WhiteNoise (one 32 px PNG inside an ICO container, which browsers read).
"""

from __future__ import annotations

import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "static" / "icons"
CHROMIUM = "/usr/bin/chromium"
BRAND = "#1d4e89"
# name: (size, inset of the artwork as a share of the size; 0 = transparent corners)
ICONS_TO_RENDER = {
    "icon-32.png": (32, 0.0),
    "apple-touch-icon.png": (180, 0.04),
    "icon-192.png": (192, 0.0),
    "icon-512.png": (512, 0.0),
    "icon-maskable-512.png": (512, 0.1),
}


def _html(svg: str, size: int, *, inset: float) -> str:
    # Maskable icons are cropped to a circle of 80 % by the system, and iOS rounds the corners
    # of the apple-touch-icon itself: both get the artwork inset on a full-bleed background.
    background = BRAND if inset else "transparent"
    inset = size * inset
    return (
        "<!DOCTYPE html><html><body style='margin:0;background:" + background + "'>"
        f"<div style='padding:{inset}px;width:{size - 2 * inset}px;height:{size - 2 * inset}px'>"
        + svg.replace("<svg ", "<svg width='100%' height='100%' ", 1)
        + "</div></body></html>"
    )


def ico_from_png(png: bytes, size: int) -> bytes:
    """An ICO file holding one PNG image (ICONDIR + one ICONDIRENTRY + the PNG)."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def main() -> None:
    svg = (ICONS / "icon.svg").read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, (size, inset) in ICONS_TO_RENDER.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(_html(svg, size, inset=inset))
            png = page.screenshot(omit_background=not inset, type="png")
            (ICONS / name).write_bytes(png)
            if size == 32:
                (ROOT / "public" / "favicon.ico").write_bytes(ico_from_png(png, size))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
