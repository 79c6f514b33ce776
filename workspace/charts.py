"""Where the shapes of the analysis's charts go, for server-rendered SVG.

No charting library fits our pages: the maintained SVG one for Python (pygal) puts an inline
``<style>`` element into every chart and draws tooltips with its own JavaScript, both of which
our Content Security Policy (``style-src 'self'``, ``script-src 'self'``) blocks, and its charts
carry neither ``role="img"`` nor a description. So the templates draw plain rectangles and
circles (``templates/workspace/_bar_chart.html``, ``_dot_map.html``); this module only places
them: a bar's length is its share of the largest value, a dot's place is its coordinates
within the bounding box of all dots. Colours come from the stylesheet, so high contrast and
print modes restyle them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workspace.analysis import Bar, Chart
from workspace.analysis_lists import Point

WIDTH = 320
ROW_HEIGHT = 44
LABEL_BASELINE = 16
BAR_TOP = 22
BAR_HEIGHT = 16
# Room after the longest bar for its number.
NUMBER_ROOM = 48
NUMBER_GAP = 6


@dataclass(frozen=True)
class PlacedBar:
    bar: Bar
    label_x: int
    label_y: int
    x: float
    y: int
    width: float
    number_x: float
    number_y: int


@dataclass(frozen=True)
class BarChart:
    chart: Chart
    width: int
    height: int
    bar_height: int
    bars: list[PlacedBar]


def bar_chart(chart: Chart, *, rtl: bool = False) -> BarChart:
    """Horizontal bars, one row per value: its label above, the bar, its number after it.

    Right to left, the bars grow from the right edge, so the chart reads like the page. The
    texts keep ``text-anchor="start"``: SVG text takes the page's direction, so "start" is the
    right end of a text on a right-to-left page.
    """
    room = WIDTH - NUMBER_ROOM
    largest = chart.largest or 1
    placed = []
    for row, bar in enumerate(chart.bars):
        top = row * ROW_HEIGHT
        length = round(max(bar.count / largest * room, 2 if bar.count else 0), 1)
        x = WIDTH - length if rtl else 0
        number_x = x - NUMBER_GAP if rtl else length + NUMBER_GAP
        placed.append(
            PlacedBar(
                bar=bar,
                label_x=WIDTH if rtl else 0,
                label_y=top + LABEL_BASELINE,
                x=x,
                y=top + BAR_TOP,
                width=length,
                number_x=number_x,
                number_y=top + BAR_TOP + BAR_HEIGHT - 3,
            )
        )
    return BarChart(
        chart=chart,
        width=WIDTH,
        height=max(len(placed), 1) * ROW_HEIGHT,
        bar_height=BAR_HEIGHT,
        bars=placed,
    )


MAP_WIDTH = 320
MAP_HEIGHT = 240
MAP_MARGIN = 12
DOT_RADIUS = 5


@dataclass(frozen=True)
class Dot:
    point: Point
    cx: float
    cy: float


@dataclass(frozen=True)
class DotMap:
    width: int
    height: int
    radius: int
    dots: list[Dot]


def dot_map(points: list[Point]) -> DotMap:
    """The points within their bounding box, north up, east right (a map is not mirrored for
    right-to-left pages). Longitude is shortened by the cosine of the latitude, so that the
    distances look as they are on the ground."""
    if not points:
        return DotMap(MAP_WIDTH, MAP_HEIGHT, DOT_RADIUS, [])
    latitudes = [float(point.latitude) for point in points]
    squeeze = math.cos(math.radians(sum(latitudes) / len(latitudes)))
    xs = [float(point.longitude) * squeeze for point in points]
    west, east, south, north = min(xs), max(xs), min(latitudes), max(latitudes)
    inner_width, inner_height = MAP_WIDTH - 2 * MAP_MARGIN, MAP_HEIGHT - 2 * MAP_MARGIN
    scale = min(inner_width / ((east - west) or 1), inner_height / ((north - south) or 1))
    # Centre the box of the points within the map.
    left = MAP_MARGIN + (inner_width - (east - west) * scale) / 2
    top = MAP_MARGIN + (inner_height - (north - south) * scale) / 2
    dots = [
        Dot(point, round(left + (x - west) * scale, 1), round(top + (north - lat) * scale, 1))
        for point, x, lat in zip(points, xs, latitudes, strict=True)
    ]
    return DotMap(MAP_WIDTH, MAP_HEIGHT, DOT_RADIUS, dots)
